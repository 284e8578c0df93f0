package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * A learner (or a fixed policy) that plays one seat of an environment.
 *
 * <p>The loop that drives it calls {@link #act} each step, {@link #observe} with the
 * resulting transition, and {@link #learn} when its update schedule says so. Exploration,
 * action scaling and clipping are wrappers around an agent ({@link AgentWrapper}), not flags
 * inside it.
 */
public interface Agent extends AutoCloseable {
    /** The registry name of this agent's factory ({@code sac}, {@code dqn}, ...). */
    String name();

    Space observationSpace();

    Space actionSpace();

    /**
     * Chooses an action for {@code observation}. The returned array may be a buffer owned by
     * the agent and reused on the next call: copy it to keep it.
     */
    double[] act(double[] observation, Mode mode);

    /** Records one transition (a replay buffer stores a copy; a tabular learner updates here). */
    void observe(Transition transition);

    /**
     * Runs up to {@code gradientSteps} updates from stored experience and returns how many
     * were run (0 while, for example, the replay buffer is still warming up).
     */
    int learn(int gradientSteps);

    /**
     * Writes everything needed to restore this agent into {@code directory} (created if
     * needed), atomically: a reader never sees a half-written checkpoint.
     */
    void save(Path directory) throws IOException;

    /** Releases native memory; the agent is unusable afterwards. */
    @Override
    default void close() {}
}
