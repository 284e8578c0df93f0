package org.hubprice.evaluation.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hubprice.common.Seeds;
import org.hubprice.evaluation.EvalFixtures;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.ReactivePolicy;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;
import org.junit.jupiter.api.Test;

/** The own policy shifted per hour, on the 6 held-out days of the 60-day fixture, 4 replications. */
class ShiftedPolicyDeviationTest {
    private static final Scenarios SCENARIOS = EvalFixtures.scenarios(EvalFixtures.config());

    private static EvaluationOptions options(int threads) {
        return EvaluationOptions.builder().optReplications(4).optThreads(threads).optBootstrapResamples(1000).build();
    }

    private static long[] seeds(String stream) {
        long[] s = new long[4];
        for (int r = 0; r < s.length; r++) {
            s[r] = Seeds.derive(0, stream, r);
        }
        return s;
    }

    @Test
    void zeroOffsetsReplayTheLearnedPlayBitForBitAndAnOffsetMovesThePrice() throws Exception {
        List<HubPolicy> p = List.of(ReactivePolicy.INSTANCE, ReactivePolicy.INSTANCE);
        long[] seeds = seeds("replication");
        try (BestResponseSearch s = new BestResponseSearch(SCENARIOS.newEnvironment(), p, 20)) {
            int day = SCENARIOS.selected()[1];
            double learned = s.play(day, seeds, 1, null, null);
            assertEquals(learned, s.playShifted(day, seeds, 1, new int[24], 0.01), 0.0);
            int[] down = new int[24];
            down[18] = -10;
            assertTrue(s.playShifted(day, seeds, 1, down, 0.01) != learned, "an offset in hour 18 changes the day's profit");
        }
    }

    /**
     * Hub 0's policy prices at 1.7 against a rival at 1.5: outside the 5 % band it gets only the
     * EVs the rival cannot take. Shifting its own policy down by 0.13 (to 1.57, inside the band)
     * splits the EVs, so the fits move down in most hours and the gain holds on days and draws
     * the fits never saw.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPolicyPricedAboveTheBandIsShiftedDownAndTheGainHoldsOnTheOtherDays() throws Exception {
        BestResponseResult r = BestResponseAnalysis.run(SCENARIOS, EvalFixtures.each("fixed-markup:1.7", "fixed-markup:1.5"), List.of(0),
                options(2));
        Map<String, Object> shifted = (Map<String, Object>) hubMap(r).get("shiftedPolicy");
        double crossFitted = ((Number) shifted.get("crossFittedExploitabilityPercent")).doubleValue();
        assertTrue(crossFitted > 20, "cross-fitted gain " + crossFitted + " %");
        List<?> ci = (List<?>) shifted.get("crossFittedCi95");
        assertTrue(((Number) ci.get(0)).doubleValue() > 0, "interval " + ci);
        for (Object f : (List<?>) shifted.get("fits")) {
            Map<String, Object> fit = (Map<String, Object>) f;
            List<Double> offsets = (List<Double>) fit.get("offsetPerHour");
            long down = offsets.stream().filter(o -> o < -0.1).count();
            assertTrue(down >= 12, "hours shifted down by more than 0.1: " + down + " of " + offsets);
            assertTrue(((Number) fit.get("inSampleExploitabilityPercent")).doubleValue() > 20, fit.toString());
        }
    }

    /**
     * Against a battery-reactive rival, with a battery-reactive own policy, the two halves fit
     * different offsets, so scoring a day with its own half's fit would give other figures: the
     * cross-fitted gain, and each fit's gain on the other half, are what the fits earn on the days
     * they did not see, with fresh draws.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyDayIsScoredWithTheFitThatDidNotSeeIt() throws Exception {
        List<HubPolicy> p = List.of(ReactivePolicy.INSTANCE, ReactivePolicy.INSTANCE);
        BestResponseResult r = BestResponseAnalysis.run(SCENARIOS, p, List.of(0), options(2));
        Map<String, Object> shifted = (Map<String, Object>) hubMap(r).get("shiftedPolicy");
        List<Map<String, Object>> fits = (List<Map<String, Object>>) shifted.get("fits");
        int[][] steps = new int[2][24];
        for (int h = 0; h < 2; h++) {
            List<Double> o = (List<Double>) fits.get(h).get("offsetPerHour");
            for (int t = 0; t < 24; t++) {
                steps[h][t] = (int) Math.round(o.get(t) / 0.01);
            }
        }
        assertTrue(!java.util.Arrays.equals(steps[0], steps[1]), "the halves fit different offsets: " + java.util.Arrays.toString(steps[0]));
        long[] fresh = seeds("best-response-check");
        int[] days = SCENARIOS.selected();
        double[] learned = new double[2];
        double[] deviated = new double[2];
        try (BestResponseSearch s = new BestResponseSearch(SCENARIOS.newEnvironment(), p, 20)) {
            for (int d = 0; d < days.length; d++) {
                int other = 1 - d % 2; // day d (0-based) belongs to half d % 2; the other half's fit scores it
                learned[other] += s.play(days[d], fresh, 0, null, null);
                deviated[other] += s.playShifted(days[d], fresh, 0, steps[other], 0.01);
            }
        }
        for (int h = 0; h < 2; h++) {
            assertEquals(100 * (deviated[h] - learned[h]) / Math.abs(learned[h]),
                    ((Number) fits.get(h).get("otherHalfFreshExploitabilityPercent")).doubleValue(), 1e-6, "fit " + h);
        }
        double all = 100 * (deviated[0] + deviated[1] - learned[0] - learned[1]) / Math.abs(learned[0] + learned[1]);
        assertEquals(all, ((Number) shifted.get("crossFittedExploitabilityPercent")).doubleValue(), 1e-6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void atTheCapWithBindingCapacityNoShiftGainsAnything() throws Exception {
        Scenarios binding = EvalFixtures.scenarios(EvalFixtures.config("hubs.stations=5", "demand.demandMultiplier=20"));
        BestResponseResult r = BestResponseAnalysis.run(binding, EvalFixtures.all("cap", 2), List.of(1), options(2));
        Map<String, Object> shifted = (Map<String, Object>) hubMap(r).get("shiftedPolicy");
        assertEquals(0.0, ((Number) shifted.get("crossFittedExploitabilityPercent")).doubleValue(), 1e-9);
        for (Object f : (List<?>) shifted.get("fits")) {
            List<Double> offsets = (List<Double>) ((Map<String, Object>) f).get("offsetPerHour");
            assertTrue(offsets.stream().allMatch(o -> o <= 0), "the cap cannot be raised: " + offsets);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        List<HubPolicy> p = List.of(ReactivePolicy.INSTANCE, ReactivePolicy.INSTANCE);
        BestResponseResult one = BestResponseAnalysis.run(SCENARIOS, p, List.of(0), options(1));
        BestResponseResult two = BestResponseAnalysis.run(SCENARIOS, p, List.of(0), options(2));
        assertEquals(hubMap(one).get("shiftedPolicy"), hubMap(two).get("shiftedPolicy"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hubMap(BestResponseResult r) {
        return ((List<Map<String, Object>>) r.toMap().get("hubs")).get(0);
    }
}
