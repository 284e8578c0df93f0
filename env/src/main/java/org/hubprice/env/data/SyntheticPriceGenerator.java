package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hubprice.common.Check;
import org.hubprice.common.Seeds;

/**
 * Synthetic hourly day-ahead and real-time prices, calibrated by default to PJM pnode 48592's
 * 2021/22 year (see {@link SyntheticPriceConfig} for the model and {@link SyntheticPriceCalibrator}
 * for how its parameters are estimated). It is the project's default market data source, so that
 * a fresh checkout runs without any data file.
 *
 * <p>The daily level, the within-day DA noise, the RT/DA ratio, the spike chain and the
 * non-positive hours each draw from their own stream split from the seed by name
 * ({@link Seeds}), so the same seed gives bit-identical days and changing one part of the model
 * does not shift the draws of the others. The processes run continuously across the requested
 * days: day {@code d+1}'s level and RT state follow from day {@code d}'s.
 */
public final class SyntheticPriceGenerator {
    /** First day of {@link #defaultYear(long)}: the start of the reference node's year. */
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2021, 12, 1);

    /** Length of {@link #defaultYear(long)}. */
    public static final int DEFAULT_DAYS = 365;

    /** Redraws of a normal-hour RT shock that would cross the spike threshold before clamping. */
    private static final int MAX_REDRAWS = 32;

    private final SyntheticPriceConfig config;
    private final double[][] logShape;
    private final double[] logLevel;

    /** A generator with the default configuration ({@link SyntheticPriceConfig#defaults()}). */
    public SyntheticPriceGenerator() {
        this(SyntheticPriceConfig.defaults());
    }

    public SyntheticPriceGenerator(SyntheticPriceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        logShape = new double[SyntheticPriceConfig.SEASONS][MarketDay.HOURS];
        for (int s = 0; s < SyntheticPriceConfig.SEASONS; s++) {
            for (int h = 0; h < MarketDay.HOURS; h++) {
                logShape[s][h] = Math.log(config.hourlyShape(s, h));
            }
        }
        logLevel = new double[12];
        for (int m = 1; m <= 12; m++) {
            logLevel[m - 1] = Math.log(config.monthlyLevel(m));
        }
    }

    public SyntheticPriceConfig config() {
        return config;
    }

    /** 365 days from 2021-12-01, like the reference year. */
    public List<MarketDay> defaultYear(long seed) {
        return generate(DEFAULT_FIRST_DAY, DEFAULT_DAYS, seed);
    }

    /**
     * {@code days} consecutive days starting at {@code firstDay}; deterministic in {@code seed}.
     *
     * @throws IllegalArgumentException if {@code days <= 0}
     */
    public List<MarketDay> generate(LocalDate firstDay, int days, long seed) {
        Objects.requireNonNull(firstDay, "firstDay");
        Check.positive("days", days);
        SplittableRandom dailyRng = Seeds.stream(seed, "prices.daily");
        SplittableRandom hourlyRng = Seeds.stream(seed, "prices.hourly");
        SplittableRandom rtRng = Seeds.stream(seed, "prices.rt");
        SplittableRandom spikeRng = Seeds.stream(seed, "prices.spike");
        SplittableRandom negativeRng = Seeds.stream(seed, "prices.nonpositive");

        final SyntheticPriceConfig c = config;
        final double phi = c.dailyPersistence();
        final double rho = c.hourlyPersistence();
        final double rhoRt = c.rtPersistence();
        final double logSpikeRatio = Math.log(c.spikeRatio());
        final double logSpikeSpan = Math.log(c.spikeMaxRatio() / c.spikeRatio());

        // Start every process in its stationary distribution, so the first day is not special.
        double x = c.dailyVolatility() / Math.sqrt(1 - phi * phi) * RandomDraws.unitStudentT(dailyRng, c.dailyTailDf());
        double w = Math.min(c.rtVolatility() / Math.sqrt(1 - rhoRt * rhoRt) * RandomDraws.unitStudentT(rtRng, c.rtTailDf()),
                Math.nextDown(logSpikeRatio - c.rtLogBias(MarketDay.HOURS - 1)));
        boolean spike = spikeRng.nextDouble() < c.stationarySpikeShare();

        double[] u = new double[MarketDay.HOURS];
        double[] da = new double[MarketDay.HOURS];
        double[] rt = new double[MarketDay.HOURS];
        List<MarketDay> out = new ArrayList<>(days);
        LocalDate date = firstDay;
        for (int d = 0; d < days; d++) {
            if (d > 0) {
                x = phi * x + c.dailyVolatility() * RandomDraws.unitStudentT(dailyRng, c.dailyTailDf());
            }
            int month = date.getMonthValue();
            double[] shape = logShape[SyntheticPriceConfig.seasonOf(month)];
            double level = logLevel[month - 1] + x;

            // Within-day DA deviation: AR(1) from its stationary law, then centred so that the
            // day's geometric mean is exactly the daily level (what the calibrator measures).
            double sum = 0;
            u[0] = c.hourlyVolatility() / Math.sqrt(1 - rho * rho) * hourlyRng.nextGaussian();
            sum += u[0];
            for (int h = 1; h < MarketDay.HOURS; h++) {
                u[h] = rho * u[h - 1] + c.hourlyVolatility() * hourlyRng.nextGaussian();
                sum += u[h];
            }
            double mean = sum / MarketDay.HOURS;
            for (int h = 0; h < MarketDay.HOURS; h++) {
                da[h] = Math.exp(level + shape[h] + u[h] - mean);
            }

            for (int h = 0; h < MarketDay.HOURS; h++) {
                // RT/DA log-ratio in normal hours: AR(1) with heavy-tailed shocks, kept below the
                // spike threshold so that spikes come only from the spike chain (as calibrated).
                double wCap = logSpikeRatio - c.rtLogBias(h);
                double next = rhoRt * w + c.rtVolatility() * RandomDraws.unitStudentT(rtRng, c.rtTailDf());
                for (int k = 0; k < MAX_REDRAWS && next >= wCap; k++) {
                    next = rhoRt * w + c.rtVolatility() * RandomDraws.unitStudentT(rtRng, c.rtTailDf());
                }
                w = Math.min(next, Math.nextDown(wCap));

                // Spike regime: a two-state Markov chain, so spikes come in runs of hours; spikes
                // start more often, and run higher, in hours that are dear for their month.
                double z = Math.log(da[h]) - logLevel[month - 1];
                double entry = Math.min(0.5, c.spikeEntryProbability() * Math.exp(c.spikeLevelSensitivity() * z));
                spike = spikeRng.nextDouble() < (spike ? c.spikePersistence() : entry);
                double tailMean = Math.min(5, c.spikeTailMean() * Math.exp(c.spikeTailLevelSensitivity() * z));
                double spikeExcess = RandomDraws.truncatedExponential(spikeRng, tailMean, logSpikeSpan);

                boolean nonPositive = negativeRng.nextDouble() < c.nonPositiveProbability();
                double negativeRatio = negativeRng.nextExponential() * c.nonPositiveMeanRatio();

                if (nonPositive) {
                    rt[h] = -da[h] * negativeRatio;
                } else if (spike) {
                    rt[h] = da[h] * Math.exp(logSpikeRatio + spikeExcess);
                } else {
                    rt[h] = da[h] * Math.exp(c.rtLogBias(h) + w);
                }
            }
            out.add(new MarketDay(date, da, rt));
            date = date.plusDays(1);
        }
        return List.copyOf(out);
    }
}
