package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.env.api.Space;

/**
 * A learner (or a fixed policy) that plays one seat of an environment: a {@link Learner} with
 * a name, its spaces and a checkpoint.
 *
 * <p>The loop that drives it calls {@link #act} each step, {@link #observe} with the
 * resulting transition, and {@link #learn} when its update schedule says so. Exploration,
 * action scaling and clipping are wrappers around an agent ({@link AgentWrapper}), not flags
 * inside it. Code of your own rarely implements this interface whole: write a {@link Policy}
 * or a {@link Learner} and let {@link LearnerFactory} make the agent.
 */
public interface Agent extends Learner, AutoCloseable {
    /** The registry name of this agent's factory ({@code sac}, {@code dqn}, ...). */
    String name();

    Space observationSpace();

    Space actionSpace();

    /**
     * Writes everything needed to restore this agent into {@code directory} (created if
     * needed), atomically: a reader never sees a half-written checkpoint.
     */
    void save(Path directory) throws IOException;

    /** Releases native memory; the agent is unusable afterwards. */
    @Override
    default void close() {}
}
