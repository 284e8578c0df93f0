package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DemandConfigTest {
    private final DemandConfig d = DemandConfig.defaults();

    @Test
    void defaultsAreTheModelValues() {
        assertEquals(24, d.meanVehicles().length);
        assertEquals(1400, d.meanVehicles(0));
        assertEquals(6856, d.meanVehicles(15));
        assertEquals(1428, d.meanVehicles(23));
        assertEquals(0.03325, d.chargeProbability(12));
        assertEquals(0.004806779, d.chargeProbability(23));
        assertArrayEquals(new double[] {50, 75, 100}, d.batterySizesKwh());
        assertArrayEquals(new double[] {0.3, 0.4, 0.3}, d.batterySizeProbabilities());
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 95}, d.socPercents());
        assertEquals(1.0, d.priceSensitiveShare());
        assertEquals(0.05, d.similarityTolerance());
        assertEquals(BalkingCurve.referenceSteps(), d.balking());
        assertEquals(1.0, d.demandMultiplier());
        assertEquals(1.0, Arrays.stream(d.socProbabilities()).sum(), 1e-12);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] mean = d.meanVehicles();
        mean[0] = 99;
        assertEquals(1400, d.meanVehicles(0), "accessor must return a copy");
        double[] input = d.meanVehicles();
        DemandConfig c = d.withMeanVehicles(input);
        input[3] = 1;
        assertEquals(1400, c.meanVehicles(3), "constructor must copy its input");
    }

    @Test
    void withersChangeOneFieldAndValueEqualityHolds() {
        assertEquals(DemandConfig.defaults(), d);
        assertEquals(DemandConfig.defaults().hashCode(), d.hashCode());
        DemandConfig c = d.withDemandMultiplier(1.5).withBalking(BalkingCurve.none()).withPriceSensitiveShare(0.7)
                .withSimilarityTolerance(0.1);
        assertEquals(1.5, c.demandMultiplier());
        assertEquals(BalkingCurve.none(), c.balking());
        assertEquals(0.7, c.priceSensitiveShare());
        assertEquals(0.1, c.similarityTolerance());
        assertArrayEquals(d.meanVehicles(), c.meanVehicles());
        assertNotEquals(d, c);
        assertTrue(c.toString().contains("demandMultiplier=1.5"));
    }

    @Test
    void invalidValuesNameTheFieldAndValue() {
        assertMessage(() -> d.withMeanVehicles(new double[23]), "meanVehicles", "23");
        double[] neg = d.meanVehicles();
        neg[5] = -1;
        assertMessage(() -> d.withMeanVehicles(neg), "meanVehicles[5]", "-1.0");
        double[] q = d.chargeProbability();
        q[2] = 1.2;
        assertMessage(() -> d.withChargeProbability(q), "chargeProbability[2]", "1.2");
        assertMessage(() -> d.withBatterySizes(new double[] {50, 75}, new double[] {0.5, 0.4}), "batterySizeProbabilities", "sums to");
        assertMessage(() -> d.withBatterySizes(new double[] {50, 75}, new double[] {1.0}), "batterySizeProbabilities", "2");
        assertMessage(() -> d.withBatterySizes(new double[] {0, 75}, new double[] {0.5, 0.5}), "batterySizesKwh[0]", "0.0");
        assertMessage(() -> d.withStatesOfCharge(new double[] {10, 120}, new double[] {0.5, 0.5}), "socPercents[1]", "120");
        assertMessage(() -> d.withStatesOfCharge(new double[] {}, new double[] {}), "socPercents", "empty");
        assertMessage(() -> d.withPriceSensitiveShare(1.01), "priceSensitiveShare", "1.01");
        assertMessage(() -> d.withPriceSensitiveShare(Double.NaN), "priceSensitiveShare", "NaN");
        assertMessage(() -> d.withSimilarityTolerance(-0.01), "similarityTolerance", "-0.01");
        assertMessage(() -> d.withDemandMultiplier(-2), "demandMultiplier", "-2.0");
        assertMessage(() -> d.withDemandMultiplier(1e6), "demandMultiplier", "Maybe");
        assertThrows(NullPointerException.class, () -> d.withBalking(null));
    }

    @Test
    void probabilitiesMaySumToOneWithinTolerance() {
        DemandConfig c = d.withBatterySizes(new double[] {60, 80}, new double[] {0.5 + 4e-10, 0.5});
        assertEquals(60, c.batterySizesKwh()[0]);
        assertMessage(() -> d.withBatterySizes(new double[] {60, 80}, new double[] {0.5 + 2e-9, 0.5}), "batterySizeProbabilities",
                "sums to");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), "message should contain '" + p + "': " + ex.getMessage());
        }
    }
}
