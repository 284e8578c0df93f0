package org.hubprice.agents.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.hubprice.agents.checkpoint.Json;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    @Test
    void runningStatisticsMatchTheSampleMoments() {
        ObservationNormalizer n = ObservationNormalizer.running(2, 100);
        Rng rng = new Rng(1);
        double[][] xs = new double[5000][];
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < xs.length; i++) {
            xs[i] = new double[] {1000 + 50 * rng.nextGaussian(), -3 + 0.01 * rng.nextGaussian()};
            n.update(xs[i]);
            s0 += xs[i][0];
            s1 += xs[i][1];
        }
        double m0 = s0 / xs.length;
        double v0 = 0;
        for (double[] x : xs) {
            v0 += (x[0] - m0) * (x[0] - m0);
        }
        v0 /= xs.length;
        float[] out = new float[2];
        n.normalize(new double[] {m0 + Math.sqrt(v0), s1 / xs.length}, out);
        assertEquals(1.0, out[0], 1e-4);
        assertEquals(0.0, out[1], 1e-3);
    }

    @Test
    void clipsAndRoundTripsThroughJson() throws Exception {
        ObservationNormalizer n = ObservationNormalizer.fromParams(Params.of("t", Map.of("obsClip", 2)), Box.uniform(-1, 1, 2));
        for (int i = 0; i < 100; i++) {
            n.update(new double[] {i % 2, i % 3});
        }
        String json = Json.MAPPER.writeValueAsString(n.toMap());
        @SuppressWarnings("unchecked")
        Map<String, Object> back = Json.MAPPER.readValue(json, Map.class);
        ObservationNormalizer m = ObservationNormalizer.fromMap(back);
        float[] a = new float[2];
        float[] b = new float[2];
        n.normalize(new double[] {100, 0.5}, a);
        m.normalize(new double[] {100, 0.5}, b);
        assertArrayEquals(a, b);
        assertEquals(2f, a[0], "clipped at obsClip");
    }

    @Test
    void boxMapsBoundsToPlusMinusOne() {
        ObservationNormalizer n = ObservationNormalizer.box(new Box(new double[] {0, 10, Double.NEGATIVE_INFINITY},
                new double[] {24, 20, Double.POSITIVE_INFINITY}));
        float[] out = new float[3];
        n.normalize(new double[] {24, 10, 7}, out);
        assertArrayEquals(new float[] {1, -1, 7}, out);
        assertThrows(IllegalArgumentException.class,
                () -> ObservationNormalizer.fromParams(Params.of("t", Map.of("obsNorm", "zscore")), Box.uniform(0, 1, 2)));
    }

    @Test
    void batchRewardScalingStandardisesAndScales() {
        RewardScaler r = RewardScaler.fromParams(Params.of("t", Map.of("rewardNorm", "batch", "rewardScale", 10)), RewardScaler.Mode.NONE, 1);
        float[] rw = {1, 2, 3, 4};
        r.apply(rw, 4);
        double mean = (rw[0] + rw[1] + rw[2] + rw[3]) / 4;
        assertEquals(0, mean, 1e-5);
        assertEquals(10 * -1.5 / Math.sqrt(1.25), rw[0], 1e-3);
        assertEquals(r.mode(), RewardScaler.fromMap(r.toMap()).mode());
    }
}
