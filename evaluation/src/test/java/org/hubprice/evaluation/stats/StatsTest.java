package org.hubprice.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hubprice.common.Quantiles;
import org.junit.jupiter.api.Test;

/** Quantiles, summaries, the bootstrap and Welch's test against values from R / SciPy. */
class StatsTest {
    @Test
    void quantilesInterpolateLinearlyLikeRAndNumpy() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.75, Quantiles.of(x, 0.25), 1e-15);
        assertEquals(2.5, Quantiles.median(x), 1e-15);
        assertEquals(3.25, Quantiles.of(x, 0.75), 1e-15);
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(1.0, Quantiles.of(y, 0.1), 1e-12);
        assertEquals(3.5, Quantiles.of(y, 0.5), 1e-12);
        assertEquals(6.9, Quantiles.of(y, 0.9), 1e-12);
        assertArrayEquals(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, y, "the sample is not modified");
        assertTrue(Double.isNaN(Quantiles.median(new double[0])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantiles.median(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("[1] is NaN"), e.getMessage());
    }

    @Test
    void summaryHoldsQuartilesAndSpread() {
        Summary s = Summary.of(new double[] {4, 1, 3, 2});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-15);
        assertEquals(1.75, s.q1(), 1e-15);
        assertEquals(3.25, s.q3(), 1e-15);
        assertEquals(1.5, s.iqr(), 1e-15);
        assertEquals(1, s.min());
        assertEquals(4, s.max());
    }

    @Test
    void bootstrapIntervalIsSeededAndCoversTheMedian() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[32];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.4 + 0.1 * r.nextGaussian();
        }
        double[] a = Bootstrap.medianInterval(x, 10_000, 0.95, 7);
        double[] b = Bootstrap.medianInterval(x, 10_000, 0.95, 7);
        assertArrayEquals(a, b, 0.0, "same seed, same interval");
        double m = Quantiles.median(x);
        assertTrue(a[0] < m && m < a[1], "the interval " + a[0] + ".." + a[1] + " contains the sample median " + m);
        assertTrue(a[1] - a[0] < 0.15, "32 values with sd 0.1: the interval is narrow");
        double[] c = Bootstrap.medianInterval(x, 10_000, 0.95, 8);
        assertTrue(a[0] != c[0] || a[1] != c[1], "another seed resamples differently");
        double[] mean = Bootstrap.meanInterval(x, 10_000, 0.95, 7);
        double mu = Summary.mean(x);
        assertTrue(mean[0] < mu && mu < mean[1]);
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.medianInterval(x, 10, 0.95, 1));
    }

    @Test
    void bootstrapCoverageOfTheMeanIsNearNominal() {
        // 400 normal samples of 32: the 95 % percentile interval of the mean covers the true mean 0
        // in about 93-95 % of them (percentile intervals undercover slightly at n = 32).
        SplittableRandom r = new SplittableRandom(11);
        int covered = 0;
        int trials = 400;
        for (int k = 0; k < trials; k++) {
            double[] x = new double[32];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            double[] ci = Bootstrap.meanInterval(x, 1000, 0.95, k);
            covered += ci[0] < 0 && 0 < ci[1] ? 1 : 0;
        }
        double rate = covered / (double) trials;
        // Binomial sd at 0.94 with 400 trials is 0.012; allow 3.5 sd either side.
        assertTrue(rate > 0.89 && rate < 0.985, "coverage " + rate);
    }

    @Test
    void welchTestMatchesScipy() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 10};
        WelchTest two = WelchTest.of(a, b, WelchTest.Alternative.TWO_SIDED, 0.05);
        // scipy.stats.ttest_ind(a, b, equal_var=False)
        assertEquals(-1.8973665961010275, two.t(), 1e-12);
        assertEquals(5.882352941176471, two.df(), 1e-12);
        assertEquals(0.10753119493062728, two.p(), 1e-9);
        assertEquals(2.458823709699146, two.critical(), 1e-7);
        WelchTest less = WelchTest.of(a, b, WelchTest.Alternative.LESS, 0.05);
        assertEquals(0.05376559746531364, less.p(), 1e-9);
        assertEquals(-1.9501625720474864, less.critical(), 1e-7);
        WelchTest greater = WelchTest.of(a, b, WelchTest.Alternative.GREATER, 0.05);
        assertEquals(1 - 0.05376559746531364, greater.p(), 1e-9);
        assertEquals(3.0, two.meanA());
        assertEquals(6.0, two.meanB());
    }

    @Test
    void welchTestRejectsSamplesItCannotTest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WelchTest.of(new double[] {1}, new double[] {1, 2}, WelchTest.Alternative.TWO_SIDED, 0.05));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WelchTest.of(new double[] {1, 1}, new double[] {2, 2}, WelchTest.Alternative.TWO_SIDED, 0.05));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WelchTest.of(new double[] {1, 2}, new double[] {2, 3}, WelchTest.Alternative.TWO_SIDED, 0.7));
    }
}
