package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hubprice.common.Check;

/**
 * Estimates the parameters of {@link SyntheticPriceConfig} from real days, step by step, each by
 * a simple moment or likelihood estimate that mirrors how {@link SyntheticPriceGenerator} draws:
 * <ol>
 *   <li>daily level {@code ℓ[d]} = mean over hours of log DA; {@code monthlyLevel} = exp of its
 *       mean per calendar month (a month without days takes the circular linear interpolation of
 *       its nearest months with data);</li>
 *   <li>{@code x[d] = ℓ[d] − log monthlyLevel}; AR(1) coefficient by least squares over pairs of
 *       consecutive calendar days, innovation sd from the residuals, tail degrees of freedom by
 *       maximum likelihood over a grid of unit-variance Student-t laws;</li>
 *   <li>hourly shape per season = exp of the mean of {@code log DA − ℓ[d]} per hour (a season
 *       without days takes the all-year shape);</li>
 *   <li>the remaining within-day deviation is centred per day by construction, which lowers its
 *       variance and lag-1 correlation; the AR(1) parameters are found by inverting exactly those
 *       expectations for a centred 24-hour AR(1) path, so the generator's own output is recovered;</li>
 *   <li>RT hours are split into non-positive (RT ≤ 0), spike (RT &gt; spikeRatio · DA) and normal;
 *       the spike chain's persistence from transition counts between consecutive hours, its entry
 *       probability and level sensitivity by maximum likelihood (see {@link CalibrationEstimators#fitSpikeEntry}), the
 *       spike size by maximum likelihood of a truncated exponential of
 *       {@code log(RT / (spikeRatio · DA))} with the truncation at the largest ratio seen (see
 *       {@link CalibrationEstimators#fitSpikeTail}); the
 *       normal-hour log ratio's centre is its median per hour of the day, its AR(1) and tail as for
 *       the daily level.</li>
 * </ol>
 * Hours with DA below {@link #DA_FLOOR} $/MWh are left out of the RT statistics (the ratio is not
 * meaningful there) and, floored, enter the logs of the DA statistics.
 */
public final class SyntheticPriceCalibrator {
    /** Smallest DA price used in logs and ratios, $/MWh. */
    public static final double DA_FLOOR = 1.0;

    /** RT/DA ratio above which an hour counts as a spike unless told otherwise. */
    public static final double DEFAULT_SPIKE_RATIO = 2.0;

    /** Fewest days the estimates are allowed from. */
    public static final int MIN_DAYS = 30;

    private SyntheticPriceCalibrator() {}

    /** Fits with spike threshold {@link #DEFAULT_SPIKE_RATIO}. */
    public static SyntheticPriceConfig fit(List<MarketDay> days) {
        return fit(days, DEFAULT_SPIKE_RATIO);
    }

    /**
     * Fits every parameter of {@link SyntheticPriceConfig} to {@code days} (any order; sorted here).
     *
     * @param spikeRatio RT/DA above which an hour is a spike, in [1.05, 100]
     * @throws IllegalArgumentException with fewer than {@link #MIN_DAYS} days, duplicate dates, or
     *     no pair of consecutive days
     */
    public static SyntheticPriceConfig fit(List<MarketDay> days, double spikeRatio) {
        Objects.requireNonNull(days, "days");
        Check.inRange("spikeRatio", spikeRatio, 1.05, 100);
        Check.that(days.size() >= MIN_DAYS, "days has " + days.size() + " entries; the calibration needs at least "
                + MIN_DAYS + ". Maybe load a longer period");
        List<MarketDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(MarketDay::date));
        int n = sorted.size();
        boolean[] followsPrevious = new boolean[n];
        for (int i = 1; i < n; i++) {
            LocalDate prev = sorted.get(i - 1).date();
            LocalDate cur = sorted.get(i).date();
            Check.that(!prev.equals(cur), "days contains " + cur + " twice; give each date once");
            followsPrevious[i] = prev.plusDays(1).equals(cur);
        }

        int hours = MarketDay.HOURS;
        double[][] logDa = new double[n][hours];
        double[] level = new double[n];
        int[] month = new int[n];
        for (int i = 0; i < n; i++) {
            MarketDay day = sorted.get(i);
            month[i] = day.date().getMonthValue();
            double s = 0;
            for (int h = 0; h < hours; h++) {
                logDa[i][h] = Math.log(Math.max(day.dayAhead(h), DA_FLOOR));
                s += logDa[i][h];
            }
            level[i] = s / hours;
        }

        // 1. Monthly levels.
        double[] monthLog = new double[12];
        int[] monthCount = new int[12];
        for (int i = 0; i < n; i++) {
            monthLog[month[i] - 1] += level[i];
            monthCount[month[i] - 1]++;
        }
        for (int m = 0; m < 12; m++) {
            monthLog[m] = monthCount[m] > 0 ? monthLog[m] / monthCount[m] : Double.NaN;
        }
        fillCircular(monthLog);
        double[] monthlyLevel = new double[12];
        for (int m = 0; m < 12; m++) {
            monthlyLevel[m] = Math.exp(monthLog[m]);
        }

        // 2. Daily AR(1) on the deviation from the monthly level.
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = level[i] - monthLog[month[i] - 1];
        }
        double sxy = 0;
        double sxx = 0;
        int pairs = 0;
        for (int i = 1; i < n; i++) {
            if (followsPrevious[i]) {
                sxy += dev[i] * dev[i - 1];
                sxx += dev[i - 1] * dev[i - 1];
                pairs++;
            }
        }
        Check.that(pairs >= 2, "days has no run of consecutive dates; the day-to-day persistence cannot be estimated."
                + " Maybe the dates are every other day; give consecutive days");
        double phi = clamp(sxx > 0 ? sxy / sxx : 0, 0, 0.99);
        double[] dailyShocks = new double[pairs];
        for (int i = 1, k = 0; i < n; i++) {
            if (followsPrevious[i]) {
                dailyShocks[k++] = dev[i] - phi * dev[i - 1];
            }
        }
        double dailyVol = rms(dailyShocks);
        double dailyDf = CalibrationEstimators.fitTailDf(dailyShocks, dailyVol);

        // 3. Hourly shape per season.
        double[][] seasonLog = new double[SyntheticPriceConfig.SEASONS][hours];
        int[] seasonCount = new int[SyntheticPriceConfig.SEASONS];
        double[] allLog = new double[hours];
        for (int i = 0; i < n; i++) {
            int s = SyntheticPriceConfig.seasonOf(month[i]);
            seasonCount[s]++;
            for (int h = 0; h < hours; h++) {
                seasonLog[s][h] += logDa[i][h] - level[i];
                allLog[h] += logDa[i][h] - level[i];
            }
        }
        double[][] shape = new double[SyntheticPriceConfig.SEASONS][hours];
        for (int s = 0; s < SyntheticPriceConfig.SEASONS; s++) {
            for (int h = 0; h < hours; h++) {
                double mean = seasonCount[s] > 0 ? seasonLog[s][h] / seasonCount[s] : allLog[h] / n;
                shape[s][h] = Math.exp(mean);
            }
        }

        // 4. Within-day DA deviation (centred per day by construction).
        double sumSq = 0;
        double sumLag = 0;
        for (int i = 0; i < n; i++) {
            double[] ls = seasonLogMean(seasonLog, seasonCount, allLog, n, SyntheticPriceConfig.seasonOf(month[i]));
            double prev = 0;
            for (int h = 0; h < hours; h++) {
                double r = logDa[i][h] - level[i] - ls[h];
                sumSq += r * r;
                if (h > 0) {
                    sumLag += r * prev;
                }
                prev = r;
            }
        }
        double centredVar = sumSq / (n * (double) hours);
        double centredLagCorr = centredVar > 0 ? (sumLag / (n * (double) (hours - 1))) / centredVar : 0;
        double rho = CalibrationEstimators.invertCentredLagCorrelation(centredLagCorr, hours);
        double stationaryVar = centredVar / CalibrationEstimators.centredVarianceFactor(rho, hours);
        double hourlyVol = Math.sqrt(Math.max(stationaryVar * (1 - rho * rho), 0));

        // 5. RT: classify hours along the running hour sequence.
        int total = n * hours;
        double[] ratio = new double[total];
        boolean[] valid = new boolean[total];
        boolean[] linked = new boolean[total]; // hour t-1 exists (same day, or previous calendar day)
        for (int i = 0; i < n; i++) {
            MarketDay day = sorted.get(i);
            for (int h = 0; h < hours; h++) {
                int t = i * hours + h;
                double da = day.dayAhead(h);
                valid[t] = da >= DA_FLOOR;
                ratio[t] = day.realTime(h) / Math.max(da, DA_FLOOR);
                linked[t] = h > 0 || followsPrevious[i];
            }
        }
        int validHours = 0;
        int nonPositive = 0;
        double nonPositiveRatioSum = 0;
        int spikes = 0;
        double maxSpikeRatio = 0;
        int fromNormal = 0;
        int normalToSpike = 0;
        int fromSpike = 0;
        int spikeToSpike = 0;
        double[] spikeLogExcess = new double[total];
        double[] spikeLevel = new double[total]; // z of each spike hour
        double[] entryLevel = new double[total]; // x[d] at each transition from a normal hour
        boolean[] entered = new boolean[total];
        double[] logNormal = new double[total];
        double[][] logNormalByHour = new double[hours][n];
        int[] normalByHour = new int[hours];
        int normalCount = 0;
        for (int t = 0; t < total; t++) {
            if (!valid[t]) {
                continue;
            }
            validHours++;
            double r = ratio[t];
            if (r <= 0) {
                nonPositive++;
                nonPositiveRatioSum += -r;
            } else if (r > spikeRatio) {
                spikes++;
                maxSpikeRatio = Math.max(maxSpikeRatio, r);
                spikeLogExcess[spikes - 1] = Math.log(r / spikeRatio);
                spikeLevel[spikes - 1] = logDa[t / hours][t % hours] - monthLog[month[t / hours] - 1];
            } else {
                logNormal[normalCount++] = Math.log(r);
                int h = t % hours;
                logNormalByHour[h][normalByHour[h]++] = Math.log(r);
            }
            if (t > 0 && linked[t] && valid[t - 1]) {
                boolean wasSpike = ratio[t - 1] > spikeRatio;
                boolean isSpike = r > spikeRatio;
                if (wasSpike) {
                    fromSpike++;
                    spikeToSpike += isSpike ? 1 : 0;
                } else {
                    entryLevel[fromNormal] = logDa[t / hours][t % hours] - monthLog[month[t / hours] - 1];
                    entered[fromNormal] = isSpike;
                    fromNormal++;
                    normalToSpike += isSpike ? 1 : 0;
                }
            }
        }
        Check.that(normalCount >= 2 * MIN_DAYS, "only " + normalCount + " hours have 0 < RT <= " + spikeRatio
                + " x DA; too few to fit the RT model. Maybe the DA and RT columns are swapped or spikeRatio is too low");
        double nonPositiveProbability = (double) nonPositive / validHours;
        double nonPositiveMeanRatio = nonPositive > 0 ? nonPositiveRatioSum / nonPositive : 1.0;
        double[] entryFit = CalibrationEstimators.fitSpikeEntry(entryLevel, entered, fromNormal);
        double persistence = fromSpike > 0 ? Math.min((double) spikeToSpike / fromSpike, 0.99) : 0;
        double spikeMaxRatio;
        double[] tailFit;
        if (spikes > 0) {
            // The cap is the largest ratio seen: the maximum-likelihood truncation point.
            spikeMaxRatio = Math.max(maxSpikeRatio, spikeRatio * 1.01);
            tailFit = CalibrationEstimators.fitSpikeTail(spikeLogExcess, spikeLevel, spikes, Math.log(spikeMaxRatio / spikeRatio));
        } else {
            // No spikes seen: the chain never enters one, so these only need to be valid.
            spikeMaxRatio = spikeRatio * 2;
            tailFit = new double[] {0.5, 0};
        }

        // Centre of the normal-hour log ratio, per hour of the day (all hours' median where an hour
        // has too few normal values to say).
        double overall = median(Arrays.copyOf(logNormal, normalCount));
        double[] bias = new double[hours];
        for (int h = 0; h < hours; h++) {
            double b = normalByHour[h] >= 10 ? median(Arrays.copyOf(logNormalByHour[h], normalByHour[h])) : overall;
            bias[h] = clamp(b, -2, Math.log(spikeRatio) - 1e-6);
        }
        // Normal-hour log ratio: AR(1) over pairs of consecutive normal hours.
        double lxy = 0;
        double lxx = 0;
        int lagPairs = 0;
        double[] lagNow = new double[total];
        double[] lagPrev = new double[total];
        for (int t = 1; t < total; t++) {
            if (isNormal(valid, ratio, t, spikeRatio) && linked[t] && isNormal(valid, ratio, t - 1, spikeRatio)) {
                double a = Math.log(ratio[t]) - bias[t % hours];
                double b = Math.log(ratio[t - 1]) - bias[(t - 1) % hours];
                lxy += a * b;
                lxx += b * b;
                lagNow[lagPairs] = a;
                lagPrev[lagPairs] = b;
                lagPairs++;
            }
        }
        double rhoRt = clamp(lxx > 0 ? lxy / lxx : 0, 0, 0.99);
        double[] rtShocks = new double[lagPairs];
        for (int k = 0; k < lagPairs; k++) {
            rtShocks[k] = lagNow[k] - rhoRt * lagPrev[k];
        }
        double rtVol = rms(rtShocks);
        double rtDf = CalibrationEstimators.fitTailDf(rtShocks, rtVol);

        return new SyntheticPriceConfig(monthlyLevel, shape, phi, dailyVol, dailyDf, rho, hourlyVol,
                bias, rhoRt, rtVol, rtDf, spikeRatio, spikeMaxRatio,
                entryFit[0], entryFit[1], persistence, tailFit[0], tailFit[1], Math.min(nonPositiveProbability, 0.5),
                nonPositiveMeanRatio);
    }

    private static boolean isNormal(boolean[] valid, double[] ratio, int t, double spikeRatio) {
        return valid[t] && ratio[t] > 0 && ratio[t] <= spikeRatio;
    }

    private static double[] seasonLogMean(double[][] seasonLog, int[] seasonCount, double[] allLog, int n, int s) {
        double[] out = new double[allLog.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = seasonCount[s] > 0 ? seasonLog[s][h] / seasonCount[s] : allLog[h] / n;
        }
        return out;
    }

    /** Replaces NaN months by linear interpolation between the nearest months with values, circularly. */
    static void fillCircular(double[] v) {
        int len = v.length;
        int known = 0;
        for (double x : v) {
            known += Double.isNaN(x) ? 0 : 1;
        }
        if (known == len) {
            return;
        }
        double[] src = v.clone();
        for (int i = 0; i < len; i++) {
            if (!Double.isNaN(src[i])) {
                continue;
            }
            int back = 1;
            while (Double.isNaN(src[Math.floorMod(i - back, len)])) {
                back++;
            }
            int fwd = 1;
            while (Double.isNaN(src[Math.floorMod(i + fwd, len)])) {
                fwd++;
            }
            double a = src[Math.floorMod(i - back, len)];
            double b = src[Math.floorMod(i + fwd, len)];
            v[i] = a + (b - a) * back / (back + fwd);
        }
    }

    private static double rms(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
