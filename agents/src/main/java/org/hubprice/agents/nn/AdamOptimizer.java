package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.hubprice.common.Check;

/**
 * Adam (Kingma and Ba) over the parameters of one block, with the update rule of PyTorch's
 * {@code torch.optim.Adam}: {@code w -= lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps)}.
 *
 * <p>Why not DJL's {@code Adam}: its moment estimates live in private maps, so a checkpoint
 * could not carry them and a resumed run would restart with cold moments; this class writes
 * them with {@link #write} and reads them back with {@link #read}. It also zeroes the
 * gradients after each step, which the PyTorch engine otherwise accumulates across backward
 * passes.
 *
 * <p>Use: run a backward pass inside a {@link GradientRecorder}, close the recorder, then
 * call {@link #step()}. Temporaries are released by an {@link NDScope}, so a step leaves no
 * native memory behind.
 */
public final class AdamOptimizer implements AutoCloseable {
    /**
     * @param learningRate step size (paper: 3e-4)
     * @param beta1 decay of the first moment (0.9)
     * @param beta2 decay of the second moment (0.999)
     * @param epsilon added to the denominator (1e-8)
     * @param maxGradNorm clip the global gradient norm to this value; 0 disables clipping
     */
    public record Config(double learningRate, double beta1, double beta2, double epsilon, double maxGradNorm) {
        public Config {
            Check.positive("learningRate", learningRate);
            Check.that(beta1 >= 0 && beta1 < 1, "beta1 = " + beta1 + " is outside the allowed range [0, 1)");
            Check.that(beta2 >= 0 && beta2 < 1, "beta2 = " + beta2 + " is outside the allowed range [0, 1)");
            Check.positive("epsilon", epsilon);
            Check.nonNegative("maxGradNorm", maxGradNorm);
        }

        /** Adam with PyTorch's defaults and the given learning rate, no clipping. */
        public static Config of(double learningRate) {
            return new Config(learningRate, 0.9, 0.999, 1e-8, 0);
        }
    }

    private final Config config;
    private final List<Pair<String, Parameter>> params;
    /** Where each saved section starts in {@link #params}: one section per network, as separate optimisers wrote them. */
    private final int[] parts;
    private final NDArray[] m;
    private final NDArray[] v;
    /** Flat storage with flat gradients: one fused call per step; else null (one call per parameter array). */
    private final FlatParameters flat;
    private final NDArray flatM;
    private final NDArray flatV;
    /** With clipping and several networks: per network, slices of values, gradients and moments (each network is clipped alone). */
    private final NDArray[][] partSlices;
    private long steps;

    /**
     * An optimiser for every parameter of {@code block}; its state lives on {@code manager}.
     * A block made by {@link Networks} gets one fused update over its flat storage.
     */
    public AdamOptimizer(Block block, Config config, NDManager manager) {
        this(FlatParameters.of(block) != null && FlatParameters.of(block).blocks().size() == 1 ? FlatParameters.of(block) : null,
                ParameterIO.parameters(block), config, manager);
    }

    /**
     * One optimiser for all networks of a flat storage (e.g. both SAC critics): one engine call
     * per step. Its saved state is that of one optimiser per network, written one after another.
     */
    public AdamOptimizer(FlatParameters storage, Config config, NDManager manager) {
        this(storage, storage.parameters(), config, manager);
    }

    /**
     * An optimiser for the given named parameters (e.g. the parameters of several blocks, or a
     * single free parameter such as SAC's log temperature); the names label the saved state.
     */
    public AdamOptimizer(List<Pair<String, Parameter>> parameters, Config config, NDManager manager) {
        this(null, parameters, config, manager);
    }

    private AdamOptimizer(FlatParameters storage, List<Pair<String, Parameter>> parameters, Config config, NDManager manager) {
        this.config = config;
        this.params = List.copyOf(parameters);
        this.m = new NDArray[params.size()];
        this.v = new NDArray[params.size()];
        if (storage != null && storage.primeGradients()) {
            this.flat = storage;
            this.flatM = manager.zeros(storage.values().getShape(), DataType.FLOAT32, storage.values().getDevice());
            this.flatV = manager.zeros(storage.values().getShape(), DataType.FLOAT32, storage.values().getDevice());
            // per-parameter views of the moments, for the checkpoint format
            long off = 0;
            for (int i = 0; i < params.size(); i++) {
                Shape shape = params.get(i).getValue().getArray().getShape();
                try (NDArray slice = flatM.get(new NDIndex().addSliceDim(off, off + shape.size()))) {
                    m[i] = slice.reshape(shape);
                }
                try (NDArray slice = flatV.get(new NDIndex().addSliceDim(off, off + shape.size()))) {
                    v[i] = slice.reshape(shape);
                }
                off += shape.size();
            }
            this.parts = new int[storage.blocks().size() + 1];
            for (int b = 0; b <= storage.blocks().size(); b++) {
                parts[b] = storage.blockFirst(b);
            }
            int np = parts.length - 1;
            this.partSlices = config.maxGradNorm() > 0 && np > 1 ? new NDArray[np][] : null;
            for (int b = 0; partSlices != null && b < np; b++) {
                NDIndex range = new NDIndex().addSliceDim(storage.offset(parts[b]), storage.offset(parts[b + 1]));
                partSlices[b] = new NDArray[] {storage.values().get(range), storage.gradients().get(range), flatM.get(range),
                    flatV.get(range)};
            }
        } else {
            this.flat = null;
            this.flatM = null;
            this.flatV = null;
            this.partSlices = null;
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getValue().getArray();
                m[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
                v[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
            }
            this.parts = new int[] {0, params.size()};
        }
    }

    /** Whether steps are one fused call over flat storage (false: one call per parameter array). */
    public boolean fused() {
        return flat != null;
    }

    public Config config() {
        return config;
    }

    /** Updates taken so far (Adam's {@code t}). */
    public long steps() {
        return steps;
    }

    /**
     * One update from the gradients of the last backward pass, which are then zeroed.
     *
     * @return the global gradient norm before clipping when clipping is on, otherwise NaN
     *     (computing it costs a device synchronisation, so it is skipped when not needed)
     */
    public double step() {
        steps++;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double bc1 = 1 - Math.pow(b1, steps);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, steps));
        double norm = Double.NaN;
        float lr = (float) config.learningRate();
        float corrected = (float) (config.learningRate() * sqrtBc2 / bc1);
        float eps = (float) (config.epsilon() * sqrtBc2);
        if (flat != null) {
            if (partSlices == null) {
                norm = fusedStep(flat.values(), flat.gradients(), flatM, flatV, lr, corrected, eps);
            } else {
                // each network's gradient is clipped by its own norm, as with one optimiser per network
                double sq = 0;
                for (NDArray[] p : partSlices) {
                    double n = fusedStep(p[0], p[1], p[2], p[3], lr, corrected, eps);
                    sq += n * n;
                }
                norm = Math.sqrt(sq);
            }
            flat.zeroGradients();
            return norm;
        }
        try (NDScope scope = new NDScope()) {
            NDArray[] grads = new NDArray[params.size()];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = params.get(i).getValue().getArray().getGradient();
            }
            double gradScale = 1;
            if (config.maxGradNorm() > 0) {
                double sq = 0;
                for (NDArray g : grads) {
                    sq += g.square().sum().getFloat();
                }
                norm = Math.sqrt(sq);
                if (norm > config.maxGradNorm()) {
                    gradScale = config.maxGradNorm() / (norm + 1e-6);
                }
            }
            // The engine's fused update computes w -= c * m / (sqrt(v) + e) with c the bias-corrected
            // rate lr * sqrt(1 - b2^t) / (1 - b1^t). Passing e = eps * sqrt(1 - b2^t) makes that equal to
            // PyTorch's lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps). One native call per
            // parameter instead of a dozen element-wise ops; it also zeroes the gradient, which the
            // PyTorch engine otherwise accumulates across backward passes.
            for (int i = 0; i < grads.length; i++) {
                NDArray w = params.get(i).getValue().getArray();
                w.getNDArrayInternal().adamUpdate(new NDList(w, grads[i], m[i], v[i]), new NDList(w), lr, corrected, 0f,
                        (float) gradScale, -1f, (float) b1, (float) b2, eps, true, false);
            }
        }
        return norm;
    }

    /** One fused Adam call over flat arrays (see the comment in {@link #step}); returns the gradient norm when clipping. */
    private double fusedStep(NDArray w, NDArray g, NDArray mean, NDArray var, float lr, float corrected, float eps) {
        double norm = Double.NaN;
        double gradScale = 1;
        if (config.maxGradNorm() > 0) {
            try (NDArray sq = g.square(); NDArray sum = sq.sum()) {
                norm = Math.sqrt(sum.getFloat());
            }
            if (norm > config.maxGradNorm()) {
                gradScale = config.maxGradNorm() / (norm + 1e-6);
            }
        }
        JniUtils.adamUpdate((PtNDArray) w, (PtNDArray) g, (PtNDArray) mean, (PtNDArray) var, lr, corrected, 0f, (float) gradScale, -1f,
                (float) config.beta1(), (float) config.beta2(), eps, false);
        return norm;
    }

    /**
     * Writes the step count and both moment estimates: per network (section), the step count,
     * the number of parameter arrays and their moments, as one optimiser per network did.
     */
    public void write(DataOutputStream out) throws IOException {
        for (int p = 0; p + 1 < parts.length; p++) {
            out.writeLong(steps);
            out.writeInt(parts[p + 1] - parts[p]);
            for (int i = parts[p]; i < parts[p + 1]; i++) {
                ParameterIO.writeArray(params.get(i).getKey() + "/m", m[i], out);
                ParameterIO.writeArray(params.get(i).getKey() + "/v", v[i], out);
            }
        }
    }

    /** Restores state written by {@link #write} for the same network structure. */
    public void read(DataInputStream in, String source) throws IOException {
        long t = -1;
        for (int p = 0; p + 1 < parts.length; p++) {
            long tp = in.readLong();
            if (p > 0 && tp != t) {
                throw new IllegalArgumentException(source + " holds optimiser states with " + t + " and " + tp
                        + " steps for networks that are updated together");
            }
            t = tp;
            int n = in.readInt();
            int expected = parts[p + 1] - parts[p];
            if (n != expected) {
                throw new IllegalArgumentException(source + " holds optimiser state for " + n + " parameter arrays; the network has "
                        + expected);
            }
            for (int i = parts[p]; i < parts[p + 1]; i++) {
                ParameterIO.readArray(params.get(i).getKey() + "/m", m[i], in, source);
                ParameterIO.readArray(params.get(i).getKey() + "/v", v[i], in, source);
            }
        }
        steps = t;
    }

    @Override
    public void close() {
        for (int i = 0; i < m.length; i++) {
            m[i].close();
            v[i].close();
        }
        if (flat != null) {
            flatM.close();
            flatV.close();
        }
        if (partSlices != null) {
            for (NDArray[] p : partSlices) {
                for (NDArray a : p) {
                    a.close();
                }
            }
        }
    }
}
