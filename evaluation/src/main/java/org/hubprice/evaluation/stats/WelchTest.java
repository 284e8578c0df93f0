package org.hubprice.evaluation.stats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's two-sample t-test (unequal variances) of {@code mean(a)} against {@code mean(b)}. The
 * statistic and the two-sided p-value come from Commons Math {@link TTest}; the degrees of
 * freedom are the Welch–Satterthwaite approximation
 * {@code (va/na + vb/nb)² / ((va/na)²/(na−1) + (vb/nb)²/(nb−1))}, which is what
 * {@code TTest} uses internally, and the critical value is the matching Student t quantile.
 *
 * @param alternative the alternative hypothesis
 * @param nA size of sample a
 * @param nB size of sample b
 * @param meanA mean of a
 * @param meanB mean of b
 * @param t the statistic {@code (meanA − meanB) / sqrt(va/na + vb/nb)}
 * @param df Welch–Satterthwaite degrees of freedom
 * @param alpha the significance level
 * @param critical the critical value: {@code t(1 − α/2, df)} two-sided, {@code t(1 − α, df)} for
 *     "greater", {@code −t(1 − α, df)} for "less"
 * @param p the p-value for the alternative
 */
public record WelchTest(Alternative alternative, int nA, int nB, double meanA, double meanB, double t, double df, double alpha,
                        double critical, double p) {

    /** The alternative hypothesis about {@code mean(a) − mean(b)}. */
    public enum Alternative {
        /** The means differ. */
        TWO_SIDED("two-sided", "≠"),
        /** {@code mean(a) > mean(b)}. */
        GREATER("greater", ">"),
        /** {@code mean(a) < mean(b)}. */
        LESS("less", "<");

        private final String id;
        private final String symbol;

        Alternative(String id, String symbol) {
            this.id = id;
            this.symbol = symbol;
        }

        /** Lower-case name used on the command line and in JSON. */
        public String id() {
            return id;
        }

        /** The relation symbol. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * Runs the test.
     *
     * @throws IllegalArgumentException when a sample has fewer than two values, holds a non-finite
     *     value, or both samples have zero variance (the statistic is undefined)
     */
    public static WelchTest of(double[] a, double[] b, Alternative alternative, double alpha) {
        check("a", a);
        check("b", b);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha = " + alpha + " must be in (0, 0.5), e.g. 0.05");
        }
        double ma = Summary.mean(a);
        double mb = Summary.mean(b);
        double va = variance(a, ma) / a.length;
        double vb = variance(b, mb) / b.length;
        if (va + vb == 0) {
            throw new IllegalArgumentException("Welch t-test: both samples are constant (means " + ma + " and " + mb
                    + "), so the statistic is undefined. Maybe compare runs whose results vary across days");
        }
        TTest tt = new TTest();
        double t = tt.t(a, b);
        double p2 = tt.tTest(a, b);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        TDistribution dist = new TDistribution(null, df);
        double p;
        double crit;
        switch (alternative) {
            case GREATER -> {
                p = t > 0 ? p2 / 2 : 1 - p2 / 2;
                crit = dist.inverseCumulativeProbability(1 - alpha);
            }
            case LESS -> {
                p = t < 0 ? p2 / 2 : 1 - p2 / 2;
                crit = -dist.inverseCumulativeProbability(1 - alpha);
            }
            default -> {
                p = p2;
                crit = dist.inverseCumulativeProbability(1 - alpha / 2);
            }
        }
        return new WelchTest(alternative, a.length, b.length, ma, mb, t, df, alpha, crit, p);
    }

    private static void check(String name, double[] x) {
        if (x == null || x.length < 2) {
            throw new IllegalArgumentException("Welch t-test: sample " + name + " has " + (x == null ? 0 : x.length)
                    + " values; it needs at least 2 (Maybe evaluate on more days)");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("Welch t-test: sample " + name + "[" + i + "] = " + x[i] + " is not finite");
            }
        }
    }

    private static double variance(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    /** Whether the null hypothesis is rejected at {@link #alpha}. */
    public boolean rejected() {
        return p < alpha;
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alternative", alternative.id());
        m.put("nA", nA);
        m.put("nB", nB);
        m.put("meanA", meanA);
        m.put("meanB", meanB);
        m.put("t", t);
        m.put("df", df);
        m.put("alpha", alpha);
        m.put("critical", critical);
        m.put("p", p);
        m.put("rejected", rejected());
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Welch t(%.1f) = %.3f, %s, critical %.3f, p = %.3g", df, t, alternative.id(), critical, p);
    }
}
