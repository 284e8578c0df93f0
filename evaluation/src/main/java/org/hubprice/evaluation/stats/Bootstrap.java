package org.hubprice.evaluation.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.hubprice.common.Quantiles;
import org.hubprice.common.Seeds;

/**
 * Nonparametric bootstrap with the percentile method: draw {@code resamples} samples of the same
 * size with replacement, compute the statistic on each, and take the {@code (1 − level)/2} and
 * {@code (1 + level)/2} quantiles of those values. Seeded: the same sample, statistic, count and
 * seed give the same interval.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** The percentile interval of the sample median. */
    public static double[] medianInterval(double[] values, int resamples, double level, long seed) {
        return interval(values, Quantiles::median, resamples, level, seed);
    }

    /** The percentile interval of the sample mean. */
    public static double[] meanInterval(double[] values, int resamples, double level, long seed) {
        return interval(values, Summary::mean, resamples, level, seed);
    }

    /**
     * The percentile interval {@code [lo, hi]} of {@code statistic}; {@code [NaN, NaN]} for an
     * empty sample.
     *
     * @param resamples number of bootstrap samples, {@code >= 100}
     * @param level coverage in (0, 1), e.g. 0.95
     */
    public static double[] interval(double[] values, ToDoubleFunction<double[]> statistic, int resamples, double level, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples = " + resamples + " is too few for a percentile interval; use at least 100"
                    + " (Maybe 10000)");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("bootstrap level = " + level + " must be in (0, 1), e.g. 0.95");
        }
        int n = values.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom rng = Seeds.stream(seed, "bootstrap");
        double[] sample = new double[n];
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int k = 0; k < n; k++) {
                sample[k] = values[rng.nextInt(n)];
            }
            stats[b] = statistic.applyAsDouble(sample);
        }
        double[] sorted = Quantiles.sortedCopy(stats);
        return new double[] {Quantiles.ofSorted(sorted, (1 - level) / 2), Quantiles.ofSorted(sorted, (1 + level) / 2)};
    }
}
