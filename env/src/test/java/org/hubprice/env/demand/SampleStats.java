package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;

/** Test statistics: chi-square goodness of fit and mean/variance checks with stated tolerances. */
final class SampleStats {
    /** Upper 1e-4 quantile of the standard normal: each check fails a correct sampler with probability about 1e-4 for an arbitrary seed. */
    static final double Z = 3.719;

    private SampleStats() {}

    /** Upper quantile of chi-square with {@code df} degrees of freedom at the normal quantile {@code z} (Wilson–Hilferty). */
    static double chiSquareCritical(int df, double z) {
        double c = 2.0 / (9.0 * df);
        double t = 1 - c + z * Math.sqrt(c);
        return df * t * t * t;
    }

    /**
     * Chi-square goodness of fit of integer counts {@code observed[k]} (k = 0..length-1, nothing
     * observed beyond) to the pmf. Bins are merged left to right until each expects at least 5;
     * the first bin includes nothing below 0 and the last absorbs the upper tail.
     *
     * @return the statistic and degrees of freedom, as {statistic, df}
     */
    static double[] chiSquare(long[] observed, long samples, IntToDoubleFunction pmf) {
        double stat = 0;
        int bins = 0;
        double expBin = 0;
        long obsBin = 0;
        double cumulative = 0;
        int last = observed.length - 1;
        for (int k = 0; k <= last; k++) {
            double pk = pmf.applyAsDouble(k);
            cumulative += pk;
            expBin += samples * pk;
            obsBin += observed[k];
            boolean tailLeft = samples * (1 - cumulative) >= 5;
            if (expBin >= 5 && tailLeft) {
                stat += (obsBin - expBin) * (obsBin - expBin) / expBin;
                bins++;
                expBin = 0;
                obsBin = 0;
            }
        }
        expBin += samples * Math.max(0, 1 - cumulative);
        stat += (obsBin - expBin) * (obsBin - expBin) / expBin;
        bins++;
        return new double[] {stat, bins - 1};
    }

    /** Asserts the chi-square statistic is below the 1e-4 critical value. */
    static void assertFits(String what, long[] observed, long samples, IntToDoubleFunction pmf) {
        double[] r = chiSquare(observed, samples, pmf);
        int df = (int) r[1];
        assertTrue(df >= 1, what + ": too few bins for a chi-square test");
        double critical = chiSquareCritical(df, Z);
        assertTrue(r[0] < critical, what + ": chi-square " + r[0] + " with " + df + " df exceeds the 1e-4 critical value " + critical);
    }

    /** Asserts |sampleMean − mean| <= Z standard errors, for {@code n} samples of a variable with the given variance. */
    static void assertMean(String what, double sampleMean, double mean, double variance, long n) {
        double se = Math.sqrt(variance / n);
        assertTrue(Math.abs(sampleMean - mean) <= Z * se + 1e-12,
                what + ": sample mean " + sampleMean + " differs from " + mean + " by more than " + Z + " standard errors (" + se + ")");
    }

    /** Unbiased sample variance from the sum and sum of squares of {@code n} values. */
    static double unbiasedVariance(double sum, double sumSq, long n) {
        double m = sum / n;
        return (sumSq - n * m * m) / (n - 1);
    }

    /**
     * Asserts the unbiased sample variance is within Z standard errors of {@code variance}, using
     * the exact {@code Var(s²) = (μ4 − σ⁴(n − 3)/(n − 1)) / n}.
     */
    static void assertVariance(String what, double sampleVariance, double variance, double mu4, long n) {
        double varOfVar = (mu4 - variance * variance * (n - 3.0) / (n - 1.0)) / n;
        double se = Math.sqrt(varOfVar);
        assertTrue(Math.abs(sampleVariance - variance) <= Z * se + 1e-12, what + ": sample variance " + sampleVariance + " differs from "
                + variance + " by more than " + Z + " standard errors (" + se + ")");
    }

    /** Asserts a binomial proportion {@code hits/n} is within Z standard errors of {@code p}. */
    static void assertProportion(String what, long hits, long n, double p) {
        assertMean(what, (double) hits / n, p, p * (1 - p), n);
    }

    static double poissonPmf(double mean, int k) {
        return Math.exp(-mean + k * Math.log(mean) - DiscreteSampling.logFactorial(k));
    }

    static double binomialPmf(int n, double p, int k) {
        if (k > n) {
            return 0;
        }
        return Math.exp(DiscreteSampling.logFactorial(n) - DiscreteSampling.logFactorial(k) - DiscreteSampling.logFactorial(n - k)
                + k * Math.log(p) + (n - k) * Math.log1p(-p));
    }
}
