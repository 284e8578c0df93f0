package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalModelTest {
    private final DemandConfig d = DemandConfig.defaults();

    @Test
    void expectedCountsAreLambdaTimesQ() {
        ArrivalModel m = new ArrivalModel(d);
        assertEquals(5734 * 0.03325, m.expectedChargeSeekers(12), 1e-9);
        assertEquals(1400 * 0.002086889, m.expectedChargeSeekers(0), 1e-12);
        assertEquals(6856, m.expectedVehicles(15));
        double day = 0;
        for (int t = 0; t < 24; t++) {
            day += m.expectedChargeSeekers(t);
        }
        // Σ αβN̄[t]·q[t] over the docs/model.md 2.1 tables, computed independently: about 1,872 charge seekers a day.
        assertEquals(1871.9762, day, 1e-4);
        ArrivalModel doubled = new ArrivalModel(d.withDemandMultiplier(1.5));
        assertEquals(1.5 * m.expectedChargeSeekers(17), doubled.expectedChargeSeekers(17), 1e-9);
    }

    /** Poisson(λ) thinned by Binomial(·, q) is exactly Poisson(λq): check the two-stage sampler against it. */
    @Test
    void chargeSeekersArePoissonWithMeanLambdaQ() {
        ArrivalModel m = new ArrivalModel(d);
        for (int hour : new int[] {2, 12, 17}) {
            double mean = m.expectedChargeSeekers(hour);
            SplittableRandom rng = new SplittableRandom(1000 + hour);
            int samples = 100_000;
            long[] counts = new long[(int) (mean + 12 * Math.sqrt(mean) + 30)];
            double sum = 0;
            double sumSq = 0;
            for (int s = 0; s < samples; s++) {
                int k = m.sampleChargeSeekers(hour, rng);
                counts[k]++;
                sum += k;
                sumSq += (double) k * k;
            }
            SampleStats.assertMean("hour " + hour + " mean", sum / samples, mean, mean, samples);
            SampleStats.assertVariance("hour " + hour + " variance", SampleStats.unbiasedVariance(sum, sumSq, samples), mean, mean * (1 + 3 * mean),
                    samples);
            SampleStats.assertFits("hour " + hour + " counts", counts, samples, k -> SampleStats.poissonPmf(mean, k));
        }
    }

    @Test
    void demandMultiplierScalesTheMean() {
        ArrivalModel m = new ArrivalModel(d.withDemandMultiplier(1.5));
        int hour = 15;
        double mean = 1.5 * 6856 * 0.025303223;
        SplittableRandom rng = new SplittableRandom(77);
        int samples = 50_000;
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            sum += m.sampleChargeSeekers(hour, rng);
        }
        SampleStats.assertMean("x1.5 demand", sum / samples, mean, mean, samples);
        ArrivalModel none = new ArrivalModel(d.withDemandMultiplier(0));
        for (int t = 0; t < 24; t++) {
            assertEquals(0, none.sampleChargeSeekers(t, rng));
        }
    }

    @Test
    void sampleDayIsTheHoursInOrderAndReproducible() {
        ArrivalModel m = new ArrivalModel(d);
        int[] day = new int[24];
        m.sampleDay(new SplittableRandom(9), day);
        SplittableRandom rng = new SplittableRandom(9);
        int[] byHour = new int[24];
        for (int t = 0; t < 24; t++) {
            byHour[t] = m.sampleChargeSeekers(t, rng);
        }
        assertArrayEquals(byHour, day);
        int[] again = new int[24];
        m.sampleDay(new SplittableRandom(9), again);
        assertArrayEquals(day, again);
    }

    @Test
    void badArgumentsAreRejected() {
        ArrivalModel m = new ArrivalModel(d);
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> m.sampleChargeSeekers(24, rng));
        assertThrows(IllegalArgumentException.class, () -> m.expectedChargeSeekers(-1));
        assertThrows(IllegalArgumentException.class, () -> m.sampleDay(rng, new int[23]));
    }
}
