package org.hubprice.env.api;

import java.util.List;
import java.util.Map;

/**
 * A multi-agent environment in which all agents act simultaneously each step, after
 * PettingZoo's ParallelEnv. Same seed and same actions give bit-identical results.
 *
 * <p>{@link #observationSpace} and {@link #actionSpace} return the same object on every call.
 */
public interface ParallelEnv extends AutoCloseable {
    /** Every agent that may ever take part, in a fixed order. */
    List<String> possibleAgents();

    /** The agents active now (after {@link #reset}, until they are done). */
    List<String> agents();

    Space observationSpace(String agent);

    Space actionSpace(String agent);

    /** Starts a new episode; {@code options} are environment-specific (may be empty). */
    ResetResult reset(long seed, Map<String, Object> options);

    /** Advances one step with one action per active agent. */
    StepResult step(Map<String, double[]> actions);

    @Override
    default void close() {}
}
