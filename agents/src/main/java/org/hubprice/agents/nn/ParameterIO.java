package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.agents.util.Rng;

/**
 * Parameter handling that DJL leaves to the caller: deterministic initialisation, a simple
 * checked file format, and in-place copies between a network and its target.
 *
 * <p>File format (big-endian): magic {@code "HPNN"}, format version 1, parameter count, then
 * per parameter its path name (e.g. {@code 01Linear_weight}), rank, dimensions, and the float
 * values in row-major order. Values are written from host memory and set back into whatever
 * device the reading network lives on, so a file written on a GPU loads on a CPU and back.
 */
public final class ParameterIO {
    private static final int MAGIC = 0x48504E4E; // "HPNN"
    private static final int FORMAT = 1;

    private ParameterIO() {}

    /** The block's parameters in their fixed structural order. */
    public static List<Pair<String, Parameter>> parameters(Block block) {
        PairList<String, Parameter> list = block.getParameters();
        List<Pair<String, Parameter>> out = new ArrayList<>(list.size());
        for (Pair<String, Parameter> p : list) {
            out.add(p);
        }
        return out;
    }

    /**
     * Overwrites every parameter with a draw from {@code rng}: weights of dense layers with
     * {@code init} on their fans (DJL stores a Linear weight as {@code (out, in)}), feature
     * embeddings ({@link Parameter.Type#OTHER}) as the weights of a 1-to-E map, biases and
     * normalisation shifts with 0, normalisation scales with 1.
     */
    public static void initialize(Block block, Init init, Rng rng) {
        for (Pair<String, Parameter> p : parameters(block)) {
            Parameter param = p.getValue();
            NDArray array = param.getArray();
            Shape shape = array.getShape();
            int n = Math.toIntExact(shape.size());
            float[] values = new float[n];
            switch (param.getType()) {
                case WEIGHT -> {
                    long fanOut = shape.get(0);
                    long fanIn = n / fanOut;
                    fillUniform(values, init.bound(fanIn, fanOut), rng);
                }
                case OTHER -> fillUniform(values, init.bound(1, shape.get(shape.dimension() - 1)), rng);
                case GAMMA -> java.util.Arrays.fill(values, 1f);
                case BIAS, BETA, RUNNING_MEAN -> { /* zeros */ }
                case RUNNING_VAR -> java.util.Arrays.fill(values, 1f);
            }
            assign(array, values);
        }
    }

    private static void fillUniform(float[] values, double bound, Rng rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    /** Writes every parameter of {@code block}. */
    public static void write(Block block, DataOutputStream out) throws IOException {
        List<Pair<String, Parameter>> params = parameters(block);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            writeArray(p.getKey(), p.getValue().getArray(), out);
        }
    }

    /** Writes one named array (also used for optimiser state). */
    public static void writeArray(String name, NDArray array, DataOutputStream out) throws IOException {
        out.writeUTF(name);
        long[] dims = array.getShape().getShape();
        out.writeInt(dims.length);
        for (long d : dims) {
            out.writeLong(d);
        }
        float[] v = array.toFloatArray();
        out.writeInt(v.length);
        ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        buf.asFloatBuffer().put(v);
        out.write(buf.array());
    }

    /**
     * Reads values written by {@link #write} into the parameters of {@code block}, which must
     * have the same structure. {@code source} names the file in error messages.
     */
    public static void read(Block block, DataInputStream in, String source) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(source + " is not a hubprice parameter file (bad magic number)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException(source + " has parameter format " + format + "; this version reads format " + FORMAT);
        }
        List<Pair<String, Parameter>> params = parameters(block);
        int count = in.readInt();
        if (count != params.size()) {
            throw new IllegalArgumentException(source + " holds " + count + " parameter arrays but the network built from the"
                    + " configuration has " + params.size() + ": the network architecture differs from the one that was saved");
        }
        for (Pair<String, Parameter> p : params) {
            readArray(p.getKey(), p.getValue().getArray(), in, source);
        }
    }

    /** Reads one array written by {@link #writeArray} into {@code target}, checking name and shape. */
    public static void readArray(String expectedName, NDArray target, DataInputStream in, String source) throws IOException {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
            throw new IOException(source + ": corrupt entry '" + name + "' (rank " + rank + ")");
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readLong();
        }
        Shape saved = new Shape(dims);
        if (!name.equals(expectedName) || !saved.equals(target.getShape())) {
            throw new IllegalArgumentException(source + ": saved parameter '" + name + "' has shape " + saved
                    + " but the network expects '" + expectedName + "' with shape " + target.getShape()
                    + "; the checkpoint was written for a different network or different spaces");
        }
        int n = in.readInt();
        if (n != saved.size()) {
            throw new IOException(source + ": corrupt entry '" + name + "' (" + n + " values for shape " + saved + ")");
        }
        byte[] bytes = new byte[n * Float.BYTES];
        in.readFully(bytes);
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v);
        assign(target, v);
    }

    /**
     * Makes {@code target}'s parameters exact copies of {@code source}'s, in place (DJL's
     * {@code Parameter.setArray} refuses to replace an initialised array, and the target's
     * arrays must stay the ones its parameter store already holds).
     */
    public static void copy(Block source, Block target) {
        NDArray[] flat = flatPair(source, target);
        if (flat != null) {
            flat[1].set(ALL, flat[0]);
            return;
        }
        List<Pair<String, Parameter>> s = parameters(source);
        List<Pair<String, Parameter>> t = parameters(target);
        checkSameStructure(s, t);
        for (int i = 0; i < s.size(); i++) {
            // a bit-exact copy through host memory; hard updates are rare, so its cost does not matter
            NDArray to = t.get(i).getValue().getArray();
            if (to.getShape().dimension() == 0) {
                to.set(s.get(i).getValue().getArray().toByteBuffer());
                continue;
            }
            try (NDArray from = s.get(i).getValue().getArray().stopGradient(); NDArray view = to.stopGradient()) {
                view.set(ALL, from);
            }
        }
    }

    /**
     * Polyak averaging in place: {@code target = (1 - tau) * target + tau * source}.
     */
    public static void polyak(Block source, Block target, double tau) {
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " is outside the allowed range (0, 1]");
        }
        if (tau == 1) {
            copy(source, target);
            return;
        }
        NDArray[] flat = flatPair(source, target);
        if (flat != null) {
            FlatParameters t = FlatParameters.of(target);
            t.polyakScalars(tau);
            polyakFlat(flat[0], flat[1], t);
            return;
        }
        List<Pair<String, Parameter>> s = parameters(source);
        List<Pair<String, Parameter>> t = parameters(target);
        checkSameStructure(s, t);
        NDArray first = t.get(0).getValue().getArray();
        // two scalars per call rather than two per parameter: each scalar is a native allocation
        try (NDArray keep = first.getManager().create((float) (1 - tau));
             NDArray take = first.getManager().create((float) tau)) {
            for (int i = 0; i < s.size(); i++) {
                // In-place through a detached view that shares the target's storage: PyTorch
                // refuses in-place ops on a leaf that requires grad while grad mode is on, and
                // grad mode is on by default in every thread but the one that started the engine.
                // Every view is closed here: an unclosed one would live until the agent's manager
                // closes, i.e. grow native memory by one array per parameter and update.
                try (NDArray tgt = t.get(i).getValue().getArray().stopGradient();
                     NDArray src = s.get(i).getValue().getArray().stopGradient();
                     NDArray scaled = src.mul(take)) {
                    tgt.muli(keep).addi(scaled);
                }
            }
        }
    }

    /**
     * Polyak averaging of every network of {@code source} into the same-shaped networks of
     * {@code target}, in place: three engine calls in all (two at tau = 1).
     */
    public static void polyak(FlatParameters source, FlatParameters target, double tau) {
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " is outside the allowed range (0, 1]");
        }
        if (!source.sameLayout(target)) {
            throw new IllegalArgumentException("networks differ: " + source.size() + " vs " + target.size() + " parameters");
        }
        if (tau == 1) {
            target.values().set(ALL, source.values());
            return;
        }
        target.polyakScalars(tau);
        polyakFlat(source.values(), target.values(), target);
    }

    /** {@code to = (1 - tau) to + tau from}, with the same two roundings per element as the per-array form. */
    private static void polyakFlat(NDArray from, NDArray to, FlatParameters scalars) {
        // the flat arrays record no gradient (their views do), so in-place updates need no detached view
        try (NDArray scaled = from.mul(scalars.take())) {
            to.muli(scalars.keep()).addi(scaled);
        }
    }

    /** The flat parameter slices of two networks with the same layout, each alone in its own position; else null. */
    private static NDArray[] flatPair(Block source, Block target) {
        FlatParameters s = FlatParameters.of(source);
        FlatParameters t = FlatParameters.of(target);
        if (s == null || t == null) {
            return null;
        }
        int i = s.blocks().indexOf(source);
        int j = t.blocks().indexOf(target);
        List<Pair<String, Parameter>> ps = parameters(source);
        List<Pair<String, Parameter>> pt = parameters(target);
        checkSameStructure(ps, pt);
        return new NDArray[] {s.blockValues(i), t.blockValues(j)};
    }

    private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex(":");

    /**
     * Writes host {@code values} into {@code target} in place, bit for bit. Through an indexed
     * assignment on a detached view rather than {@code NDArray.set(float[])}: the engine's
     * buffer copy uses a PyTorch guard that prints a deprecation warning on standard error
     * ("AutoNonVariableTypeMode is deprecated") once per process; the view shares the target's
     * storage, so the parameter store keeps its arrays (and, on a leaf that requires a gradient,
     * the in-place write is allowed).
     */
    static void assign(NDArray target, float[] values) {
        if (target.getShape().dimension() == 0) {
            target.set(values);
            return;
        }
        try (NDArray src = target.getManager().create(values, target.getShape()); NDArray view = target.stopGradient()) {
            view.set(ALL, src);
        }
    }

    private static void checkSameStructure(List<Pair<String, Parameter>> s, List<Pair<String, Parameter>> t) {
        if (s.size() != t.size()) {
            throw new IllegalArgumentException("networks differ: " + s.size() + " vs " + t.size() + " parameter arrays");
        }
        for (int i = 0; i < s.size(); i++) {
            Shape a = s.get(i).getValue().getArray().getShape();
            Shape b = t.get(i).getValue().getArray().getShape();
            if (!a.equals(b)) {
                throw new IllegalArgumentException("networks differ at parameter " + s.get(i).getKey() + ": " + a + " vs " + b);
            }
        }
    }

    /** All parameter values concatenated (host copy), for tests and diagnostics. */
    public static float[] flatten(Block block) {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (Pair<String, Parameter> p : parameters(block)) {
            float[] v = p.getValue().getArray().toFloatArray();
            parts.add(v);
            n += v.length;
        }
        float[] out = new float[n];
        int off = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, out, off, v.length);
            off += v.length;
        }
        return out;
    }

    /** Total number of scalar parameters. */
    public static long count(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : parameters(block)) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }
}
