package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioReductionTest {
    private static final List<DayProfile> DAYS = SyntheticDays.generate(80, 11);

    @Test
    void givesKScenariosWhoseProbabilitiesSumToOne() {
        for (int k : new int[] {1, 3, 10}) {
            List<Scenario> s = ScenarioReduction.reduce(DAYS, k, 5);
            assertEquals(k, s.size());
            double sum = 0;
            for (Scenario sc : s) {
                assertEquals(24, sc.hours());
                // probabilities are shares of 80 days
                assertEquals(0, Math.abs(sc.probability() * 80 - Math.rint(sc.probability() * 80)), 1e-9);
                sum += sc.probability();
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void isDeterministicForASeed() {
        assertEquals(ScenarioReduction.reduce(DAYS, 6, 42), ScenarioReduction.reduce(DAYS, 6, 42));
        // another seed changes the k-means++ start; on this noisy data the partition differs
        assertNotEquals(ScenarioReduction.reduce(DAYS, 6, 42), ScenarioReduction.reduce(DAYS, 6, 43));
    }

    /**
     * Centroids are in original units: each is a mean of whole days, so the probability-weighted
     * mean of the scenarios equals the mean of all days in every one of the 72 dimensions
     * (standardised centroids would not), and every scenario lies within the days' range.
     */
    @Test
    void centroidsAreInOriginalUnits() {
        List<Scenario> s = ScenarioReduction.reduce(DAYS, 7, 1);
        double[] mean = new double[72];
        double[] lo = new double[72];
        double[] hi = new double[72];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (DayProfile d : DAYS) {
            double[] v = d.toVector();
            for (int j = 0; j < 72; j++) {
                mean[j] += v[j] / DAYS.size();
                lo[j] = Math.min(lo[j], v[j]);
                hi[j] = Math.max(hi[j], v[j]);
            }
        }
        double[] weighted = new double[72];
        for (Scenario sc : s) {
            for (int t = 0; t < 24; t++) {
                double[] v = {sc.daPrice(t), sc.rtPrice(t), sc.load(t)};
                for (int g = 0; g < 3; g++) {
                    int j = g * 24 + t;
                    weighted[j] += sc.probability() * v[g];
                    assertTrue(v[g] >= lo[j] - 1e-9 && v[g] <= hi[j] + 1e-9, "dimension " + j + " = " + v[g] + " outside the days' range");
                }
            }
        }
        for (int j = 0; j < 72; j++) {
            assertEquals(mean[j], weighted[j], 1e-9 * Math.max(1, Math.abs(mean[j])), "dimension " + j);
        }
    }

    /** Three well-separated groups of 5, 8 and 12 noisy copies come back as three scenarios. */
    @Test
    void recoversClearClusters() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] centres = {{20, 25, 500}, {60, 40, 1500}, {100, 150, 3000}};
        int[] sizes = {5, 8, 12};
        List<DayProfile> days = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                double[] da = new double[24];
                double[] rt = new double[24];
                double[] load = new double[24];
                for (int t = 0; t < 24; t++) {
                    da[t] = centres[g][0] + rnd.nextDouble(-1, 1);
                    rt[t] = centres[g][1] + rnd.nextDouble(-1, 1);
                    load[t] = centres[g][2] + rnd.nextDouble(-10, 10);
                }
                days.add(new DayProfile(da, rt, load));
            }
        }
        // interleave the groups so that order cannot give the answer away
        List<DayProfile> mixed = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            mixed.add(days.get((i * 7) % days.size()));
        }
        for (long seed = 0; seed < 5; seed++) {
            List<Scenario> s = ScenarioReduction.reduce(mixed, 3, seed);
            List<Double> probs = s.stream().map(Scenario::probability).sorted().toList();
            assertEquals(List.of(5 / 25.0, 8 / 25.0, 12 / 25.0), probs, "seed " + seed);
            for (Scenario sc : s) {
                int g = sc.probability() == 5 / 25.0 ? 0 : sc.probability() == 8 / 25.0 ? 1 : 2;
                for (int t = 0; t < 24; t++) {
                    assertEquals(centres[g][0], sc.daPrice(t), 1.0);
                    assertEquals(centres[g][1], sc.rtPrice(t), 1.0);
                    assertEquals(centres[g][2], sc.load(t), 10.0);
                }
            }
        }
    }

    @Test
    void kEqualToTheNumberOfDaysKeepsEveryDay() {
        List<DayProfile> few = DAYS.subList(0, 4);
        List<Scenario> s = ScenarioReduction.reduce(few, 4, 9);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.25, s.get(i).probability());
            // ordered by first day: scenario i is day i itself
            assertEquals(few.get(i).daPrice(12), s.get(i).daPrice(12));
            assertEquals(few.get(i).load(17), s.get(i).load(17));
        }
    }

    @Test
    void constantDimensionsDoNotBreakStandardisation() {
        List<DayProfile> days = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            double[] da = DayProfileTest.filled(30); // zero variance in every DA hour
            double[] rt = DayProfileTest.filled(d < 3 ? 10 : 90);
            days.add(new DayProfile(da, rt, DayProfileTest.filled(100 + d)));
        }
        List<Scenario> s = ScenarioReduction.reduce(days, 2, 0);
        assertEquals(0.5, s.get(0).probability());
        assertEquals(30, s.get(0).daPrice(0));
        assertEquals(10, s.get(0).rtPrice(0));
        assertEquals(101, s.get(0).load(0), 1e-12);
    }

    @Test
    void badInputIsReportedClearly() {
        assertTrue(message(() -> ScenarioReduction.reduce(List.of(), 3, 0)).startsWith("days is empty"));
        assertTrue(message(() -> ScenarioReduction.reduce(DAYS, 0, 0)).startsWith("k = 0 must be >= 1"));
        assertTrue(message(() -> ScenarioReduction.reduce(DAYS.subList(0, 5), 10, 0))
                .startsWith("k = 10 exceeds the number of days (5)"));
        List<DayProfile> copies = List.of(DAYS.get(0), DAYS.get(0), DAYS.get(0), DAYS.get(1));
        assertTrue(message(() -> ScenarioReduction.reduce(copies, 3, 0)).startsWith("k = 3 exceeds the number of distinct days (2 of 4"));
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
