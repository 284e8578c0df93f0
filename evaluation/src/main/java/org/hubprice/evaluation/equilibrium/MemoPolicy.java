package org.hubprice.evaluation.equilibrium;

import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.evaluation.policy.ActionMap;

/**
 * A frozen policy's multipliers remembered by observation. Evaluation policies act
 * deterministically ({@link Mode#EVAL}), so an observation seen before gets the action it got
 * then, bit for bit, without a forward pass. The searches replay the same day hundreds of times
 * and a rival's observation changes only when the searching hub's prices change its battery, so
 * most calls are hits. An open-addressing table keyed by the observation's bits; it allocates
 * only when it grows, and starts over past {@link #MAX_ENTRIES}. Not thread-safe.
 */
public final class MemoPolicy {
    static final int MAX_ENTRIES = 1 << 21;

    private final Agent agent;
    private final ActionMap map;
    private final int dim;
    private final double[] input;
    private long[] keys;
    private double[] values;
    private boolean[] used;
    private int size;
    private long hits;
    private long misses;

    public MemoPolicy(Agent agent, ActionMap map, int dim) {
        this.agent = agent;
        this.map = map;
        this.dim = dim;
        this.input = new double[dim];
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        keys = new long[capacity * dim];
        values = new double[capacity];
        used = new boolean[capacity];
        size = 0;
    }

    /** The multiplier the policy plays at {@code observation} (not kept). */
    public double multiplier(double[] observation) {
        int cap = used.length;
        int slot = home(observation, cap);
        while (used[slot]) {
            if (same(slot, observation)) {
                hits++;
                return values[slot];
            }
            slot = (slot + 1) & (cap - 1);
        }
        misses++;
        System.arraycopy(observation, 0, input, 0, dim); // the agent may keep what it is given
        double a = map.multiplier(agent.act(input, Mode.EVAL));
        if (size + 1 > cap / 2) {
            grow();
            return remember(observation, a);
        }
        store(slot, observation, a);
        return a;
    }

    private double remember(double[] observation, double a) {
        int cap = used.length;
        int slot = home(observation, cap);
        while (used[slot]) {
            slot = (slot + 1) & (cap - 1);
        }
        store(slot, observation, a);
        return a;
    }

    private int home(double[] observation, int cap) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < dim; k++) {
            h = (h ^ Double.doubleToRawLongBits(observation[k])) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h & (cap - 1));
    }

    private void store(int slot, double[] observation, double a) {
        used[slot] = true;
        for (int k = 0; k < dim; k++) {
            keys[slot * dim + k] = Double.doubleToRawLongBits(observation[k]);
        }
        values[slot] = a;
        size++;
    }

    private boolean same(int slot, double[] observation) {
        int base = slot * dim;
        for (int k = 0; k < dim; k++) {
            if (keys[base + k] != Double.doubleToRawLongBits(observation[k])) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        boolean[] oldUsed = used;
        int capacity = oldUsed.length * 2;
        if (capacity / 2 > MAX_ENTRIES) {
            allocate(1 << 12); // start over: still exact, only slower
            return;
        }
        allocate(capacity);
        double[] obs = new double[dim];
        for (int s = 0; s < oldUsed.length; s++) {
            if (oldUsed[s]) {
                for (int k = 0; k < dim; k++) {
                    obs[k] = Double.longBitsToDouble(oldKeys[s * dim + k]);
                }
                remember(obs, oldValues[s]);
            }
        }
    }

    /** Calls answered from the table. */
    public long hits() {
        return hits;
    }

    /** Calls that ran the policy. */
    public long misses() {
        return misses;
    }
}
