package org.hubprice.env.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hubprice.models.power.BatteryLimits;
import org.hubprice.models.power.ClosedFormDispatcher;
import org.junit.jupiter.api.Test;

class HubTest {
    private static Hub hub(double commitment) {
        double[] c = new double[24];
        Arrays.fill(c, commitment);
        return new Hub(0, 10, BatteryLimits.DEFAULT, c, new ClosedFormDispatcher());
    }

    @Test
    void surplusDaEnergyChargesTheBatteryAtCost() {
        Hub h = hub(1000);
        h.resetBattery(1000, 50);
        double profit = h.runPeriod(0, 1.5, 40, 60, 40, 45, 5, 1, 200);
        HubPeriod p = h.lastPeriod();
        assertEquals(200, p.daToEv);
        assertEquals(800, p.daToBattery);
        assertEquals(0, p.daToRt);
        assertEquals(1800, h.batteryEnergy());
        assertEquals((1000 * 50 + 800 * 40) / 1800.0, h.batteryCostBasis(), 1e-12);
        assertEquals((60 - 40) * 200 / 1000.0, profit, 1e-12);
        assertEquals(12.0, p.revenue, 1e-12);
        assertEquals(8.0, p.energyCost, 1e-12);
        assertEquals(40.0, p.unitCost, 1e-12);
        assertEquals(5, p.assigned);
        assertEquals(1, p.balked);
        assertEquals(1.5, p.multiplier);
    }

    @Test
    void shortfallUsesTheCheaperOfBatteryAndRt() {
        Hub h = hub(100);
        h.resetBattery(2000, 30);
        h.runPeriod(3, 2, 40, 80, 40, 50, 10, 0, 900);
        HubPeriod p = h.lastPeriod();
        assertEquals(100, p.daToEv);
        assertEquals(800, p.batteryToEv, "battery at 30 $/MWh beats RT at 50");
        assertEquals(0, p.rtToEv);
        assertEquals(1200, h.batteryEnergy());
        assertEquals((40 * 100 + 30 * 800) / 900.0, p.unitCost, 1e-12);
        assertEquals(p.profit, p.revenue - p.energyCost - p.sellBackLoss, 1e-12);
    }

    @Test
    void zeroLoadHasZeroUnitCost() {
        Hub h = hub(0);
        h.resetBattery(600, 20);
        assertEquals(0, h.runPeriod(0, 1, 30, 30, 30, 35, 0, 0, 0));
        assertEquals(0, h.lastPeriod().unitCost);
    }

    @Test
    void badInputIsRefused() {
        Hub h = hub(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.resetBattery(100, 20));
        assertTrue(e.getMessage().contains("[500.0, 4000.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.resetBattery(600, Double.NaN));
        assertThrows(IllegalStateException.class, () -> h.runPeriod(0, 1, 30, 30, 30, 35, 11, 0, 100), "more EVs than stations");
        assertThrows(IllegalArgumentException.class, () -> new Hub(0, 0, BatteryLimits.DEFAULT, new double[24], new ClosedFormDispatcher()));
        assertThrows(IllegalArgumentException.class, () -> new Hub(0, 5, BatteryLimits.DEFAULT, new double[23], new ClosedFormDispatcher()));
    }
}
