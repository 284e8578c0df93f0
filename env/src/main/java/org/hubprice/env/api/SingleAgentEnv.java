package org.hubprice.env.api;

import java.util.Map;

/**
 * A single-agent environment in Gymnasium's shape: {@code reset} gives the first observation and
 * an info map, {@code step} the observation, reward, terminated, truncated and info. Used for
 * classic-control sanity tasks and one-agent views of a parallel environment.
 */
public interface SingleAgentEnv extends AutoCloseable {
    Space observationSpace();

    Space actionSpace();

    /** Starts an episode: the first observation and an info map (Gymnasium's {@code (obs, info)}). */
    Reset reset(long seed);

    /** Advances one step. */
    Step step(double[] action);

    /** A reset's result: the first observation and the environment's info (may be empty). */
    record Reset(double[] observation, Map<String, Object> info) {
        public Reset(double[] observation) {
            this(observation, Map.of());
        }
    }

    /** One step's result, Gymnasium's five-tuple: observation, reward, terminated, truncated, info. */
    record Step(double[] observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
        /** A step without info. */
        public Step(double[] observation, double reward, boolean terminated, boolean truncated) {
            this(observation, reward, terminated, truncated, Map.of());
        }

        public boolean done() {
            return terminated || truncated;
        }
    }

    @Override
    default void close() {}

    /**
     * A one-agent view of a parallel environment with exactly one possible agent.
     */
    static SingleAgentEnv of(ParallelEnv env) {
        if (env.possibleAgents().size() != 1) {
            throw new IllegalArgumentException("a single-agent view needs exactly one agent; this environment has "
                    + env.possibleAgents());
        }
        String id = env.possibleAgents().get(0);
        return new SingleAgentEnv() {
            @Override
            public Space observationSpace() {
                return env.observationSpace(id);
            }

            @Override
            public Space actionSpace() {
                return env.actionSpace(id);
            }

            @Override
            public Reset reset(long seed) {
                ResetResult r = env.reset(seed, Map.of());
                Map<String, Object> info = r.infos() == null ? null : r.infos().get(id);
                return new Reset(r.observations().get(id), info == null ? Map.of() : info);
            }

            @Override
            public Step step(double[] action) {
                StepResult r = env.step(java.util.Map.of(id, action));
                Map<String, Object> info = r.infos() == null ? null : r.infos().get(id);
                return new Step(r.observations().get(id), r.rewards().get(id), r.terminations().get(id), r.truncations().get(id),
                        info == null ? Map.of() : info);
            }

            @Override
            public void close() {
                env.close();
            }
        };
    }
}
