package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticDaysTest {
    @Test
    void sameSeedSameDaysAndPrefixesAgree() {
        List<DayProfile> a = SyntheticDays.generate(30, 4);
        assertEquals(a, SyntheticDays.generate(30, 4));
        assertEquals(a.subList(0, 10), SyntheticDays.generate(10, 4));
        assertNotEquals(a, SyntheticDays.generate(30, 5));
    }

    /**
     * Loads: n[t] ~ Poisson(αβN̄[t]·q[t]) per day, so over 2000 days the mean hub load per hour
     * is the reference expected load within 4 standard errors.
     */
    @Test
    void meanLoadIsTheReferenceExpectedLoad() {
        int n = 2000;
        List<DayProfile> days = SyntheticDays.generate(n, 8);
        for (int t = 0; t < 24; t++) {
            double mean = 0;
            for (DayProfile d : days) {
                mean += d.load(t) / n;
            }
            double lambda = ReferenceDemand.meanChargingEvs(t);
            double perEv = ReferenceDemand.MEAN_ENERGY_PER_EV_KWH / 2;
            double se = Math.sqrt(lambda / n) * perEv;
            assertEquals(ReferenceDemand.expectedHubLoadKwh(t, 2), mean, 4 * se, "hour " + t);
        }
    }

    @Test
    void meanLoadOptionGivesTheFormulaEveryDay() {
        SyntheticDays.Params p = SyntheticDays.Params.DEFAULT;
        SyntheticDays.Params mean = new SyntheticDays.Params(p.meanLevel(), p.persistence(), p.levelSd(), p.minLevel(),
                p.hourlyNoise(), p.rtNoise(), p.spikeProbability(), p.spikeMaxMultiple(), p.hubs(), false);
        List<DayProfile> days = SyntheticDays.generate(3, 4, mean);
        for (DayProfile d : days) {
            for (int t = 0; t < 24; t++) {
                assertEquals(ReferenceDemand.expectedHubLoadKwh(t, 2), d.load(t));
            }
        }
        // prices come from their own streams, so they do not depend on how loads are made
        assertEquals(SyntheticDays.generate(3, 4).get(2).daPrice(9), days.get(2).daPrice(9));
    }

    @Test
    void pricesHaveTwoPeaksAndRtFollowsDa() {
        List<DayProfile> days = SyntheticDays.generate(400, 2);
        double[] da = new double[24];
        double[] rt = new double[24];
        for (DayProfile d : days) {
            for (int t = 0; t < 24; t++) {
                da[t] += d.daPrice(t) / days.size();
                rt[t] += d.rtPrice(t) / days.size();
            }
        }
        assertTrue(da[8] > da[3] && da[8] > da[11], "morning peak");
        assertTrue(da[18] > da[14] && da[18] > da[23], "evening peak");
        for (int t = 0; t < 24; t++) {
            // RT = DA x (1 + noise) + rare spikes: on average a little above DA
            assertTrue(rt[t] > da[t] * 0.95 && rt[t] < da[t] * 1.3, "hour " + t + ": rt " + rt[t] + " da " + da[t]);
        }
    }

    @Test
    void badParametersAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SyntheticDays.generate(0, 1)).getMessage().startsWith("n = 0"));
        SyntheticDays.Params p = SyntheticDays.Params.DEFAULT;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticDays.Params(p.meanLevel(), 1.0, p.levelSd(),
                p.minLevel(), p.hourlyNoise(), p.rtNoise(), p.spikeProbability(), p.spikeMaxMultiple(), p.hubs(), true)).getMessage()
                .startsWith("persistence = 1.0"));
    }
}
