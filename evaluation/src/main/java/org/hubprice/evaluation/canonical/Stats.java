package org.hubprice.evaluation.canonical;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summary statistics of a sample.
 *
 * @param n sample size
 * @param mean arithmetic mean (NaN when empty)
 * @param std sample standard deviation with {@code n − 1} in the denominator (0 for one value)
 * @param stderr standard error of the mean, {@code std / √n}
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 */
public record Stats(int n, double mean, double std, double stderr, double median, double min, double max) {
    /** Statistics of {@code values} (not modified). */
    public static Stats of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        return new Stats(n, mean, std, std / Math.sqrt(n), median, sorted[0], sorted[n - 1]);
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("mean", mean);
        m.put("std", std);
        m.put("stderr", stderr);
        m.put("median", median);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
