package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.power.BatteryLimits;
import org.junit.jupiter.api.Test;

class DaCommitmentConfigTest {
    @Test
    void defaultsAreTheReferenceValues() {
        DaCommitmentConfig c = DaCommitmentConfig.DEFAULT;
        assertEquals(0.8, c.psi());
        assertEquals(BatteryLimits.DEFAULT, c.battery());
        assertEquals(200, c.minChargeKw());
        assertEquals(200, c.minDischargeKw());
        assertEquals(700, c.initialBatteryKwh());
        assertEquals(10_000, c.commitmentCapKwh());
        assertEquals(10, c.scenarios());
        assertEquals(0, c.seed());
        assertEquals(SolveOptions.DEFAULT, c.solveOptions());
    }

    @Test
    void builderRoundTrips() {
        DaCommitmentConfig c = DaCommitmentConfig.builder().optPsi(0.5).optScenarios(4).optSeed(-3).optInitialBatteryKwh(900)
                .optKmeansMaxIterations(50).optSolveOptions(SolveOptions.DEFAULT.withTimeLimit(5)).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(0.5, c.psi());
        assertEquals(4, c.scenarios());
        assertEquals(-3, c.seed());
        assertEquals(5, c.solveOptions().timeLimitSeconds());
        assertEquals(0.5, c.toMap().get("psi"));
    }

    private static String error(UnaryOperator<DaCommitmentConfig.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(DaCommitmentConfig.builder()).build()).getMessage();
    }

    @Test
    void everyFieldIsValidatedWithFieldValueRangeAndHint() {
        assertMessage(error(b -> b.optPsi(1.3)), "psi = 1.3", "[0, 1]", "Maybe 0.8");
        assertMessage(error(b -> b.optPsi(Double.NaN)), "psi = NaN", "[0, 1]");
        assertMessage(error(b -> b.optBattery(null)), "battery is missing", "Maybe");
        assertMessage(error(b -> b.optMinChargeKw(2500)), "minChargeKw = 2500.0", "battery.chargeRateKw = 2000.0", "Maybe 200");
        assertMessage(error(b -> b.optMinChargeKw(-1)), "minChargeKw = -1.0");
        assertMessage(error(b -> b.optMinDischargeKw(2001)), "minDischargeKw = 2001.0", "battery.dischargeRateKw = 2000.0");
        assertMessage(error(b -> b.optInitialBatteryKwh(100)), "initialBatteryKwh = 100.0", "battery.minimumKwh = 500.0",
                "battery.capacityKwh = 4000.0", "Maybe 700");
        assertMessage(error(b -> b.optCommitmentCapKwh(0)), "commitmentCapKwh = 0.0", "> 0", "Maybe 10000");
        assertMessage(error(b -> b.optCommitmentCapKwh(Double.POSITIVE_INFINITY)), "commitmentCapKwh = Infinity");
        assertMessage(error(b -> b.optScenarios(0)), "scenarios = 0", "[1, 1000]", "Maybe 10");
        assertMessage(error(b -> b.optKmeansMaxIterations(0)), "kmeansMaxIterations = 0", "[1, 1000000]");
        assertMessage(error(b -> b.optSolveOptions(null)), "solveOptions is missing");
    }

    private static void assertMessage(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message '" + message + "' lacks '" + p + "'");
        }
    }
}
