package org.hubprice.evaluation.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.common.Quantiles;

/**
 * Location and spread of a sample.
 *
 * @param n sample size
 * @param mean arithmetic mean
 * @param std sample standard deviation ({@code n − 1} denominator; 0 for one value)
 * @param min smallest value
 * @param q1 first quartile (type 7)
 * @param median median
 * @param q3 third quartile (type 7)
 * @param max largest value
 */
public record Summary(int n, double mean, double std, double min, double q1, double median, double q3, double max) {
    /** The summary of {@code values} (not modified); every field is NaN for an empty sample. */
    public static Summary of(double[] values) {
        double[] s = Quantiles.sortedCopy(values);
        int n = s.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        return new Summary(n, mean, std, s[0], Quantiles.ofSorted(s, 0.25), Quantiles.ofSorted(s, 0.5), Quantiles.ofSorted(s, 0.75),
                s[n - 1]);
    }

    /** The arithmetic mean, summed in index order (NaN when empty). */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Interquartile range {@code q3 − q1}. */
    public double iqr() {
        return q3 - q1;
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("mean", mean);
        m.put("std", std);
        m.put("min", min);
        m.put("q1", q1);
        m.put("median", median);
        m.put("q3", q3);
        m.put("max", max);
        m.put("iqr", iqr());
        return m;
    }
}
