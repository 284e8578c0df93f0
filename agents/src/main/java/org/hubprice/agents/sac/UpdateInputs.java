package org.hubprice.agents.sac;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hubprice.agents.nn.HostBackedArray;
import org.hubprice.agents.replay.Batch;

/**
 * The host data of one SAC update as engine arrays that are refilled in place (see {@link
 * HostBackedArray}): no array is created for them per update. The critics' input
 * {@code [s, a]} is assembled on the host, so the critic step needs no concatenation.
 */
final class UpdateInputs {
    final HostBackedArray critic;
    final HostBackedArray obs;
    final HostBackedArray next;
    final HostBackedArray reward;
    final HostBackedArray discount;
    final HostBackedArray epsNext;
    final HostBackedArray noiseNext;
    final HostBackedArray epsPi;
    final HostBackedArray noisePi;
    /** The temperature, shape (1): it broadcasts over (B, 1) like a scalar. */
    final HostBackedArray alpha;
    private final int b;
    private final int obsDim;
    private final int actDim;

    UpdateInputs(NDManager manager, int b, int obsDim, int actDim) {
        this.b = b;
        this.obsDim = obsDim;
        this.actDim = actDim;
        critic = new HostBackedArray(manager, new Shape(b, obsDim + actDim));
        obs = new HostBackedArray(manager, new Shape(b, obsDim));
        next = new HostBackedArray(manager, new Shape(b, obsDim));
        reward = new HostBackedArray(manager, new Shape(b, 1));
        discount = new HostBackedArray(manager, new Shape(b, 1));
        epsNext = new HostBackedArray(manager, new Shape(b, actDim));
        noiseNext = new HostBackedArray(manager, new Shape(b, 1));
        epsPi = new HostBackedArray(manager, new Shape(b, actDim));
        noisePi = new HostBackedArray(manager, new Shape(b, 1));
        alpha = new HostBackedArray(manager, new Shape(1));
    }

    /** Copies a prepared batch, its discounts, the noise and the temperature in. */
    void write(Batch batch, float[] disc, float[] eNext, float[] nNext, float[] ePi, float[] nPi, double alphaValue) {
        int row = obsDim + actDim;
        for (int i = 0; i < b; i++) {
            critic.put(i * row, batch.observations, i * obsDim, obsDim);
            critic.put(i * row + obsDim, batch.actions, i * actDim, actDim);
        }
        obs.put(0, batch.observations, 0, b * obsDim);
        next.put(0, batch.nextObservations, 0, b * obsDim);
        reward.put(0, batch.rewards, 0, b);
        discount.put(0, disc, 0, b);
        epsNext.put(0, eNext, 0, b * actDim);
        noiseNext.put(0, nNext, 0, b);
        epsPi.put(0, ePi, 0, b * actDim);
        noisePi.put(0, nPi, 0, b);
        // rounded to float as EngineArrays.scalar rounds it
        alpha.put(0, (float) alphaValue);
    }
}
