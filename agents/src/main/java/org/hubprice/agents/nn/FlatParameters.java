package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one or more networks in one flat float32 array, and (once {@link
 * #primeGradients} ran) their gradients in a second one.
 *
 * <p>Why: an optimiser step, a Polyak average or a copy is element-wise, so over flat storage
 * it is one engine call for all parameters instead of one (or five) per parameter array. For
 * SAC's 18 parameter arrays that removed about 200 engine calls per update.
 *
 * <p>How: every parameter's array is a view of {@link #values()} (a slice reshaped to the
 * parameter's shape), handed to DJL by a per-parameter {@link Initializer} before the block is
 * initialised. The views are autograd leaves (the flat array itself records no gradient), so
 * DJL blocks use them as usual, and in-place updates of the flat array show in every view.
 * Gradients: PyTorch gives a leaf whose gradient is still undefined the incoming gradient
 * tensor itself when nothing else references it. {@link #primeGradients} runs one backward pass
 * of {@code cat(p.reshape(-1) for p)} with {@link #gradients()} as its output gradient: the
 * concatenation's backward hands each parameter a slice of that array, so every later backward
 * pass accumulates into the flat gradient in place. It checks the result and reports failure
 * (callers then fall back to per-array steps), so a PyTorch that stopped doing this costs
 * speed, never correctness.
 */
public final class FlatParameters {
    private static final NDIndex ALL = new NDIndex(":");

    private final NDArray values;
    private final List<Block> blocks;
    private final List<Pair<String, Parameter>> parameters;
    private final long[] offsets;
    private final int[] blockFirst;
    private final NDArray[] blockValues;
    private NDArray gradients;
    private NDArray zero;
    private double polyakTau = Double.NaN;
    private NDArray keep;
    private NDArray take;

    private FlatParameters(NDArray values, List<Block> blocks, List<Pair<String, Parameter>> parameters, long[] offsets,
                           int[] blockFirst) {
        this.values = values;
        this.blocks = List.copyOf(blocks);
        this.parameters = List.copyOf(parameters);
        this.offsets = offsets;
        this.blockFirst = blockFirst;
        this.blockValues = new NDArray[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            blockValues[b] = range(values, offsets[blockFirst[b]], offsets[blockFirst[b + 1]]);
        }
    }

    /**
     * Initialises {@code blocks} (built, not yet initialised) on {@code manager} with every
     * parameter a view of one flat array. {@code shapes} holds, block by block in the order of
     * {@code Block.getParameters()}, the parameter shapes (from a probe copy of each block).
     */
    static FlatParameters allocate(NDManager manager, List<Block> blocks, List<Shape> inputShapes, List<List<Shape>> shapes) {
        long total = 0;
        for (List<Shape> s : shapes) {
            for (Shape p : s) {
                total += p.size();
            }
        }
        NDArray flat = manager.zeros(new Shape(total), DataType.FLOAT32);
        List<Pair<String, Parameter>> params = new ArrayList<>();
        int count = shapes.stream().mapToInt(List::size).sum();
        long[] offsets = new long[count + 1];
        int[] blockFirst = new int[blocks.size() + 1];
        int k = 0;
        long off = 0;
        for (int b = 0; b < blocks.size(); b++) {
            blockFirst[b] = k;
            List<Pair<String, Parameter>> own = ParameterIO.parameters(blocks.get(b));
            if (own.size() != shapes.get(b).size()) {
                throw new IllegalStateException("block " + b + " has " + own.size() + " parameters; its probe had " + shapes.get(b).size());
            }
            for (int i = 0; i < own.size(); i++) {
                Shape shape = shapes.get(b).get(i);
                long start = off;
                own.get(i).getValue().setInitializer((m, s, t) -> {
                    if (!s.equals(shape)) {
                        throw new IllegalStateException("parameter shape " + s + " differs from its probe's " + shape);
                    }
                    try (NDArray slice = range(flat, start, start + shape.size())) {
                        return slice.reshape(shape);
                    }
                });
                params.add(own.get(i));
                offsets[k++] = off;
                off += shape.size();
            }
            blocks.get(b).initialize(manager, DataType.FLOAT32, inputShapes.get(b));
        }
        offsets[k] = off;
        blockFirst[blocks.size()] = k;
        return new FlatParameters(flat, blocks, params, offsets, blockFirst);
    }

    private static NDArray range(NDArray flat, long from, long to) {
        return flat.get(new NDIndex().addSliceDim(from, to));
    }

    /** The flat parameter values; in-place changes show in every parameter. */
    public NDArray values() {
        return values;
    }

    /** The flat gradients after a successful {@link #primeGradients}, else null. */
    public NDArray gradients() {
        return gradients;
    }

    /** The networks whose parameters live here, in order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** All parameters, block by block, each in structural order. */
    public List<Pair<String, Parameter>> parameters() {
        return parameters;
    }

    /** Number of scalar parameters. */
    public long size() {
        return offsets[offsets.length - 1];
    }

    /** Element offset of parameter {@code i} in the flat arrays ({@code i = parameter count} gives the size). */
    long offset(int i) {
        return offsets[i];
    }

    /** The slice of {@link #values()} that holds block {@code b}'s parameters. */
    NDArray blockValues(int b) {
        return blockValues[b];
    }

    /** Index of the first parameter of block {@code b} in {@link #parameters()}; {@code b = blocks} gives the count. */
    int blockFirst(int b) {
        return blockFirst[b];
    }

    /** The storage of {@code block} if it was made by {@link Networks}, else null. */
    static FlatParameters of(Block block) {
        return block instanceof FlatSequentialBlock f ? f.storage() : null;
    }

    /**
     * Makes every parameter's gradient a view of one flat array (see the class comment).
     * Call before any backward pass through these parameters.
     *
     * @return whether it worked; if not, gradients stay per parameter and {@link #gradients()} is null
     */
    public boolean primeGradients() {
        if (gradients != null) {
            return true;
        }
        NDManager manager = values.getManager();
        NDArray g = manager.zeros(values.getShape(), DataType.FLOAT32);
        // a parameter that already has a gradient keeps it (and fails the check below)
        List<NDArray> temps = new ArrayList<>();
        try (GradientRecorder recording = GradientRecorder.open()) {
            NDList parts = new NDList(parameters.size());
            for (Pair<String, Parameter> p : parameters) {
                NDArray r = p.getValue().getArray().reshape(-1);
                temps.add(r);
                parts.add(r);
            }
            NDArray all = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
            temps.add(all);
            JniUtils.backward((PtNDArray) all, (PtNDArray) g, false, false);
        } finally {
            temps.forEach(NDArray::close);
        }
        if (!sharesGradients(g)) {
            g.close();
            return false;
        }
        gradients = g;
        zero = EngineArrays.scalar(manager, 0);
        return true;
    }

    /** Writes a pattern into {@code g} and checks that every parameter's gradient shows it. */
    private boolean sharesGradients(NDArray g) {
        long n = size();
        try (NDArray pattern = g.getManager().arange(0f, (float) n, 1f, DataType.FLOAT32)) {
            g.set(ALL, pattern);
            float[] expected = pattern.toFloatArray();
            for (int i = 0; i < parameters.size(); i++) {
                NDArray w = parameters.get(i).getValue().getArray();
                if (!w.hasGradient()) {
                    return false;
                }
                float[] got;
                try (NDArray grad = w.getGradient()) {
                    got = grad.toFloatArray();
                }
                for (int j = 0; j < got.length; j++) {
                    if (got[j] != expected[(int) offsets[i] + j]) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            try (NDArray z = EngineArrays.scalar(g.getManager(), 0)) {
                g.set(ALL, z);
            }
        }
    }

    /** Sets every gradient to zero, in place (one engine call). */
    public void zeroGradients() {
        gradients.set(ALL, zero);
    }

    /** Makes {@link #keep()} and {@link #take()} hold {@code 1 - tau} and {@code tau}: engine scalars, made once per value. */
    void polyakScalars(double tau) {
        if (tau != polyakTau) {
            if (keep != null) {
                keep.close();
                take.close();
            }
            keep = EngineArrays.scalar(values.getManager(), 1 - tau);
            take = EngineArrays.scalar(values.getManager(), tau);
            polyakTau = tau;
        }
    }

    NDArray keep() {
        return keep;
    }

    NDArray take() {
        return take;
    }

    /** Structural equality of two storages (same parameter shapes in the same order). */
    boolean sameLayout(FlatParameters other) {
        if (other.parameters.size() != parameters.size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (offsets[i] != other.offsets[i]
                    || !parameters.get(i).getValue().getArray().getShape().equals(other.parameters.get(i).getValue().getArray().getShape())) {
                return false;
            }
        }
        return offsets[offsets.length - 1] == other.offsets[other.offsets.length - 1];
    }
}
