package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
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
 * <p>Use: run a backward pass inside a {@code GradientCollector}, close the collector, then
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
    private final NDArray[] m;
    private final NDArray[] v;
    private long steps;

    /** An optimiser for every parameter of {@code block}; its state lives on {@code manager}. */
    public AdamOptimizer(Block block, Config config, NDManager manager) {
        this(ParameterIO.parameters(block), config, manager);
    }

    /**
     * An optimiser for the given named parameters (e.g. the parameters of several blocks, or a
     * single free parameter such as SAC's log temperature); the names label the saved state.
     */
    public AdamOptimizer(List<Pair<String, Parameter>> parameters, Config config, NDManager manager) {
        this.config = config;
        this.params = List.copyOf(parameters);
        this.m = new NDArray[params.size()];
        this.v = new NDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getValue().getArray();
            m[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
            v[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
        }
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
            float lr = (float) config.learningRate();
            float corrected = (float) (config.learningRate() * sqrtBc2 / bc1);
            float eps = (float) (config.epsilon() * sqrtBc2);
            for (int i = 0; i < grads.length; i++) {
                NDArray w = params.get(i).getValue().getArray();
                w.getNDArrayInternal().adamUpdate(new NDList(w, grads[i], m[i], v[i]), new NDList(w), lr, corrected, 0f,
                        (float) gradScale, -1f, (float) b1, (float) b2, eps, true, false);
            }
        }
        return norm;
    }

    /** Writes the step count and both moment estimates. */
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            ParameterIO.writeArray(params.get(i).getKey() + "/m", m[i], out);
            ParameterIO.writeArray(params.get(i).getKey() + "/v", v[i], out);
        }
    }

    /** Restores state written by {@link #write} for the same network structure. */
    public void read(DataInputStream in, String source) throws IOException {
        long t = in.readLong();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IllegalArgumentException(source + " holds optimiser state for " + n + " parameter arrays; the network has "
                    + params.size());
        }
        for (int i = 0; i < n; i++) {
            ParameterIO.readArray(params.get(i).getKey() + "/m", m[i], in, source);
            ParameterIO.readArray(params.get(i).getKey() + "/v", v[i], in, source);
        }
        steps = t;
    }

    @Override
    public void close() {
        for (int i = 0; i < m.length; i++) {
            m[i].close();
            v[i].close();
        }
    }
}
