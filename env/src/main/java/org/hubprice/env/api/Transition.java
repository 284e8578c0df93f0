package org.hubprice.env.api;

/**
 * One step of experience from one agent's point of view. Arrays are owned by the receiver
 * only for the duration of the call: an agent that keeps them (a replay buffer) copies them.
 */
public record Transition(double[] observation, double[] action, double reward, double[] nextObservation,
                         boolean terminated, boolean truncated) {
    /** Whether the episode ended here, for whatever reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
