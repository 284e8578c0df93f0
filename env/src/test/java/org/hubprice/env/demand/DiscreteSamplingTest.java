package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Poisson and binomial samplers against their exact distributions: mean and variance within
 * {@value SampleStats#Z} standard errors and a chi-square fit at the 1e-4 level, fixed seeds, across
 * both regimes (inversion below a mean of 10, transformed rejection above), up to λ = 10,000.
 */
class DiscreteSamplingTest {

    @Test
    void logFactorialMatchesDirectSumAcrossTableAndStirling() {
        double sum = 0;
        for (int k = 1; k <= 20000; k++) {
            sum += Math.log(k);
            double got = DiscreteSampling.logFactorial(k);
            assertEquals(sum, got, 1e-12 * Math.max(1, sum), "ln(" + k + "!)");
        }
        assertEquals(0.0, DiscreteSampling.logFactorial(0));
        assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.logFactorial(-1));
    }

    @ParameterizedTest(name = "Poisson({0})")
    @CsvSource({"0.3, 200000", "3.7, 200000", "9.99, 200000", "10, 200000", "37.5, 200000", "190.66, 200000", "1400, 100000",
        "10000, 100000"})
    void poissonMatchesItsDistribution(double mean, int samples) {
        SplittableRandom rng = new SplittableRandom(0x5EED + (long) (mean * 1000));
        int top = (int) (mean + 12 * Math.sqrt(mean) + 30);
        long[] counts = new long[top + 1];
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            int k = DiscreteSampling.poisson(rng, mean);
            if (k < 0 || k > top) {
                fail("Poisson(" + mean + ") draw " + k + " is implausible");
            }
            counts[k]++;
            sum += k;
            sumSq += (double) k * k;
        }
        double m = sum / samples;
        double var = SampleStats.unbiasedVariance(sum, sumSq, samples);
        SampleStats.assertMean("Poisson(" + mean + ") mean", m, mean, mean, samples);
        // μ4 = λ(1 + 3λ) for a Poisson.
        SampleStats.assertVariance("Poisson(" + mean + ") variance", var, mean, mean * (1 + 3 * mean), samples);
        SampleStats.assertFits("Poisson(" + mean + ")", counts, samples, k -> SampleStats.poissonPmf(mean, k));
    }

    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({"20, 0.3, 200000", "1000, 0.004, 200000", "30, 0.2, 200000", "40, 0.25, 200000", "100, 0.5, 200000",
        "50, 0.9, 200000", "10284, 0.03325, 100000", "6000, 0.35, 100000", "15000, 0.7, 100000", "1, 0.5, 200000"})
    void binomialMatchesItsDistribution(int n, double p, int samples) {
        SplittableRandom rng = new SplittableRandom(0xB1A5 + n * 31L + (long) (p * 1e6));
        long[] counts = new long[n + 1];
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            int k = DiscreteSampling.binomial(rng, n, p);
            if (k < 0 || k > n) {
                fail("Binomial(" + n + ", " + p + ") draw " + k + " is outside [0, n]");
            }
            counts[k]++;
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = n * p;
        double variance = n * p * (1 - p);
        double m = sum / samples;
        double var = SampleStats.unbiasedVariance(sum, sumSq, samples);
        SampleStats.assertMean("Binomial mean", m, mean, variance, samples);
        // μ4 of a binomial: npq(1 + 3(n − 2)pq).
        double mu4 = variance * (1 + 3 * (n - 2) * p * (1 - p));
        SampleStats.assertVariance("Binomial variance", var, variance, mu4, samples);
        SampleStats.assertFits("Binomial(" + n + ", " + p + ")", counts, samples, k -> SampleStats.binomialPmf(n, p, k));
    }

    @Test
    void degenerateCasesNeedNoRandomness() {
        SplittableRandom rng = new SplittableRandom(1);
        SplittableRandom untouched = new SplittableRandom(1);
        assertEquals(0, DiscreteSampling.poisson(rng, 0.0));
        assertEquals(0, DiscreteSampling.binomial(rng, 0, 0.4));
        assertEquals(0, DiscreteSampling.binomial(rng, 500, 0.0));
        assertEquals(500, DiscreteSampling.binomial(rng, 500, 1.0));
        assertEquals(untouched.nextLong(), rng.nextLong(), "degenerate draws must not consume the stream");
    }

    @Test
    void sameSeedSameDraws() {
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(DiscreteSampling.poisson(a, 5000), DiscreteSampling.poisson(b, 5000));
            assertEquals(DiscreteSampling.binomial(a, 7000, 0.02), DiscreteSampling.binomial(b, 7000, 0.02));
        }
    }

    @Test
    void badParametersAreRejectedWithTheirValue() {
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.poisson(rng, -1));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.poisson(rng, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.poisson(rng, 2e9));
        assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.binomial(rng, -3, 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.binomial(rng, 3, 1.5));
        assertTrue(e.getMessage().contains("p = 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiscreteSampling.binomial(rng, 3, Double.NaN));
    }
}
