package org.hubprice.env.api;

/**
 * A single-agent environment after Gymnasium's {@code Env}: classic-control sanity tasks
 * and one-agent views of a parallel environment.
 */
public interface SingleAgentEnv extends AutoCloseable {
    Space observationSpace();

    Space actionSpace();

    /** Starts an episode and returns the first observation. */
    double[] reset(long seed);

    /** Advances one step. */
    Step step(double[] action);

    /** One step's result. */
    record Step(double[] observation, double reward, boolean terminated, boolean truncated) {
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
            public double[] reset(long seed) {
                return env.reset(seed, java.util.Map.of()).observations().get(id);
            }

            @Override
            public Step step(double[] action) {
                StepResult r = env.step(java.util.Map.of(id, action));
                return new Step(r.observations().get(id), r.rewards().get(id), r.terminations().get(id), r.truncations().get(id));
            }

            @Override
            public void close() {
                env.close();
            }
        };
    }
}
