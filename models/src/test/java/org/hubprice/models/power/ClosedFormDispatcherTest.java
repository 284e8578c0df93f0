package org.hubprice.models.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the closed-form dispatcher, one per regime. */
class ClosedFormDispatcherTest {
    private static final double EPS = 1e-9;
    private final ClosedFormDispatcher d = new ClosedFormDispatcher();
    private final DispatchResult r = new DispatchResult();

    @Test
    void surplusIsStoredUpToTheChargeRateAndTheRestSold() {
        // C - L = 3000 kWh surplus; battery at 1000 of 4000 -> room min(2000, 3000) = 2000.
        d.dispatch(1000, 4000, 100, 30, 20, 1000, 50, BatteryLimits.DEFAULT, r);
        assertEquals(1000, r.daToEv, EPS);
        assertEquals(2000, r.daToBattery, EPS);
        assertEquals(1000, r.daToRt, EPS);
        assertEquals(0, r.batteryToEv, EPS);
        assertEquals(0, r.rtToEv, EPS);
        // (100-30)*1000 + (20-30)*1000 = 60000 -> $60.
        assertEquals(60.0, r.profit, EPS);
        assertEquals(3000, r.batteryEnergyAfter, EPS);
        assertEquals((1000 * 50 + 2000 * 30) / 3000.0, r.batteryCostBasisAfter, EPS);
    }

    @Test
    void fullBatteryStoresNothing() {
        d.dispatch(0, 500, 100, 30, 40, 4000, 50, BatteryLimits.DEFAULT, r);
        assertEquals(0, r.daToBattery, EPS);
        assertEquals(500, r.daToRt, EPS);
        assertEquals(0.0, r.profit, EPS); // resale at min(30, 40) = p_da: no loss
        assertEquals(50, r.batteryCostBasisAfter, EPS);
        assertEquals(4000, r.batteryEnergyAfter, EPS);
    }

    @Test
    void shortfallComesFromTheBatteryWhenItIsCheaperThanRt() {
        // D = 2500; battery at 1500 above min 500 -> can give min(2000, 1000) = 1000.
        d.dispatch(3000, 500, 100, 30, 60, 1500, 40, BatteryLimits.DEFAULT, r);
        assertEquals(500, r.daToEv, EPS);
        assertEquals(1000, r.batteryToEv, EPS);
        assertEquals(1500, r.rtToEv, EPS);
        assertEquals(((100 - 30) * 500 + (100 - 40) * 1000 + (100 - 60) * 1500) / 1000.0, r.profit, EPS);
        assertEquals(500, r.batteryEnergyAfter, EPS);
        assertEquals(40, r.batteryCostBasisAfter, EPS);
    }

    @Test
    void shortfallComesFromRtWhenTheBatteryIsDearerOrEqual() {
        d.dispatch(3000, 500, 100, 30, 40, 1500, 40, BatteryLimits.DEFAULT, r);
        assertEquals(0, r.batteryToEv, EPS);
        assertEquals(2500, r.rtToEv, EPS);
    }

    @Test
    void batteryBelowMinimumNeitherDischargesNorBreaks() {
        d.dispatch(1000, 0, 100, 30, 60, 200, 10, BatteryLimits.DEFAULT, r);
        assertEquals(0, r.batteryToEv, EPS);
        assertEquals(1000, r.rtToEv, EPS);
        assertEquals(200, r.batteryEnergyAfter, EPS);
    }

    @Test
    void allocatesNothingPerCall() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "this JVM does not report allocated bytes per thread");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        double sink = 0;
        for (int i = 0; i < 200_000; i++) { // let the JIT compile the call first
            d.dispatch(i % 3000, 1500, 100, 30 + i % 7, 40, 500 + i % 3500, 35, BatteryLimits.DEFAULT, r);
            sink += r.profit;
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 1_000_000; i++) {
            d.dispatch(i % 3000, 1500, 100, 30 + i % 7, 40, 500 + i % 3500, 35, BatteryLimits.DEFAULT, r);
            sink += r.profit;
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // One allocation per call would be >= 16 MB here; the slack covers the measurement itself.
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes over 1e6 calls (sink " + sink + ")");
    }

    @Test
    void badInputNamesTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.dispatch(1, 1, 1, Double.NaN, 1, 1000, 1, BatteryLimits.DEFAULT, r));
        assertTrue(e.getMessage().contains("daPrice") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.dispatch(-2, 1, 1, 1, 1, 1000, 1, BatteryLimits.DEFAULT, r));
        assertTrue(e.getMessage().contains("load") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.dispatch(1, 1, 1, 1, Double.POSITIVE_INFINITY, 1000, 1, BatteryLimits.DEFAULT, r));
        assertTrue(e.getMessage().contains("rtPrice") && e.getMessage().contains("Infinity"), e.getMessage());
    }
}
