package org.hubprice.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.hubprice.agents.util.Rng;

/**
 * A ring buffer of transitions in flat {@code float} arrays.
 *
 * <p>Memory grows on demand: the arrays start small and double until they reach {@code
 * capacity}, so a short run with the paper's capacity of 1e6 does not allocate
 * 1e6 x dimensions floats up front. Once full, the oldest transition is overwritten.
 *
 * <p>Values are stored as {@code float} because the networks compute in float32; the
 * rounding happens once, here, instead of on every batch.
 */
public final class ReplayBuffer {
    private static final int MAGIC = 0x48505242; // "HPRB"
    private static final int FORMAT = 1;
    private static final int INITIAL_ROWS = 1024;

    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private float[] obs;
    private float[] act;
    private float[] rew;
    private float[] next;
    private float[] term;
    private int allocated;
    private int size;
    private int position;
    private long added;

    public ReplayBuffer(int capacity, int obsDim, int actDim) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bufferCapacity = " + capacity + " must be >= 1");
        }
        if (obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("ReplayBuffer: obsDim = " + obsDim + " and actDim = " + actDim + " must be >= 1");
        }
        if ((long) capacity * Math.max(obsDim, actDim) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bufferCapacity = " + capacity + " x dimension " + Math.max(obsDim, actDim)
                    + " exceeds the largest Java array; Maybe a smaller bufferCapacity?");
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        allocate(Math.min(capacity, INITIAL_ROWS));
    }

    private void allocate(int rows) {
        obs = obs == null ? new float[rows * obsDim] : Arrays.copyOf(obs, rows * obsDim);
        next = next == null ? new float[rows * obsDim] : Arrays.copyOf(next, rows * obsDim);
        act = act == null ? new float[rows * actDim] : Arrays.copyOf(act, rows * actDim);
        rew = rew == null ? new float[rows] : Arrays.copyOf(rew, rows);
        term = term == null ? new float[rows] : Arrays.copyOf(term, rows);
        allocated = rows;
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions currently stored. */
    public int size() {
        return size;
    }

    /** Transitions ever added (including overwritten ones). */
    public long added() {
        return added;
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    /**
     * Checks that a buffer read from a checkpoint fits the agent loading it.
     *
     * @throws IllegalArgumentException naming {@code where} and the sizes that differ
     */
    public void checkShape(int capacity, int obsDim, int actDim, String where) {
        if (this.capacity != capacity || this.obsDim != obsDim || this.actDim != actDim) {
            throw new IllegalArgumentException(where + " does not match the configuration (capacity " + this.capacity + ", observation size "
                    + this.obsDim + ", action size " + this.actDim + "; expected " + capacity + ", " + obsDim + ", " + actDim + ")");
        }
    }

    /** Rows allocated now (grows towards {@link #capacity()}). */
    public int allocatedRows() {
        return allocated;
    }

    /**
     * Stores a copy of one transition. {@code terminated} marks a true end of the episode; a
     * time-limit truncation must be passed as {@code false} so that the learner still
     * bootstraps from the next observation.
     */
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminated) {
        if (observation.length != obsDim || nextObservation.length != obsDim) {
            throw new IllegalArgumentException("replay: observation has " + observation.length + " values and next observation "
                    + nextObservation.length + "; the buffer was built for " + obsDim);
        }
        if (action.length != actDim) {
            throw new IllegalArgumentException("replay: action has " + action.length + " values; the buffer was built for " + actDim);
        }
        if (position >= allocated) {
            allocate((int) Math.min(capacity, 2L * allocated));
        }
        int o = position * obsDim;
        for (int i = 0; i < obsDim; i++) {
            obs[o + i] = (float) observation[i];
            next[o + i] = (float) nextObservation[i];
        }
        int a = position * actDim;
        for (int i = 0; i < actDim; i++) {
            act[a + i] = (float) action[i];
        }
        rew[position] = (float) reward;
        term[position] = terminated ? 1f : 0f;
        position = position + 1 == capacity ? 0 : position + 1;
        if (size < capacity) {
            size++;
        }
        added++;
    }

    /**
     * Fills {@code out} with {@code out.size} rows drawn uniformly with replacement, using only
     * {@code rng}. Allocates nothing.
     */
    public void sample(Rng rng, Batch out) {
        if (size == 0) {
            throw new IllegalStateException("replay buffer is empty; add transitions before sampling");
        }
        if (out.obsDim != obsDim || out.actDim != actDim) {
            throw new IllegalArgumentException("batch dimensions (" + out.obsDim + ", " + out.actDim + ") differ from the buffer's ("
                    + obsDim + ", " + actDim + ")");
        }
        for (int r = 0; r < out.size; r++) {
            int idx = rng.nextInt(size);
            out.indices[r] = idx;
            System.arraycopy(obs, idx * obsDim, out.observations, r * obsDim, obsDim);
            System.arraycopy(next, idx * obsDim, out.nextObservations, r * obsDim, obsDim);
            System.arraycopy(act, idx * actDim, out.actions, r * actDim, actDim);
            out.rewards[r] = rew[idx];
            out.terminated[r] = term[idx];
        }
    }

    /** Writes the stored rows and the ring position (not the unused capacity). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(capacity);
        out.writeInt(obsDim);
        out.writeInt(actDim);
        out.writeInt(size);
        out.writeInt(position);
        out.writeLong(added);
        writeFloats(out, obs, size * obsDim);
        writeFloats(out, next, size * obsDim);
        writeFloats(out, act, size * actDim);
        writeFloats(out, rew, size);
        writeFloats(out, term, size);
    }

    /**
     * Reads a buffer written by {@link #write}; {@code source} names the file in errors.
     */
    public static ReplayBuffer read(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(source + " is not a hubprice replay buffer (bad magic number)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException(source + " has replay format " + format + "; this version reads format " + FORMAT);
        }
        int capacity = in.readInt();
        int obsDim = in.readInt();
        int actDim = in.readInt();
        int size = in.readInt();
        int position = in.readInt();
        long added = in.readLong();
        if (size < 0 || size > capacity || position < 0 || position >= Math.max(1, capacity)) {
            throw new IOException(source + ": corrupt replay header (size " + size + ", position " + position + ", capacity " + capacity + ")");
        }
        ReplayBuffer b = new ReplayBuffer(capacity, obsDim, actDim);
        // the ring is only partly filled while size < capacity, so rows up to size are the ones in use
        int rows = Math.max(Math.min(capacity, INITIAL_ROWS), size);
        b.allocated = 0;
        b.obs = null;
        b.next = null;
        b.act = null;
        b.rew = null;
        b.term = null;
        b.allocate(rows);
        readFloats(in, b.obs, size * obsDim);
        readFloats(in, b.next, size * obsDim);
        readFloats(in, b.act, size * actDim);
        readFloats(in, b.rew, size);
        readFloats(in, b.term, size);
        b.size = size;
        b.position = position;
        b.added = added;
        return b;
    }

    private static void writeFloats(DataOutputStream out, float[] a, int n) throws IOException {
        final int chunk = 1 << 16;
        ByteBuffer buf = ByteBuffer.allocate(chunk * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        for (int off = 0; off < n; off += chunk) {
            int len = Math.min(chunk, n - off);
            buf.clear();
            buf.asFloatBuffer().put(a, off, len);
            out.write(buf.array(), 0, len * Float.BYTES);
        }
    }

    private static void readFloats(DataInputStream in, float[] a, int n) throws IOException {
        final int chunk = 1 << 16;
        byte[] bytes = new byte[chunk * Float.BYTES];
        for (int off = 0; off < n; off += chunk) {
            int len = Math.min(chunk, n - off);
            in.readFully(bytes, 0, len * Float.BYTES);
            ByteBuffer.wrap(bytes, 0, len * Float.BYTES).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(a, off, len);
        }
    }
}
