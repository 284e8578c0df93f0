package org.hubprice.agents;

import java.util.Map;
import org.hubprice.env.api.Transition;

/**
 * A {@link Policy} that learns from its transitions. Every method but {@link #act} has a
 * default, so a learner overrides only what it uses.
 *
 * <p>State for a checkpoint: a learner written in plain Java returns its learned values from
 * {@link #state()} (JSON values: numbers, strings, booleans, lists, maps) and takes them back in
 * {@link #restore}; {@link LearnerFactory} stores them in the checkpoint's manifest. Learners
 * with large arrays (networks, replay) implement {@link Agent#save} instead, through
 * {@link org.hubprice.agents.checkpoint.AgentCheckpoint}.
 */
public interface Learner extends Policy {
    /** Records one transition (a replay buffer stores a copy; a tabular learner updates here). */
    default void observe(Transition transition) {}

    /**
     * Runs up to {@code gradientSteps} updates from stored experience and returns how many
     * were run (0 while, for example, a replay buffer is still warming up, or for a policy that
     * does not learn).
     */
    default int learn(int gradientSteps) {
        return 0;
    }

    /**
     * Whether {@link #learn} may run on a thread other than the loop's, at the same time as
     * other agents' updates (default false). Say true only if an update touches nothing but this
     * learner's own state and, when it records gradients, records them with
     * {@link org.hubprice.agents.nn.GradientRecorder} (DJL's {@code GradientCollector} allows one
     * per JVM). The trainer then updates such hubs side by side, one core each.
     */
    default boolean learnsOnAnyThread() {
        return false;
    }

    /** What a checkpoint must hold to continue learning where this learner stopped (JSON values). */
    default Map<String, Object> state() {
        return Map.of();
    }

    /** Takes back a {@link #state()} read from a checkpoint. */
    default void restore(Map<String, Object> state) {}
}
