package org.hubprice.training;

import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Space;

/**
 * What the training loop needs from an environment, by agent index and without maps, so that
 * a step allocates nothing: {@link HubGameEnv} drives the hub pricing game through its fast
 * path; {@link ParallelEnvAdapter} drives any other {@link org.hubprice.env.api.ParallelEnv}.
 *
 * <p>Buffers returned by {@link #observation} belong to the environment and are overwritten by
 * the next reset or step: copy to keep.
 */
public interface TrainingEnv extends AutoCloseable {
    /** Number of agents (hubs). */
    int agentCount();

    /** Name of agent {@code i} ({@code hub_0}, ...). */
    String agentName(int i);

    Space observationSpace(int i);

    /** The environment's own action space of agent {@code i}. */
    Space actionSpace(int i);

    /** Starts a training episode; everything random follows from {@code seed}. */
    void resetTraining(long seed);

    /**
     * Fixes the validation set: up to {@code count} training days chosen with {@code seed}
     * (never held-out days). Returns a label per slot (the day's date for the hub game).
     */
    List<String> chooseValidationSlots(int count, long seed);

    /** Starts a validation episode on slot {@code slot} (deterministic start state), drawing from {@code seed}. */
    void resetValidation(long seed, int slot);

    /**
     * Plays one step with {@code actions[i]} for agent {@code i} (in {@link #actionSpace}).
     *
     * @return true when the episode is over
     */
    boolean step(double[][] actions);

    /** Agent {@code i}'s observation now (environment-owned buffer). */
    double[] observation(int i);

    /** Agent {@code i}'s reward in the last step. */
    double reward(int i);

    /** Whether the episode ended because of a time limit rather than naturally (last step). */
    boolean truncated();

    /** The price multiplier agent {@code i} played in the last step (NaN when the game has none). */
    double multiplier(int i);

    /** EVs served by agent {@code i} in the last step (0 when the game has none). */
    int served(int i);

    /** EVs that balked at agent {@code i} in the last step (0 when the game has none). */
    int balked(int i);

    /** A label of the current episode (the day's date for the hub game). */
    String episodeLabel();

    /** What to record about the environment in {@code run.json} and checkpoints (commitment, scaling, split). */
    Map<String, Object> describe();

    @Override
    default void close() {}
}
