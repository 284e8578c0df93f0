package org.hubprice.agents.replay;

/**
 * A preallocated minibatch, filled in place by {@link ReplayBuffer#sample}: row {@code i} of
 * {@code observations} is {@code observations[i * obsDim .. (i + 1) * obsDim)}, and so on.
 * The arrays are public so that a learner can hand them to the engine without copying.
 */
public final class Batch {
    public final int size;
    public final int obsDim;
    public final int actDim;
    public final float[] observations;
    public final float[] actions;
    public final float[] rewards;
    public final float[] nextObservations;
    /** 1 where the episode terminated (no bootstrapping), else 0; truncation is not termination. */
    public final float[] terminated;
    /** Buffer indices of the sampled rows (for diagnostics and prioritised variants). */
    public final int[] indices;

    public Batch(int size, int obsDim, int actDim) {
        if (size < 1 || obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("Batch: size = " + size + ", obsDim = " + obsDim + ", actDim = " + actDim + " must all be >= 1");
        }
        this.size = size;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.observations = new float[size * obsDim];
        this.actions = new float[size * actDim];
        this.rewards = new float[size];
        this.nextObservations = new float[size * obsDim];
        this.terminated = new float[size];
        this.indices = new int[size];
    }
}
