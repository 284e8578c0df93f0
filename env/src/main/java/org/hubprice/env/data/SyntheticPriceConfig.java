package org.hubprice.env.data;

import java.util.Arrays;
import org.hubprice.common.Check;

/**
 * Parameters of the synthetic day-ahead / real-time price model of {@link SyntheticPriceGenerator}.
 * Immutable; every value is validated here, arrays are copied in and out.
 *
 * <p>The model, for day {@code d} (calendar month {@code m}, season {@code s}) and hour {@code h}:
 * <pre>
 *   x[d]     = dailyPersistence · x[d−1] + dailyVolatility · t(dailyTailDf)        (log daily level deviation)
 *   u[d,h]   = hourlyPersistence · u[d,h−1] + hourlyVolatility · N(0,1),  then centred over the 24 hours
 *   DA[d,h]  = monthlyLevel[m] · exp(x[d]) · hourlyShape[s][h] · exp(u[d,h])
 *   w[t]     = rtPersistence · w[t−1] + rtVolatility · t(rtTailDf)                  (t = running hour, across days)
 *   RT[d,h]  = DA[d,h] · exp(rtLogBias[h] + w[t])                                   normal hour, ratio kept below spikeRatio
 *            = DA[d,h] · spikeRatio · exp(E)                                         spike hour
 *            = −DA[d,h] · Exp(mean nonPositiveMeanRatio)                             non-positive hour (probability per hour)
 *   z[d,h]   = log(DA[d,h] / monthlyLevel[m])                                        (how dear the hour is for its month)
 *   spikes   : a two-state Markov chain over hours, entered from a normal hour with probability
 *              min(0.5, spikeEntryProbability · exp(spikeLevelSensitivity · z)), left with probability 1 − spikePersistence
 *   E        ~ Exp(mean min(5, spikeTailMean · exp(spikeTailLevelSensitivity · z))), truncated at log(spikeMaxRatio/spikeRatio)
 * </pre>
 * {@code t(ν)} is a Student-t variable scaled to unit variance (heavy-tailed shocks), so the
 * volatilities are innovation standard deviations whatever the tail. Seasons are DJF, MAM, JJA, SON.
 * Spikes are likelier, and larger, in hours that are dear for their month ({@code z > 0}): in the
 * reference year RT spikes came mostly in the peak hours of cold snaps and heat waves, where a
 * quarter of the days with the highest level had four times the spike share of the others; this
 * is also what makes spikes large in $/MWh.
 * Because {@code u} is centred, {@code monthlyLevel · exp(x[d])} is exactly the geometric mean of
 * the day's DA prices, which is what {@link SyntheticPriceCalibrator} measures.
 *
 * <p>{@link #pjm48592()} holds the parameters that {@link SyntheticPriceCalibrator#fit} estimates
 * from PJM pnode 48592, 2021-12-01 .. 2022-11-29 (364 complete days, the node and year of the
 * reference case study); they are facts measured from that public data, copied here rounded to
 * four significant digits so that the project runs without the data files.
 *
 * @param monthlyLevel 12 geometric-mean DA prices in $/MWh for January .. December, each {@code > 0}
 * @param hourlyShape 4 × 24 positive multiplicative hour-of-day profiles (DJF, MAM, JJA, SON); each
 *     row is rescaled here to geometric mean 1, since only the relative shape carries meaning
 * @param dailyPersistence AR(1) coefficient of the log daily level deviation, in [0, 0.999]
 * @param dailyVolatility innovation standard deviation of the log daily level, in [0, 2]
 * @param dailyTailDf degrees of freedom of the daily shocks, in [2.5, 1000] (1000 is practically Gaussian)
 * @param hourlyPersistence AR(1) coefficient of the hour-to-hour DA deviation within a day, in [0, 0.999]
 * @param hourlyVolatility innovation standard deviation of that deviation (log scale), in [0, 2]
 * @param rtLogBias 24 centres of log(RT/DA) in normal hours, one per hour of the day, each in
 *     [−2, log(spikeRatio)) (in the reference year about −0.03 at night and −0.08 to −0.11 in the
 *     peak: DA prices carry a premium over RT where demand is high)
 * @param rtPersistence AR(1) coefficient of log(RT/DA) from hour to hour, in [0, 0.999]
 * @param rtVolatility innovation standard deviation of log(RT/DA), in [0, 2]
 * @param rtTailDf degrees of freedom of the RT shocks, in [2.5, 1000]
 * @param spikeRatio RT/DA above which an hour counts as a spike, in [1.05, 100]
 * @param spikeMaxRatio largest RT/DA a spike may reach, in (spikeRatio, 1000]
 * @param spikeEntryProbability probability that a normal hour is followed by a spike hour whose DA
 *     is at its month's level ({@code z = 0}), in [0, 0.5]
 * @param spikeLevelSensitivity how much likelier spikes start per unit of {@code z} (log scale), in [0, 10]
 * @param spikePersistence probability that a spike hour is followed by another, in [0, 0.99]
 * @param spikeTailMean mean of log(RT / (spikeRatio · DA)) in spike hours at {@code z = 0}, before truncation, in (0, 5]
 * @param spikeTailLevelSensitivity how much larger spikes are per unit of {@code z} (log scale), in [0, 5]
 * @param nonPositiveProbability probability that an hour has RT ≤ 0, in [0, 0.5]
 * @param nonPositiveMeanRatio mean of −RT/DA in such hours, in [0, 100]
 */
public record SyntheticPriceConfig(
        double[] monthlyLevel,
        double[][] hourlyShape,
        double dailyPersistence,
        double dailyVolatility,
        double dailyTailDf,
        double hourlyPersistence,
        double hourlyVolatility,
        double[] rtLogBias,
        double rtPersistence,
        double rtVolatility,
        double rtTailDf,
        double spikeRatio,
        double spikeMaxRatio,
        double spikeEntryProbability,
        double spikeLevelSensitivity,
        double spikePersistence,
        double spikeTailMean,
        double spikeTailLevelSensitivity,
        double nonPositiveProbability,
        double nonPositiveMeanRatio) {

    /** Number of seasons in {@link #hourlyShape()}: DJF, MAM, JJA, SON. */
    public static final int SEASONS = 4;

    /** Smallest and largest Student-t degrees of freedom accepted (variance must be finite). */
    public static final double MIN_TAIL_DF = 2.5;

    public static final double MAX_TAIL_DF = 1000;

    public SyntheticPriceConfig {
        monthlyLevel = Check.finiteArray("monthlyLevel", monthlyLevel, 12).clone();
        for (int m = 0; m < 12; m++) {
            Check.that(monthlyLevel[m] > 0, "monthlyLevel[" + m + "] (" + java.time.Month.of(m + 1) + ") = " + monthlyLevel[m]
                    + " must be > 0: it is a geometric-mean price in $/MWh. Maybe the month had no data; give a neighbouring month's level");
        }
        if (hourlyShape == null || hourlyShape.length != SEASONS) {
            throw new IllegalArgumentException("hourlyShape has " + (hourlyShape == null ? "no" : hourlyShape.length)
                    + " rows; exactly " + SEASONS + " (DJF, MAM, JJA, SON) of 24 values are required");
        }
        double[][] shape = new double[SEASONS][];
        for (int s = 0; s < SEASONS; s++) {
            double[] row = Check.finiteArray("hourlyShape[" + s + "]", hourlyShape[s], MarketDay.HOURS).clone();
            double logSum = 0;
            for (int h = 0; h < MarketDay.HOURS; h++) {
                Check.that(row[h] > 0, "hourlyShape[" + s + "][" + h + "] = " + row[h]
                        + " must be > 0: the shape multiplies a positive price level");
                logSum += Math.log(row[h]);
            }
            // Normalise to geometric mean 1 so that monthlyLevel alone sets the level; a row that
            // is already normalised is left bit-identical, so rebuilding a config changes nothing.
            double logMean = logSum / MarketDay.HOURS;
            if (Math.abs(logMean) > 1e-12) {
                double norm = Math.exp(logMean);
                for (int h = 0; h < MarketDay.HOURS; h++) {
                    row[h] /= norm;
                }
            }
            shape[s] = row;
        }
        hourlyShape = shape;
        Check.inRange("dailyPersistence", dailyPersistence, 0, 0.999);
        Check.inRange("dailyVolatility", dailyVolatility, 0, 2);
        Check.inRange("dailyTailDf", dailyTailDf, MIN_TAIL_DF, MAX_TAIL_DF);
        Check.inRange("hourlyPersistence", hourlyPersistence, 0, 0.999);
        Check.inRange("hourlyVolatility", hourlyVolatility, 0, 2);
        Check.inRange("rtPersistence", rtPersistence, 0, 0.999);
        Check.inRange("rtVolatility", rtVolatility, 0, 2);
        Check.inRange("rtTailDf", rtTailDf, MIN_TAIL_DF, MAX_TAIL_DF);
        Check.inRange("spikeRatio", spikeRatio, 1.05, 100);
        Check.inRange("spikeMaxRatio", spikeMaxRatio, spikeRatio, 1000);
        Check.that(spikeMaxRatio > spikeRatio, "spikeMaxRatio = " + spikeMaxRatio + " must be > spikeRatio = " + spikeRatio
                + ". Maybe raise spikeMaxRatio to the largest RT/DA ratio you want to allow");
        Check.inRange("spikeEntryProbability", spikeEntryProbability, 0, 0.5);
        Check.inRange("spikeLevelSensitivity", spikeLevelSensitivity, 0, 10);
        Check.inRange("spikePersistence", spikePersistence, 0, 0.99);
        Check.inRange("spikeTailMean", spikeTailMean, 1e-6, 5);
        Check.inRange("spikeTailLevelSensitivity", spikeTailLevelSensitivity, 0, 5);
        Check.inRange("nonPositiveProbability", nonPositiveProbability, 0, 0.5);
        Check.inRange("nonPositiveMeanRatio", nonPositiveMeanRatio, 0, 100);
        rtLogBias = Check.finiteArray("rtLogBias", rtLogBias, MarketDay.HOURS).clone();
        double logCap = Math.log(spikeRatio);
        for (int h = 0; h < MarketDay.HOURS; h++) {
            Check.inRange("rtLogBias[" + h + "]", rtLogBias[h], -2, 2);
            Check.that(rtLogBias[h] < logCap, "rtLogBias[" + h + "] = " + rtLogBias[h] + " must be below log(spikeRatio) = "
                    + logCap + ": normal hours are kept below the spike threshold. Maybe lower rtLogBias or raise spikeRatio");
        }
    }

    /**
     * The parameters fitted by {@link SyntheticPriceCalibrator} to PJM pnode 48592 (DA and RT hourly
     * LMPs, 2021-12-01 .. 2022-11-29, files {@code da_hrl_lmps_48592.csv} and
     * {@code rt_hrl_lmps_48592.csv} of the paper's public reference implementation), spike threshold
     * RT &gt; 2 · DA. Reproduced by {@code SyntheticPriceCalibrationTest} when the data is present.
     */
    public static SyntheticPriceConfig pjm48592() {
        return Pjm48592.CONFIG;
    }

    /** The default configuration: {@link #pjm48592()}. */
    public static SyntheticPriceConfig defaults() {
        return pjm48592();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public double[] monthlyLevel() {
        return monthlyLevel.clone();
    }

    /** Geometric-mean DA level of {@code month} (1 = January) without copying. */
    public double monthlyLevel(int month) {
        return monthlyLevel[month - 1];
    }

    @Override
    public double[] rtLogBias() {
        return rtLogBias.clone();
    }

    /** Centre of log(RT/DA) in normal hours at {@code hour}, without copying. */
    public double rtLogBias(int hour) {
        return rtLogBias[hour];
    }

    @Override
    public double[][] hourlyShape() {
        double[][] copy = new double[SEASONS][];
        for (int s = 0; s < SEASONS; s++) {
            copy[s] = hourlyShape[s].clone();
        }
        return copy;
    }

    /** Shape multiplier of {@code season} (0 = DJF .. 3 = SON) and {@code hour} without copying. */
    public double hourlyShape(int season, int hour) {
        return hourlyShape[season][hour];
    }

    /** Season index of a calendar month (1..12): 0 = Dec/Jan/Feb, 1 = Mar–May, 2 = Jun–Aug, 3 = Sep–Nov. */
    public static int seasonOf(int month) {
        return (month % 12) / 3;
    }

    /**
     * Share of hours in a spike implied by the Markov chain on days at their month's level
     * ({@code x[d] = 0}), before non-positive overrides.
     */
    public double stationarySpikeShare() {
        double exit = 1 - spikePersistence;
        return spikeEntryProbability == 0 ? 0 : spikeEntryProbability / (spikeEntryProbability + exit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticPriceConfig c
                && Arrays.equals(monthlyLevel, c.monthlyLevel)
                && Arrays.deepEquals(hourlyShape, c.hourlyShape)
                && Double.compare(dailyPersistence, c.dailyPersistence) == 0
                && Double.compare(dailyVolatility, c.dailyVolatility) == 0
                && Double.compare(dailyTailDf, c.dailyTailDf) == 0
                && Double.compare(hourlyPersistence, c.hourlyPersistence) == 0
                && Double.compare(hourlyVolatility, c.hourlyVolatility) == 0
                && Arrays.equals(rtLogBias, c.rtLogBias)
                && Double.compare(rtPersistence, c.rtPersistence) == 0
                && Double.compare(rtVolatility, c.rtVolatility) == 0
                && Double.compare(rtTailDf, c.rtTailDf) == 0
                && Double.compare(spikeRatio, c.spikeRatio) == 0
                && Double.compare(spikeMaxRatio, c.spikeMaxRatio) == 0
                && Double.compare(spikeEntryProbability, c.spikeEntryProbability) == 0
                && Double.compare(spikeLevelSensitivity, c.spikeLevelSensitivity) == 0
                && Double.compare(spikePersistence, c.spikePersistence) == 0
                && Double.compare(spikeTailMean, c.spikeTailMean) == 0
                && Double.compare(spikeTailLevelSensitivity, c.spikeTailLevelSensitivity) == 0
                && Double.compare(nonPositiveProbability, c.nonPositiveProbability) == 0
                && Double.compare(nonPositiveMeanRatio, c.nonPositiveMeanRatio) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(monthlyLevel) * 31 + Double.hashCode(dailyPersistence);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SyntheticPriceConfig[monthlyLevel=").append(Arrays.toString(monthlyLevel));
        sb.append(", hourlyShape=").append(Arrays.deepToString(hourlyShape));
        sb.append(", dailyPersistence=").append(dailyPersistence).append(", dailyVolatility=").append(dailyVolatility);
        sb.append(", dailyTailDf=").append(dailyTailDf).append(", hourlyPersistence=").append(hourlyPersistence);
        sb.append(", hourlyVolatility=").append(hourlyVolatility).append(", rtLogBias=").append(Arrays.toString(rtLogBias));
        sb.append(", rtPersistence=").append(rtPersistence).append(", rtVolatility=").append(rtVolatility);
        sb.append(", rtTailDf=").append(rtTailDf).append(", spikeRatio=").append(spikeRatio);
        sb.append(", spikeMaxRatio=").append(spikeMaxRatio).append(", spikeEntryProbability=").append(spikeEntryProbability);
        sb.append(", spikeLevelSensitivity=").append(spikeLevelSensitivity);
        sb.append(", spikePersistence=").append(spikePersistence).append(", spikeTailMean=").append(spikeTailMean);
        sb.append(", spikeTailLevelSensitivity=").append(spikeTailLevelSensitivity);
        sb.append(", nonPositiveProbability=").append(nonPositiveProbability);
        sb.append(", nonPositiveMeanRatio=").append(nonPositiveMeanRatio).append(']');
        return sb.toString();
    }

    /**
     * Builder for changing some parameters of a base configuration; every value is optional and
     * defaults to the base's. Validation happens in {@link #build()}.
     */
    public static final class Builder {
        private double[] monthlyLevel;
        private double[][] hourlyShape;
        private double dailyPersistence;
        private double dailyVolatility;
        private double dailyTailDf;
        private double hourlyPersistence;
        private double hourlyVolatility;
        private double[] rtLogBias;
        private double rtPersistence;
        private double rtVolatility;
        private double rtTailDf;
        private double spikeRatio;
        private double spikeMaxRatio;
        private double spikeEntryProbability;
        private double spikeLevelSensitivity;
        private double spikePersistence;
        private double spikeTailMean;
        private double spikeTailLevelSensitivity;
        private double nonPositiveProbability;
        private double nonPositiveMeanRatio;

        private Builder(SyntheticPriceConfig base) {
            monthlyLevel = base.monthlyLevel();
            hourlyShape = base.hourlyShape();
            dailyPersistence = base.dailyPersistence;
            dailyVolatility = base.dailyVolatility;
            dailyTailDf = base.dailyTailDf;
            hourlyPersistence = base.hourlyPersistence;
            hourlyVolatility = base.hourlyVolatility;
            rtLogBias = base.rtLogBias();
            rtPersistence = base.rtPersistence;
            rtVolatility = base.rtVolatility;
            rtTailDf = base.rtTailDf;
            spikeRatio = base.spikeRatio;
            spikeMaxRatio = base.spikeMaxRatio;
            spikeEntryProbability = base.spikeEntryProbability;
            spikeLevelSensitivity = base.spikeLevelSensitivity;
            spikePersistence = base.spikePersistence;
            spikeTailMean = base.spikeTailMean;
            spikeTailLevelSensitivity = base.spikeTailLevelSensitivity;
            nonPositiveProbability = base.nonPositiveProbability;
            nonPositiveMeanRatio = base.nonPositiveMeanRatio;
        }

        public Builder optMonthlyLevel(double[] v) { monthlyLevel = v == null ? null : v.clone(); return this; }

        /** Multiplies every monthly level by {@code factor} (a cheaper or dearer market with the same shape). */
        public Builder optLevelScale(double factor) {
            Check.positive("levelScale", factor);
            for (int m = 0; m < monthlyLevel.length; m++) {
                monthlyLevel[m] *= factor;
            }
            return this;
        }

        public Builder optHourlyShape(double[][] v) { hourlyShape = v; return this; }
        public Builder optDailyPersistence(double v) { dailyPersistence = v; return this; }
        public Builder optDailyVolatility(double v) { dailyVolatility = v; return this; }
        public Builder optDailyTailDf(double v) { dailyTailDf = v; return this; }
        public Builder optHourlyPersistence(double v) { hourlyPersistence = v; return this; }
        public Builder optHourlyVolatility(double v) { hourlyVolatility = v; return this; }
        public Builder optRtLogBias(double[] v) { rtLogBias = v == null ? null : v.clone(); return this; }

        /** The same log(RT/DA) centre for every hour. */
        public Builder optRtLogBias(double v) {
            rtLogBias = new double[MarketDay.HOURS];
            Arrays.fill(rtLogBias, v);
            return this;
        }

        public Builder optRtPersistence(double v) { rtPersistence = v; return this; }
        public Builder optRtVolatility(double v) { rtVolatility = v; return this; }
        public Builder optRtTailDf(double v) { rtTailDf = v; return this; }
        public Builder optSpikeRatio(double v) { spikeRatio = v; return this; }
        public Builder optSpikeMaxRatio(double v) { spikeMaxRatio = v; return this; }
        public Builder optSpikeEntryProbability(double v) { spikeEntryProbability = v; return this; }
        public Builder optSpikeLevelSensitivity(double v) { spikeLevelSensitivity = v; return this; }
        public Builder optSpikePersistence(double v) { spikePersistence = v; return this; }
        public Builder optSpikeTailMean(double v) { spikeTailMean = v; return this; }
        public Builder optSpikeTailLevelSensitivity(double v) { spikeTailLevelSensitivity = v; return this; }
        public Builder optNonPositiveProbability(double v) { nonPositiveProbability = v; return this; }
        public Builder optNonPositiveMeanRatio(double v) { nonPositiveMeanRatio = v; return this; }

        /** Validates and builds the configuration. */
        public SyntheticPriceConfig build() {
            return new SyntheticPriceConfig(monthlyLevel, hourlyShape, dailyPersistence, dailyVolatility, dailyTailDf,
                    hourlyPersistence, hourlyVolatility, rtLogBias, rtPersistence, rtVolatility, rtTailDf, spikeRatio,
                    spikeMaxRatio, spikeEntryProbability, spikeLevelSensitivity, spikePersistence, spikeTailMean,
                    spikeTailLevelSensitivity, nonPositiveProbability,
                    nonPositiveMeanRatio);
        }
    }
}
