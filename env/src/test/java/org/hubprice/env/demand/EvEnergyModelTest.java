package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvEnergyModelTest {
    private final DemandConfig d = DemandConfig.defaults();
    private final EvEnergyModel m = new EvEnergyModel(d);

    @Test
    void meanAndMaxAreTheModelValues() {
        assertEquals(41.1375, m.meanEnergyKwh(), 1e-9);
        assertEquals(90.0, m.maxEnergyKwh(), 1e-12);
    }

    /** The sampled energies follow the exact distribution of size·(100 − soc)/100 (chi-square over distinct values). */
    @Test
    void samplesFollowTheSizeAndSocTables() {
        double[] sizes = d.batterySizesKwh();
        double[] sizeP = d.batterySizeProbabilities();
        double[] soc = d.socPercents();
        double[] socP = d.socProbabilities();
        TreeMap<Double, Double> pmf = new TreeMap<>();
        double mean = 0;
        double second = 0;
        for (int i = 0; i < sizes.length; i++) {
            for (int j = 0; j < soc.length; j++) {
                double e = sizes[i] * ((100 - soc[j]) / 100);
                pmf.merge(e, sizeP[i] * socP[j], Double::sum);
                mean += sizeP[i] * socP[j] * e;
                second += sizeP[i] * socP[j] * e * e;
            }
        }
        List<Double> values = new ArrayList<>(pmf.keySet());
        long[] counts = new long[values.size()];
        SplittableRandom rng = new SplittableRandom(2024);
        int samples = 400_000;
        double sum = 0;
        double max = 0;
        for (int s = 0; s < samples; s++) {
            double e = m.sampleEnergyKwh(rng);
            int idx = values.indexOf(e);
            if (idx < 0) {
                fail("energy " + e + " is not a possible outcome");
            }
            counts[idx]++;
            sum += e;
            max = Math.max(max, e);
        }
        SampleStats.assertMean("energy mean", sum / samples, 41.1375, second - mean * mean, samples);
        assertEquals(90.0, max, "the 90 kWh outcome (100 kWh at 10 %) has probability 0.066 and must appear");
        SampleStats.assertFits("energy distribution", counts, samples, k -> pmf.get(values.get(k)));
    }

    @Test
    void totalEnergyIsTheSumOfIndividualDraws() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        double manual = 0;
        for (int k = 0; k < 150; k++) {
            manual += m.sampleEnergyKwh(b);
        }
        assertEquals(manual, m.sampleTotalEnergyKwh(150, a));
        assertEquals(0.0, m.sampleTotalEnergyKwh(0, a));
        assertThrows(IllegalArgumentException.class, () -> m.sampleTotalEnergyKwh(-1, a));
    }

    @Test
    void zeroProbabilityEntriesAreNeverDrawnAndDoNotCountForTheMaximum() {
        EvEnergyModel custom = new EvEnergyModel(
                d.withBatterySizes(new double[] {40, 200}, new double[] {1.0, 0.0}).withStatesOfCharge(new double[] {0, 50}, new double[] {0.0, 1.0}));
        assertEquals(20.0, custom.maxEnergyKwh());
        assertEquals(20.0, custom.meanEnergyKwh());
        SplittableRandom rng = new SplittableRandom(3);
        for (int s = 0; s < 10_000; s++) {
            assertEquals(20.0, custom.sampleEnergyKwh(rng));
        }
    }
}
