package org.hubprice.models.power.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.models.milp.OrToolsBackend;
import org.hubprice.models.power.BatteryLimits;
import org.hubprice.models.power.ClosedFormDispatcher;
import org.hubprice.models.power.DispatchResult;
import org.hubprice.models.power.MilpPowerDispatcher;
import org.hubprice.models.power.PowerDispatcher;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's correctness at small sizes: instance generation, that the harness runs and
 * counts what it says, and that its agreement figure is the real one. No timing is asserted.
 */
class DispatchBenchmarkTest {
    /**
     * Settings under which the harness's pass counts are fixed: a warm-up and a round of 1 ns are
     * over after at most one pass, so the warm-up makes 0 or 1 pass and every timed round exactly
     * one ({@code ceil(1 ns / ns per pass) = 1} for any pass longer than 1 ns).
     */
    private static DispatchBenchmark.Settings onePassPerRound(int rounds, int milpWarmup) {
        return new DispatchBenchmark.Settings(1e-9, 1e-9, rounds, milpWarmup);
    }

    /** Identifies an instance by its inputs (continuous random draws, so distinct per instance). */
    private static List<Double> key(double load, double commitment, double evPrice, double daPrice, double rtPrice) {
        return List.of(load, commitment, evPrice, daPrice, rtPrice);
    }

    /** A dispatcher that does no work: a fixed result, and a count of its calls. */
    private static final class CountingFast implements PowerDispatcher {
        int calls;

        @Override
        public void dispatch(double load, double commitment, double evPrice, double daPrice, double rtPrice, double batteryEnergy,
                             double batteryCostBasis, BatteryLimits limits, DispatchResult out) {
            calls++;
            out.profit = 1.0;
            out.batteryEnergyAfter = 0.5;
        }

        @Override
        public String name() {
            return "counting-fast";
        }
    }

    /** A "MILP" whose profit is 1 + a planted difference per instance; notes how many fast calls came before its first call. */
    private static final class PlantedMilp implements PowerDispatcher {
        final Map<List<Double>, Double> planted;
        final CountingFast fast;
        int calls;
        int fastCallsBeforeFirst = -1;

        PlantedMilp(Map<List<Double>, Double> planted, CountingFast fast) {
            this.planted = planted;
            this.fast = fast;
        }

        @Override
        public void dispatch(double load, double commitment, double evPrice, double daPrice, double rtPrice, double batteryEnergy,
                             double batteryCostBasis, BatteryLimits limits, DispatchResult out) {
            if (calls++ == 0) {
                fastCallsBeforeFirst = fast.calls;
            }
            out.profit = 1.0 + planted.get(key(load, commitment, evPrice, daPrice, rtPrice));
            out.batteryEnergyAfter = 0;
        }

        @Override
        public String name() {
            return "planted-milp";
        }
    }

    @Test
    void instancesAreDeterministicPerSeedAndCoverEveryRegime() {
        DispatchInstances a = DispatchInstances.generate(260, 5);
        DispatchInstances b = DispatchInstances.generate(260, 5);
        DispatchInstances c = DispatchInstances.generate(260, 6);
        Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
        boolean differs = false;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.describe(i), b.describe(i));
            differs |= !a.describe(i).equals(c.describe(i));
            counts.merge(a.regime(i), 1, Integer::sum);
        }
        assertTrue(differs, "another seed gives other instances");
        assertEquals(Regime.values().length, counts.size());
        counts.values().forEach(k -> assertEquals(20, k));
    }

    @Test
    void regimesHoldWhatTheirNamesSay() {
        DispatchInstances s = DispatchInstances.generate(1300, 11);
        for (int i = 0; i < s.size(); i++) {
            String what = s.describe(i);
            BatteryLimits lim = s.limits(i);
            // every instance is a valid input of PowerDispatcher
            assertTrue(s.load(i) >= 0 && s.commitment(i) >= 0, what);
            assertTrue(s.batteryEnergy(i) >= 0 && s.batteryEnergy(i) <= lim.capacityKwh(), what);
            assertTrue(lim.minimumKwh() <= lim.capacityKwh(), what);
            // docs/model.md section 5: p_ev = a * max(min(p_da, p_rt), 1) with a in [1, 2]
            double reference = Math.max(Math.min(s.daPrice(i), s.rtPrice(i)), 1.0);
            double a = s.evPrice(i) / reference;
            assertTrue(a >= 1 - 1e-12 && a <= 2 + 1e-12, "multiplier " + a + ": " + what);
            switch (s.regime(i)) {
                case SURPLUS_BATTERY_HAS_ROOM -> assertTrue(s.commitment(i) > s.load(i)
                        && s.batteryEnergy(i) >= lim.minimumKwh() && s.batteryEnergy(i) < lim.capacityKwh(), what);
                case SURPLUS_BATTERY_FULL -> assertTrue(s.commitment(i) > s.load(i)
                        && s.batteryEnergy(i) == lim.capacityKwh(), what);
                case SHORTFALL_BATTERY_CHEAPER_THAN_RT -> assertTrue(s.load(i) > s.commitment(i)
                        && s.batteryCostBasis(i) < s.rtPrice(i), what);
                case SHORTFALL_BATTERY_DEARER_THAN_RT -> assertTrue(s.load(i) > s.commitment(i)
                        && s.batteryCostBasis(i) > s.rtPrice(i), what);
                case BATTERY_AT_MINIMUM -> assertTrue(s.load(i) > s.commitment(i) && s.batteryEnergy(i) == lim.minimumKwh()
                        && s.batteryCostBasis(i) < s.rtPrice(i), what);
                case BATTERY_BELOW_MINIMUM -> assertTrue(s.batteryEnergy(i) < lim.minimumKwh(), what);
                case BATTERY_EMPTY -> assertEquals(0.0, s.batteryEnergy(i), what);
                case NEGATIVE_PRICES -> assertTrue(s.daPrice(i) < 0 || s.rtPrice(i) < 0, what);
                case ZERO_PRICES -> assertTrue(s.daPrice(i) == 0 || s.rtPrice(i) == 0 || s.batteryCostBasis(i) == 0, what);
                case ZERO_LOAD -> assertEquals(0.0, s.load(i), what);
                case TIES -> assertTrue(s.batteryCostBasis(i) == s.rtPrice(i) || s.daPrice(i) == s.rtPrice(i)
                        || s.load(i) == s.commitment(i), what);
                case RANDOM_LIMITS, GENERAL -> { } // only the checks above
                default -> throw new AssertionError("a regime without a check: " + s.regime(i));
            }
        }
    }

    @Test
    void runsAndCountsWhatItSaysAndReportsTheLargestDifferenceOverAllInstances() {
        int n = 40;
        DispatchInstances inst = DispatchInstances.generate(n, 3);
        // plant a MILP profit of 1 + d_i: d = -0.25 everywhere (fast - milp = +0.25) except the last
        // instance, d = +7.5 (fast - milp = -7.5): the largest |difference| is 7.5, on the last instance, negative.
        Map<List<Double>, Double> planted = new HashMap<>();
        for (int i = 0; i < n; i++) {
            planted.put(key(inst.load(i), inst.commitment(i), inst.evPrice(i), inst.daPrice(i), inst.rtPrice(i)), i == n - 1 ? 7.5 : -0.25);
        }
        assertEquals(n, planted.size(), "instances are told apart by their inputs");
        CountingFast fast = new CountingFast();
        PlantedMilp milp = new PlantedMilp(planted, fast);

        DispatchBenchmark.Result r = DispatchBenchmark.run(inst, fast, milp, onePassPerRound(3, 2));

        assertEquals(n, r.instances());
        assertEquals(7.5, r.maxProfitDifference(), 0.0);
        // 3 rounds of one pass over 40 instances
        assertEquals(3 * n, r.fastCalls());
        // warm-up: whole passes, at most one under these settings
        int warmupCalls = milp.fastCallsBeforeFirst - 3 * n;
        assertTrue(warmupCalls == 0 || warmupCalls == n, "warm-up calls " + warmupCalls);
        // each fast call before the MILP's turn (warm-up and timed) adds profit 1 + energy 0.5
        assertEquals(1.5 * milp.fastCallsBeforeFirst, r.checksum(), 0.0);
        // then one comparison pass over every instance
        assertEquals(milp.fastCallsBeforeFirst + n, fast.calls);
        // MILP: min(2, 40) warm-up solves and one timed pass
        assertEquals(2 + n, milp.calls);
    }

    @Test
    void theReportedAgreementIsTheRealOneAndTheDispatchersAgree() {
        int n = 39; // three instances per regime
        DispatchInstances inst = DispatchInstances.generate(n, 3);
        ClosedFormDispatcher closed = new ClosedFormDispatcher();
        MilpPowerDispatcher milp = new MilpPowerDispatcher(OrToolsBackend.scip());
        DispatchBenchmark.Result r = DispatchBenchmark.run(inst, closed, milp, onePassPerRound(1, 0));
        // the same figure recomputed here, instance by instance
        DispatchResult a = new DispatchResult();
        DispatchResult b = new DispatchResult();
        double max = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            inst.dispatch(closed, i, a);
            inst.dispatch(milp, i, b);
            max = Math.max(max, Math.abs(a.profit - b.profit));
            scale = Math.max(scale, Math.abs(b.profit));
        }
        assertEquals(max, r.maxProfitDifference(), 1e-9);
        // docs/model.md section 3: the closed form's objective equals the MILP's for every input
        assertTrue(scale > 1, "instances with non-trivial profits: " + scale);
        assertTrue(r.maxProfitDifference() <= 1e-6 * scale, "the two agree: " + r + " (largest |profit| " + scale + ")");
    }

    @Test
    void rejectsBadSettingsAndSizes() {
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(1, 1, 1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DispatchInstances.generate(0, 1));
        assertTrue(e.getMessage().startsWith("instances = 0"), e.getMessage());
    }
}
