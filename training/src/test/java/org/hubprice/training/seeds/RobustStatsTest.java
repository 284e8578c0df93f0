package org.hubprice.training.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interquartile mean and its stratified bootstrap interval. */
class RobustStatsTest {
    @Test
    void iqmCutsAQuarterFromEachEndAsScipyTrimMean() {
        // scipy.stats.trim_mean([1..8], 0.25) = mean(3, 4, 5, 6) = 4.5
        assertEquals(4.5, RobustStats.iqm(new double[] {8, 1, 7, 2, 6, 3, 5, 4}), 0.0);
        // n = 5: floor(1.25) = 1 cut from each end: mean(2, 3, 100)
        assertEquals(35.0, RobustStats.iqm(new double[] {1, 2, 3, 100, 1000}), 1e-12);
        assertEquals(2.5, RobustStats.iqm(new double[] {2, 3}), 0.0, "n < 4 cuts nothing");
        assertTrue(Double.isNaN(RobustStats.iqm(new double[0])));
        assertEquals(4.5, RobustStats.iqm(new double[][] {{8, 1, 7}, {2, 6, 3, 5, 4}}), 0.0, "over every task's runs");
    }

    @Test
    void intervalCoversTheTrueIqmAtAboutItsLevel() {
        // Normal(0, 1) scores: the population IQM is 0. 400 experiments of 3 tasks x 10 runs, seeded; a 95 %
        // percentile interval covers 0 in about 95 % of them (binomial sd 1.1 %; the bootstrap of a trimmed
        // mean with 30 scores is a little narrow, so accept 88 %..99 %).
        SplittableRandom r = new SplittableRandom(11);
        int covered = 0;
        int experiments = 400;
        for (int e = 0; e < experiments; e++) {
            double[][] s = new double[3][10];
            for (double[] task : s) {
                for (int k = 0; k < task.length; k++) {
                    task[k] = gaussian(r);
                }
            }
            double[] ci = RobustStats.iqmInterval(s, 1000, 0.95, e);
            covered += ci[0] <= 0 && 0 <= ci[1] ? 1 : 0;
        }
        double rate = covered / (double) experiments;
        assertTrue(rate >= 0.88 && rate <= 0.99, "coverage " + rate);
    }

    @Test
    void strataKeepTheirSizesAndTheIntervalIsSeeded() {
        double[][] s = {{10, 10, 10}, {0, 0, 0, 0, 0, 0}};
        double[] ci = RobustStats.iqmInterval(s, 500, 0.9, 3);
        // every resample has three 10s and six 0s: IQM of {0 x6, 10 x3} cuts 2 each end: mean(0,0,0,0,10) = 2
        assertEquals(2.0, ci[0], 0.0);
        assertEquals(2.0, ci[1], 0.0);
        double[][] v = {{1, 5, 2, 8, 3}};
        assertEquals(RobustStats.iqmInterval(v, 500, 0.95, 4)[0], RobustStats.iqmInterval(v, 500, 0.95, 4)[0], 0.0);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
