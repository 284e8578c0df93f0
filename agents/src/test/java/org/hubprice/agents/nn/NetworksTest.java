package org.hubprice.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.util.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetworksTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static NetworkConfig config(String arch) {
        return NetworkConfig.fromParams(Params.of("test", Map.of("network", arch, "hidden", "32,16", "embeddingDim", 8)));
    }

    private float[] forward(Block net, float[] x, int rows, int cols, boolean training) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = sub.create(x, new Shape(rows, cols));
            return net.forward(new ParameterStore(sub, false), new NDList(in), training).singletonOrThrow().toFloatArray();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "mha"})
    void sameSeedGivesBitIdenticalParameters(String arch) {
        Block a = Networks.create(config(arch), 7, 5, manager, 123);
        Block b = Networks.create(config(arch), 7, 5, manager, 123);
        Block c = Networks.create(config(arch), 7, 5, manager, 124);
        assertArrayEquals(ParameterIO.flatten(a), ParameterIO.flatten(b));
        assertFalse(Arrays.equals(ParameterIO.flatten(a), ParameterIO.flatten(c)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "mha"})
    void outputHasTheRequestedSizeAndTrainingEqualsEvaluation(String arch) {
        Block net = Networks.create(config(arch), 7, 5, manager, 1);
        float[] x = new float[4 * 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i);
        }
        float[] eval = forward(net, x, 4, 7, false);
        assertEquals(20, eval.length);
        assertArrayEquals(eval, forward(net, x, 4, 7, true), "no dropout or batch statistics: one function");
    }

    @Test
    void attentionRunsWithinEachSampleNotAcrossTheBatch() {
        // the reference code attends across the batch; here a sample's output must not depend on its batch-mates
        Block net = Networks.create(config("mha"), 7, 3, manager, 2);
        float[] one = new float[7];
        float[] batch = new float[5 * 7];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) Math.cos(3 * i);
        }
        System.arraycopy(batch, 2 * 7, one, 0, 7);
        float[] alone = forward(net, one, 1, 7, false);
        float[] inBatch = Arrays.copyOfRange(forward(net, batch, 5, 7, false), 2 * 3, 3 * 3);
        assertArrayEquals(alone, inBatch, 1e-5f);
    }

    @Test
    void weightsAreXavierUniformAndBiasesZero() {
        Block net = Networks.create(NetworkConfig.ff(), 7, 101, manager, 3);
        List<Pair<String, Parameter>> params = ParameterIO.parameters(net);
        for (Pair<String, Parameter> p : params) {
            float[] v = p.getValue().getArray().toFloatArray();
            Shape s = p.getValue().getArray().getShape();
            if (p.getValue().getType() == Parameter.Type.BIAS) {
                for (float f : v) {
                    assertEquals(0f, f);
                }
            } else {
                double bound = Math.sqrt(6.0 / (s.get(0) + s.get(1)));
                double sumSq = 0;
                for (float f : v) {
                    assertTrue(Math.abs(f) <= bound, p.getKey() + " value " + f + " beyond Xavier bound " + bound);
                    sumSq += f * f;
                }
                // uniform(-b, b) has variance b^2/3; with >= 707 values the sample variance is within 20 %
                double var = sumSq / v.length;
                assertEquals(bound * bound / 3, var, 0.2 * bound * bound / 3, p.getKey());
            }
        }
        assertEquals(7 * 256 + 256 + 256 * 256 + 256 + 256 * 101 + 101, ParameterIO.count(net));
    }

    @Test
    void configValidationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> NetworkConfig.fromParams(Params.of("t", Map.of("network", "mha", "heads", 3, "embeddingDim", 32))));
        assertTrue(e.getMessage().contains("embeddingDim = 32") && e.getMessage().contains("Maybe"), e.getMessage());
        var arch = assertThrows(IllegalArgumentException.class, () -> NetworkConfig.fromParams(Params.of("t", Map.of("network", "cnn"))));
        assertTrue(arch.getMessage().contains("ff, mha"), arch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkConfig.fromParams(Params.of("t", Map.of("hidden", "256,0"))));
        assertEquals(NetworkConfig.ff(), NetworkConfig.fromParams(Params.of("t", NetworkConfig.ff().toMap())));
        assertEquals(NetworkConfig.mha(), NetworkConfig.fromParams(Params.of("t", NetworkConfig.mha().toMap())));
    }
}
