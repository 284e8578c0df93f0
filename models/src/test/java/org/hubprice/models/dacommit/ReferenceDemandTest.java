package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReferenceDemandTest {
    @Test
    void tablesHaveTheModelValues() {
        assertEquals(24, ReferenceDemand.alphaBetaNbar().length);
        assertEquals(24, ReferenceDemand.chargeProbabilities().length);
        assertEquals(1400, ReferenceDemand.alphaBetaNbar(0));
        assertEquals(6856, ReferenceDemand.alphaBetaNbar(15));
        assertEquals(0.03325, ReferenceDemand.chargeProbability(12));
        assertEquals(0.004806779, ReferenceDemand.chargeProbability(23));
        // checksums of the docs/model.md tables (computed separately from the spec text)
        double sum = 0;
        double sumQ = 0;
        double evs = 0;
        for (int t = 0; t < 24; t++) {
            sum += ReferenceDemand.alphaBetaNbar(t);
            sumQ += ReferenceDemand.chargeProbability(t);
            evs += ReferenceDemand.meanChargingEvs(t);
        }
        assertEquals(97_196, sum, 1e-9);
        assertEquals(0.36055288, sumQ, 1e-12);
        assertEquals(1871.9761822380003, evs, 1e-9);
        assertEquals(75 * 0.5485, ReferenceDemand.MEAN_ENERGY_PER_EV_KWH, 0.005);
    }

    @Test
    void expectedHubLoadFollowsTheFormula() {
        // hour 17: 6584 x 0.030111666 / 2 x 41.14 = 4078.2 kWh per hub
        assertEquals(6584 * 0.030111666 / 2 * 41.14, ReferenceDemand.expectedHubLoadKwh(17, 2), 1e-9);
        assertEquals(2 * ReferenceDemand.expectedHubLoadKwh(3, 2), ReferenceDemand.expectedHubLoadKwh(3, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.expectedHubLoadKwh(24, 2));
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.expectedHubLoadKwh(0, 0));
    }
}
