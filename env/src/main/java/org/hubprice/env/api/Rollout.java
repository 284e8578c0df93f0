package org.hubprice.env.api;

/**
 * The one rollout engine: plays episodes of a {@link VectorEnv} copy, asking an
 * {@link Actor} for every agent's action each step and handing each step to a
 * {@link StepHook} (learning, metrics, recording). Training, validation, evaluation and the
 * canonical sessions all play their episodes through it.
 *
 * <p>The engine owns one action buffer per copy ({@link #actions(int)}) and allocates nothing
 * per step. With {@link #timed(boolean) timing} on, it sums the wall time spent in the
 * environment, in the actor and in the hook, so a loop can report where its time goes.
 * One engine serves one thread.
 */
public final class Rollout {
    /** Chooses the actions of one step. */
    @FunctionalInterface
    public interface Actor {
        /**
         * Writes every agent's action for step {@code step} (0-based) of copy {@code copy} into
         * {@code actions[agent]} (environment's action space); the observations are in the
         * environment ({@link VectorEnv#observation}).
         */
        void act(int copy, int step, double[][] actions);
    }

    /** Sees each step once it is played. */
    @FunctionalInterface
    public interface StepHook {
        /**
         * Called after step {@code step} of copy {@code copy}; the rewards, observations and
         * metrics are in the environment, the actions played in {@code actions}.
         *
         * @param done whether the step ended the episode
         * @return false to end the episode here (before it is done)
         */
        boolean afterStep(int copy, int step, double[][] actions, boolean done);
    }

    /** A hook that does nothing. */
    public static final StepHook NONE = (copy, step, actions, done) -> true;

    private final VectorEnv env;
    private final double[][][] actions;
    private boolean timed;
    private long environmentNanos;
    private long actorNanos;
    private long hookNanos;

    public Rollout(VectorEnv env) {
        this.env = env;
        actions = new double[env.copies()][env.agentCount()][];
        for (int c = 0; c < actions.length; c++) {
            for (int i = 0; i < env.agentCount(); i++) {
                actions[c][i] = new double[env.actionSpace(i).dimension()];
            }
        }
    }

    /** The environment. */
    public VectorEnv env() {
        return env;
    }

    /** Copy {@code copy}'s action buffer (agent × action), which every step passes to the environment. */
    public double[][] actions(int copy) {
        return actions[copy];
    }

    /** Turns timing of the phases on or off (off by default: two clock readings per phase and step). */
    public Rollout timed(boolean on) {
        this.timed = on;
        return this;
    }

    /** Wall time in the environment's resets and steps so far, with timing on. */
    public long environmentNanos() {
        return environmentNanos;
    }

    /** Wall time in the actor so far, with timing on. */
    public long actorNanos() {
        return actorNanos;
    }

    /** Wall time in the step hook so far, with timing on. */
    public long hookNanos() {
        return hookNanos;
    }

    /**
     * Plays one episode of copy {@code copy} from {@code env.reset(copy, seed, scenario)} until
     * it is done, the hook ends it, or {@code maxSteps} steps are played.
     *
     * @return the number of steps played
     */
    public int episode(int copy, long seed, int scenario, int maxSteps, Actor actor, StepHook hook) {
        double[][] a = actions[copy];
        if (!timed) {
            env.reset(copy, seed, scenario);
            int step = 0;
            boolean go = true;
            while (go && step < maxSteps) {
                actor.act(copy, step, a);
                boolean done = env.step(copy, a);
                go = hook.afterStep(copy, step, a, done) && !done;
                step++;
            }
            return step;
        }
        long t = System.nanoTime();
        env.reset(copy, seed, scenario);
        long now = System.nanoTime();
        environmentNanos += now - t;
        int step = 0;
        boolean go = true;
        while (go && step < maxSteps) {
            t = now;
            actor.act(copy, step, a);
            now = System.nanoTime();
            actorNanos += now - t;
            t = now;
            boolean done = env.step(copy, a);
            now = System.nanoTime();
            environmentNanos += now - t;
            t = now;
            go = hook.afterStep(copy, step, a, done) && !done;
            now = System.nanoTime();
            hookNanos += now - t;
            step++;
        }
        return step;
    }

    /** Plays one whole episode (no step limit). */
    public int episode(int copy, long seed, int scenario, Actor actor, StepHook hook) {
        return episode(copy, seed, scenario, Integer.MAX_VALUE, actor, hook);
    }
}
