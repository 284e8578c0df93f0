package org.hubprice.models.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hubprice.models.milp.OrToolsBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets one clear error naming the field and the value, from both dispatchers alike. */
class PowerDispatcherInputTest {
    static Stream<PowerDispatcher> dispatchers() {
        return Stream.of(new ClosedFormDispatcher(), new MilpPowerDispatcher(OrToolsBackend.scip()));
    }

    private static void assertRejected(PowerDispatcher d, String field, String value, double load, double commitment,
                                       double pev, double pda, double prt, double phi, double basis) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.dispatch(load, commitment, pev, pda, prt, phi, basis, BatteryLimits.DEFAULT, new DispatchResult()));
        assertTrue(e.getMessage().startsWith(field + " = " + value), d.name() + ": " + e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("dispatchers")
    void rejectsNonFinitePrices(PowerDispatcher d) {
        assertRejected(d, "evPrice", "NaN", 1, 1, Double.NaN, 30, 40, 1000, 20);
        assertRejected(d, "daPrice", "Infinity", 1, 1, 50, Double.POSITIVE_INFINITY, 40, 1000, 20);
        assertRejected(d, "rtPrice", "-Infinity", 1, 1, 50, 30, Double.NEGATIVE_INFINITY, 1000, 20);
        assertRejected(d, "batteryCostBasis", "NaN", 1, 1, 50, 30, 40, 1000, Double.NaN);
    }

    @ParameterizedTest
    @MethodSource("dispatchers")
    void rejectsNegativeOrNonFiniteQuantities(PowerDispatcher d) {
        assertRejected(d, "load", "-5.0", -5, 1, 50, 30, 40, 1000, 20);
        assertRejected(d, "commitment", "NaN", 1, Double.NaN, 50, 30, 40, 1000, 20);
        assertRejected(d, "batteryEnergy", "-1.0", 1, 1, 50, 30, 40, -1, 20);
    }

    @ParameterizedTest
    @MethodSource("dispatchers")
    void rejectsMissingLimits(PowerDispatcher d) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.dispatch(1, 1, 50, 30, 40, 1000, 20, null, new DispatchResult()));
        assertTrue(e.getMessage().contains("limits"), e.getMessage());
    }

    @Test
    void batteryLimitsRejectAMinimumAboveTheCapacity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatteryLimits(400, 500, 2000, 2000));
        assertTrue(e.getMessage().contains("battery.minimumKwh = 500.0") && e.getMessage().contains("battery.capacityKwh = 400.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatteryLimits(4000, 500, Double.NaN, 2000));
        assertTrue(e.getMessage().startsWith("battery.chargeRateKw = NaN"), e.getMessage());
    }

    @Test
    void factoryFindsBothAndRejectsUnknownNames() {
        assertInstanceOf(ClosedFormDispatcher.class, PowerDispatchers.byName("closed-form", null));
        assertInstanceOf(MilpPowerDispatcher.class, PowerDispatchers.byName(" MILP ", OrToolsBackend.scip()));
        assertEquals("milp", PowerDispatchers.byName("milp", OrToolsBackend.highs()).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PowerDispatchers.byName("fast", null));
        assertTrue(e.getMessage().contains("'fast'") && e.getMessage().contains("closed-form"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerDispatchers.byName("milp", null));
        assertTrue(e.getMessage().contains("solver"), e.getMessage());
    }
}
