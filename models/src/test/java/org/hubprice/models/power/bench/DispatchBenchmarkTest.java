package org.hubprice.models.power.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.hubprice.models.milp.OrToolsBackend;
import org.hubprice.models.power.ClosedFormDispatcher;
import org.hubprice.models.power.MilpPowerDispatcher;
import org.junit.jupiter.api.Test;

/** The benchmark's pieces at small sizes: instance generation and the timing harness. */
class DispatchBenchmarkTest {
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
            switch (s.regime(i)) {
                case SURPLUS_BATTERY_FULL -> assertTrue(s.commitment(i) > s.load(i)
                        && s.batteryEnergy(i) == s.limits(i).capacityKwh(), what);
                case SHORTFALL_BATTERY_CHEAPER_THAN_RT -> assertTrue(s.load(i) > s.commitment(i)
                        && s.batteryCostBasis(i) < s.rtPrice(i), what);
                case SHORTFALL_BATTERY_DEARER_THAN_RT -> assertTrue(s.load(i) > s.commitment(i)
                        && s.batteryCostBasis(i) > s.rtPrice(i), what);
                case BATTERY_BELOW_MINIMUM -> assertTrue(s.batteryEnergy(i) < s.limits(i).minimumKwh(), what);
                case BATTERY_EMPTY -> assertEquals(0.0, s.batteryEnergy(i), what);
                case NEGATIVE_PRICES -> assertTrue(s.daPrice(i) < 0 || s.rtPrice(i) < 0, what);
                case ZERO_PRICES -> assertTrue(s.daPrice(i) == 0 || s.rtPrice(i) == 0 || s.batteryCostBasis(i) == 0, what);
                case ZERO_LOAD -> assertEquals(0.0, s.load(i), what);
                case TIES -> assertTrue(s.batteryCostBasis(i) == s.rtPrice(i) || s.daPrice(i) == s.rtPrice(i)
                        || s.load(i) == s.commitment(i), what);
                default -> assertTrue(Double.isFinite(s.evPrice(i)) && s.evPrice(i) > 0, what);
            }
        }
    }

    @Test
    void timesBothDispatchersOnTheSameInstances() {
        DispatchInstances inst = DispatchInstances.generate(40, 3);
        DispatchBenchmark.Result r = DispatchBenchmark.run(inst, new ClosedFormDispatcher(),
                new MilpPowerDispatcher(OrToolsBackend.scip()), new DispatchBenchmark.Settings(0.05, 0.01, 3, 2));
        assertEquals(40, r.instances());
        assertTrue(r.fastNsPerSolve() > 0 && r.milpNsPerSolve() > 0, r.toString());
        assertEquals(r.milpNsPerSolve() / r.fastNsPerSolve(), r.speedupRatio(), 1e-9 * r.speedupRatio());
        assertTrue(r.maxProfitDifference() < 1e-3, "the two agree: " + r);
        assertTrue(r.fastCalls() >= 3 * 40, r.toString());
        assertNotEquals(0.0, r.checksum());
    }

    @Test
    void rejectsBadSettingsAndSizes() {
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DispatchBenchmark.Settings(1, 1, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DispatchInstances.generate(0, 1));
        assertTrue(e.getMessage().startsWith("instances = 0"), e.getMessage());
    }
}
