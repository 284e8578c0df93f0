package org.hubprice.common;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7,
 * the default of R and NumPy): {@code Q(p) = x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])} with
 * {@code h = (n − 1) p} on the sorted sample. The median of an even sample is the mean of the
 * two middle values. One implementation for the whole project: the environment's observation
 * scaling, the evaluation's summaries and bootstrap, and the across-seed statistics.
 */
public final class Quantiles {
    private Quantiles() {}

    /** The {@code p}-quantile of an ascending {@code sorted} sample; NaN for an empty one. */
    public static double ofSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile p = " + p + " must be in [0, 1]");
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The {@code p}-quantile of {@code values} (not modified; NaN values are an error). */
    public static double of(double[] values, double p) {
        return ofSorted(sortedCopy(values), p);
    }

    /** The median of {@code values}. */
    public static double median(double[] values) {
        return of(values, 0.5);
    }

    /** An ascending copy; rejects NaN, which has no place in an order. */
    public static double[] sortedCopy(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("sample value [" + i + "] is NaN; quantiles need ordered numbers. Maybe drop "
                        + "undefined values first");
            }
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
