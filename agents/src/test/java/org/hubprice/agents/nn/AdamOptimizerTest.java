package org.hubprice.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {
    /** One gradient step of loss = mean(out^2) on a fixed input; returns the loss. */
    private static float backward(Block net, NDManager m, float[] x) {
        try (NDManager sub = m.newSubManager(); GradientRecorder gc = GradientRecorder.open()) {
            NDArray in = sub.create(x, new Shape(1, x.length));
            NDArray out = net.forward(new ParameterStore(sub, false), new NDList(in), true).singletonOrThrow();
            NDArray loss = out.square().mean();
            gc.backward(loss);
            return loss.getFloat();
        }
    }

    @Test
    void matchesAJavaReferenceOfTorchAdam() {
        // a single linear layer y = w.x + b; loss = y^2, so dL/dw = 2 y x and dL/db = 2 y
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.ff().withHidden(List.of(1));
            Block net = Networks.create(cfg, 2, 1, m, 5);
            AdamOptimizer adam = new AdamOptimizer(net, AdamOptimizer.Config.of(0.01), m);
            assertTrue(adam.fused(), "a network from Networks gets one fused call over flat storage");
            float[] x = {0.5f, -1.5f};
            var params = ParameterIO.parameters(net);
            double[][] w = new double[params.size()][];
            for (int i = 0; i < w.length; i++) {
                float[] f = params.get(i).getValue().getArray().toFloatArray();
                w[i] = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    w[i][j] = f[j];
                }
            }
            double[][] mm = new double[w.length][];
            double[][] vv = new double[w.length][];
            for (int i = 0; i < w.length; i++) {
                mm[i] = new double[w[i].length];
                vv[i] = new double[w[i].length];
            }
            for (int t = 1; t <= 5; t++) {
                backward(net, m, x);
                // reference gradients by hand: h = relu(W1 x + b1); y = W2 h + b2
                double pre = w[0][0] * x[0] + w[0][1] * x[1] + w[1][0];
                double h = Math.max(0, pre);
                double y = w[2][0] * h + w[3][0];
                double dy = 2 * y;
                double dpre = pre > 0 ? dy * w[2][0] : 0;
                double[][] g = {{dpre * x[0], dpre * x[1]}, {dpre}, {dy * h}, {dy}};
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[i].length; j++) {
                        mm[i][j] = 0.9 * mm[i][j] + 0.1 * g[i][j];
                        vv[i][j] = 0.999 * vv[i][j] + 0.001 * g[i][j] * g[i][j];
                        double mhat = mm[i][j] / (1 - Math.pow(0.9, t));
                        double vhat = vv[i][j] / (1 - Math.pow(0.999, t));
                        w[i][j] -= 0.01 * mhat / (Math.sqrt(vhat) + 1e-8);
                    }
                }
                adam.step();
                for (int i = 0; i < w.length; i++) {
                    float[] f = params.get(i).getValue().getArray().toFloatArray();
                    for (int j = 0; j < f.length; j++) {
                        assertEquals(w[i][j], f[j], 1e-5, "step " + t + " parameter " + params.get(i).getKey());
                    }
                }
            }
            assertEquals(5, adam.steps());
        }
    }

    @Test
    void stepsLeaveNoNativeArraysBehindAndStateRoundTrips() throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.mha().withHidden(List.of(8));
            Block net = Networks.create(cfg, 3, 2, m, 5);
            AdamOptimizer adam = new AdamOptimizer(net, new AdamOptimizer.Config(1e-3, 0.9, 0.999, 1e-8, 1.0), m);
            float[] x = {0.1f, 0.2f, -0.3f};
            backward(net, m, x);
            adam.step();
            int arrays = m.getManagedArrays().size();
            for (int i = 0; i < 10; i++) {
                backward(net, m, x);
                adam.step();
            }
            assertEquals(arrays, m.getManagedArrays().size(), "native arrays grew across updates");

            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bos)) {
                ParameterIO.write(net, out);
                adam.write(out);
            }
            Block net2 = Networks.create(cfg, 3, 2, m, 99);
            AdamOptimizer adam2 = new AdamOptimizer(net2, adam.config(), m);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bos.toByteArray()))) {
                ParameterIO.read(net2, in, "t");
                adam2.read(in, "t");
            }
            backward(net, m, x);
            adam.step();
            backward(net2, m, x);
            adam2.step();
            assertArrayEquals(ParameterIO.flatten(net), ParameterIO.flatten(net2), "restored optimiser continues identically");
        }
    }

    @Test
    void parametersAndGradientsAreViewsOfFlatStorage() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.ff().withHidden(List.of(4));
            FlatParameters flat = Networks.createGroup(m, List.of(new Networks.Spec(cfg, 3, 2, 1), new Networks.Spec(cfg, 3, 2, 2)));
            // the same weights as each network made alone
            assertArrayEquals(ParameterIO.flatten(Networks.create(cfg, 3, 2, m, 2)), ParameterIO.flatten(flat.blocks().get(1)));
            float[] both = new float[(int) flat.size()];
            float[] a = ParameterIO.flatten(flat.blocks().get(0));
            float[] b = ParameterIO.flatten(flat.blocks().get(1));
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            assertArrayEquals(both, flat.values().toFloatArray(), "parameters are the flat array, block by block");
            assertTrue(flat.primeGradients());
            backward(flat.blocks().get(1), m, new float[] {1, 2, 3});
            float[] g = flat.gradients().toFloatArray();
            float[] expected = new float[g.length];
            int off = a.length;
            for (var p : ParameterIO.parameters(flat.blocks().get(1))) {
                try (NDArray grad = p.getValue().getArray().getGradient()) {
                    float[] v = grad.toFloatArray();
                    System.arraycopy(v, 0, expected, off, v.length);
                    off += v.length;
                }
            }
            assertArrayEquals(expected, g, "each parameter's gradient is its slice of the flat gradient");
            flat.zeroGradients();
            assertEquals(0, flat.gradients().abs().sum().getFloat());
        }
    }
}
