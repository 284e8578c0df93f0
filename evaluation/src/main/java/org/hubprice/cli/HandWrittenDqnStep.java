package org.hubprice.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.hubprice.agents.util.Rng;

/**
 * The floor of a DQN update written by hand against the engine: what the update would cost
 * with no autograd, no replay, no normalisation and no Java bookkeeping, only the arithmetic
 * it cannot avoid, each piece one engine call.
 *
 * <p>Per step, for a dense ReLU network {@code sizes} at batch {@code B}: the online network
 * forward (a fused {@code linear} per layer, ReLU after each hidden layer), the target network
 * forward, the squared-error gradient of the chosen actions ({@code 2 (q - y) onehot / B}, two
 * calls), the backward pass (per layer a weight-gradient product, a bias sum and, but for the
 * first layer, an input-gradient product and a ReLU mask), and one fused Adam call over the
 * flat parameters. The weight gradients are computed but not stored (storing them into the
 * flat gradient would add a copy each), and the inputs are fixed arrays: a floor errs low.
 * {@code bench agents} reports it beside the GEMM bound (products only) and the real update:
 * the gap between floor and bound is the element-wise work and the per-call cost no rewrite of
 * the update in Java could remove; the gap between update and floor is what a rewrite could.
 */
final class HandWrittenDqnStep implements AutoCloseable {
    private final NDManager manager;
    private final int layers;
    private final NDArray[] w;
    private final NDArray[] b;
    private final NDArray[] wt;
    private final NDArray[] bt;
    private final NDArray obs;
    private final NDArray next;
    private final NDArray chosen;
    private final NDArray scale;
    private final NDArray flat;
    private final NDArray flatGrad;
    private final NDArray m;
    private final NDArray v;

    HandWrittenDqnStep(NDManager parent, int[] sizes, int batch) {
        manager = parent.newSubManager();
        layers = sizes.length - 1;
        Rng rng = new Rng(3);
        w = new NDArray[layers];
        b = new NDArray[layers];
        wt = new NDArray[layers];
        bt = new NDArray[layers];
        long params = 0;
        for (int l = 0; l < layers; l++) {
            w[l] = random(rng, sizes[l + 1], sizes[l]);
            b[l] = random(rng, sizes[l + 1]);
            wt[l] = random(rng, sizes[l + 1], sizes[l]);
            bt[l] = random(rng, sizes[l + 1]);
            params += (long) sizes[l + 1] * (sizes[l] + 1);
        }
        obs = random(rng, batch, sizes[0]);
        next = random(rng, batch, sizes[0]);
        float[] onehot = new float[batch * sizes[layers]];
        for (int r = 0; r < batch; r++) {
            onehot[r * sizes[layers] + (int) (rng.nextDouble() * sizes[layers])] = 2f / batch;
        }
        chosen = manager.create(onehot, new Shape(batch, sizes[layers]));
        scale = manager.create(0.99f);
        flat = manager.zeros(new Shape(params), DataType.FLOAT32);
        flatGrad = manager.zeros(new Shape(params), DataType.FLOAT32);
        m = manager.zeros(new Shape(params), DataType.FLOAT32);
        v = manager.zeros(new Shape(params), DataType.FLOAT32);
    }

    private NDArray random(Rng rng, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((rng.nextDouble() - 0.5) * 0.1);
        }
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return manager.create(x, new Shape(dims));
    }

    /** One hand-written update. */
    void step() {
        // every array made inside the scope is closed at its end
        try (NDScope scope = new NDScope()) {
            NDArray[] acts = new NDArray[layers + 1];
            acts[0] = obs;
            for (int l = 0; l < layers; l++) {
                acts[l + 1] = linear(acts[l], w[l], b[l]);
                if (l + 1 < layers) {
                    acts[l + 1] = acts[l + 1].getNDArrayInternal().relu();
                }
            }
            NDArray t = next;
            for (int l = 0; l < layers; l++) {
                t = linear(t, wt[l], bt[l]);
                if (l + 1 < layers) {
                    t = t.getNDArrayInternal().relu();
                }
            }
            // d loss / d output: 2 (q - y) / B on the chosen action, y = r + gamma max target (here: the target outputs scaled)
            NDArray grad = acts[layers].sub(t.mul(scale)).mul(chosen);
            for (int l = layers - 1; l >= 0; l--) {
                grad.transpose().matMul(acts[l]);
                grad.sum(new int[] {0});
                if (l > 0) {
                    grad = grad.matMul(w[l]).mul(acts[l].gt(0));
                }
            }
            JniUtils.adamUpdate((PtNDArray) flat, (PtNDArray) flatGrad, (PtNDArray) m, (PtNDArray) v, 1e-4f, 1e-4f, 0f, 1f, -1f, 0.9f,
                    0.999f, 1e-8f, false);
        }
    }

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        NDArrayEx ex = x.getNDArrayInternal();
        return ex.linear(x, weight, bias).singletonOrThrow();
    }

    /** Waits for the device. */
    void sync() {
        flat.get(0).getFloat();
    }

    @Override
    public void close() {
        manager.close();
    }
}
