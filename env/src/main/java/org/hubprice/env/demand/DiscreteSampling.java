package org.hubprice.env.demand;

import java.util.SplittableRandom;

/**
 * Exact Poisson and binomial samplers on a {@link SplittableRandom}, fast for any mean.
 *
 * <p>Arrival means reach about 10,000 vehicles an hour, where inversion from zero would walk
 * thousands of terms per draw. Both samplers therefore switch, at a mean of 10, from sequential
 * inversion to Hörmann's transformed rejection with squeeze (PTRS for Poisson, W. Hörmann,
 * Insurance: Mathematics and Economics 12, 1993; BTRS for binomial, J. Statist. Comput.
 * Simul. 46, 1993). Transformed rejection accepts a proposal against the exact probability
 * mass, so its draws follow the target distribution exactly (up to double rounding); its
 * expected cost is bounded by a constant independent of the mean. Nothing here allocates.
 */
public final class DiscreteSampling {
    /** Below this mean (λ, or n·min(p, 1−p)) inversion is cheaper than rejection. */
    static final double INVERSION_LIMIT = 10.0;
    /** Largest Poisson mean accepted: keeps every plausible draw far inside {@code int}. */
    public static final double MAX_POISSON_MEAN = 1e9;

    private static final int TABLE_SIZE = 256;
    private static final double[] LOG_FACTORIAL = new double[TABLE_SIZE];
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    static {
        double sum = 0;
        for (int k = 1; k < TABLE_SIZE; k++) {
            sum += Math.log(k);
            LOG_FACTORIAL[k] = sum;
        }
    }

    private DiscreteSampling() {}

    /**
     * {@code ln(k!)}: from a table below 256, else Stirling's series with three correction
     * terms (the first omitted term, 1/(1680 k^7), is below 1e-19 there).
     */
    public static double logFactorial(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("logFactorial: k = " + k + " must be >= 0");
        }
        if (k < TABLE_SIZE) {
            return LOG_FACTORIAL[k];
        }
        double x = k;
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return (x + 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    /**
     * One draw from Poisson({@code mean}).
     *
     * @param mean finite, in [0, {@value #MAX_POISSON_MEAN}]
     */
    public static int poisson(SplittableRandom rng, double mean) {
        if (!(mean >= 0 && mean <= MAX_POISSON_MEAN)) {
            throw new IllegalArgumentException("Poisson mean = " + mean + " must be finite and in [0, " + MAX_POISSON_MEAN
                    + "]; Maybe a demand multiplier or vehicle count is far too large");
        }
        if (mean == 0) {
            return 0;
        }
        return mean < INVERSION_LIMIT ? poissonInversion(rng, mean) : poissonPtrs(rng, mean);
    }

    /** Sequential-search inversion; expected work about {@code mean + 1} steps. */
    private static int poissonInversion(SplittableRandom rng, double mean) {
        double p0 = Math.exp(-mean);
        while (true) {
            double u = rng.nextDouble();
            int k = 0;
            double pk = p0;
            double cdf = pk;
            while (u >= cdf && pk > 0) {
                k++;
                pk *= mean / k;
                cdf += pk;
            }
            if (u < cdf) {
                return k;
            }
            // Rounding left the summed mass just below u (probability ~1e-16): draw again
            // rather than return an arbitrary tail value.
        }
    }

    /** PTRS (Hörmann 1993), valid for mean >= 10. */
    private static int poissonPtrs(SplittableRandom rng, double mean) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            if (us <= 0) {
                continue;
            }
            double kd = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) kd;
            }
            if (kd < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            int k = (int) kd;
            double lhs = Math.log(v * invAlpha / (a / (us * us) + b));
            if (lhs <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /**
     * One draw from Binomial({@code n}, {@code p}).
     *
     * @param n number of trials, {@code >= 0}
     * @param p success probability in [0, 1]
     */
    public static int binomial(SplittableRandom rng, int n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("binomial: n = " + n + " must be >= 0");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial: p = " + p + " must be a probability in [0, 1]");
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        // Sample the rarer outcome: both methods need p <= 1/2.
        if (p > 0.5) {
            return n - binomialAtMostHalf(rng, n, 1 - p);
        }
        return binomialAtMostHalf(rng, n, p);
    }

    private static int binomialAtMostHalf(SplittableRandom rng, int n, double p) {
        return n * p < INVERSION_LIMIT ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
    }

    /** Sequential-search inversion for n·p &lt; 10; expected work about n·p + 1 steps. */
    private static int binomialInversion(SplittableRandom rng, int n, double p) {
        double q = 1 - p;
        double ratio = p / q;
        // n·p < 10 and p <= 1/2 keep q^n above e^-14: no underflow.
        double p0 = Math.exp(n * Math.log1p(-p));
        while (true) {
            double u = rng.nextDouble();
            int k = 0;
            double pk = p0;
            double cdf = pk;
            while (u >= cdf && k < n) {
                pk *= ratio * (n - k) / (k + 1);
                k++;
                cdf += pk;
            }
            if (u < cdf) {
                return k;
            }
            // Rounding: the summed mass stayed below u; draw again (probability ~1e-16).
        }
    }

    /** BTRS (Hörmann 1993), valid for n·p >= 10 and p <= 1/2. */
    private static int binomialBtrs(SplittableRandom rng, int n, double p) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double logPq = Math.log(p / q);
        int m = (int) Math.floor((n + 1.0) * p);
        double h = logFactorial(m) + logFactorial(n - m);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            if (us <= 0) {
                continue;
            }
            double kd = Math.floor((2 * a / us + b) * u + c);
            if (kd < 0 || kd > n) {
                continue;
            }
            int k = (int) kd;
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lhs = Math.log(v * alpha / (a / (us * us) + b));
            if (lhs <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logPq) {
                return k;
            }
        }
    }
}
