package org.hubprice.training;

import org.hubprice.agents.Mode;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.api.Transition;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.PhaseTimes.Phase;
import org.hubprice.training.config.ScheduleConfig;
import org.hubprice.training.run.EpisodeStats;
import org.hubprice.training.run.LoopState;

/**
 * The hot loop: one training episode on copy 0 of the environment through the {@link Rollout}
 * engine. Every hub acts on its observation, the environment steps, every agent stores its
 * transition, and the schedule runs gradient steps per period or per episode. Episode
 * {@code k} (0-based) resets with {@code Seeds.derive(root, "episode", k)}; the schedule is a
 * function of the counters in {@link LoopState}, so a resumed run plays the same episodes.
 */
final class TrainingLoop {
    private final VectorEnv env;
    private final Rollout rollout;
    private final Seat[] seats;
    private final LoopState state;
    private final EpisodeStats stats;
    private final ScheduleConfig schedule;
    private final long root;
    private final PhaseTimes times;
    private final int hubs;
    private final double[][] obs;
    private final double[][] next;
    private final Rollout.Actor actor;
    private final Rollout.StepHook hook;
    private final HubUpdates updates;
    private final int[] steps;
    private long updateNanos;

    TrainingLoop(VectorEnv env, Seat[] seats, LoopState state, EpisodeStats stats, ScheduleConfig schedule, long root, PhaseTimes times,
                 HubUpdates updates) {
        this.env = env;
        this.rollout = new Rollout(env).timed(true);
        this.seats = seats;
        this.state = state;
        this.stats = stats;
        this.schedule = schedule;
        this.root = root;
        this.times = times;
        this.hubs = seats.length;
        this.updates = updates;
        this.steps = new int[hubs];
        obs = new double[hubs][];
        next = new double[hubs][];
        for (int i = 0; i < hubs; i++) {
            obs[i] = new double[env.observationSpace(i).dimension()];
            next[i] = new double[env.observationSpace(i).dimension()];
        }
        actor = this::act;
        hook = this::afterStep;
    }

    /** Plays the next training episode, learning as scheduled. */
    void playEpisode() {
        stats.begin();
        long env0 = rollout.environmentNanos();
        long act0 = rollout.actorNanos();
        long hook0 = rollout.hookNanos();
        long upd0 = updateNanos;
        rollout.episode(0, Seeds.derive(root, "episode", state.episodes), VectorEnv.TRAINING, actor, hook);
        stats.end(state.episodes + 1);
        long updates = updateNanos - upd0;
        times.add(Phase.ENVIRONMENT, rollout.environmentNanos() - env0);
        times.add(Phase.ACTION_SELECTION, rollout.actorNanos() - act0);
        times.add(Phase.OBSERVE, rollout.hookNanos() - hook0 - updates);
        if (!schedule.perPeriod()) {
            long t = System.nanoTime();
            learn(state.episodes);
            updates += System.nanoTime() - t;
        }
        times.add(Phase.UPDATES, updates);
        state.episodes++;
    }

    private void act(int copy, int step, double[][] actions) {
        for (int i = 0; i < hubs; i++) {
            if (step == 0) {
                // later steps' observations were copied by the hook
                System.arraycopy(env.observation(copy, i), 0, obs[i], 0, obs[i].length);
            }
            Seat s = seats[i];
            s.act(obs[i], Mode.TRAIN);
            System.arraycopy(s.envAction, 0, actions[i], 0, actions[i].length);
        }
    }

    private boolean afterStep(int copy, int step, double[][] actions, boolean done) {
        boolean truncated = done && env.truncated(copy);
        for (int i = 0; i < hubs; i++) {
            System.arraycopy(env.observation(copy, i), 0, next[i], 0, next[i].length);
            seats[i].agent.observe(new Transition(obs[i], seats[i].agentAction, env.reward(copy, i), next[i], done && !truncated, truncated));
        }
        stats.addStep(env, copy);
        if (schedule.perPeriod()) {
            long t = System.nanoTime();
            learn(state.periods);
            updateNanos += System.nanoTime() - t;
        }
        // The next observations become the current ones; the old buffers take the next step's.
        for (int i = 0; i < hubs; i++) {
            double[] tmp = obs[i];
            obs[i] = next[i];
            next[i] = tmp;
        }
        state.periods++;
        return true;
    }

    private void learn(long unit) {
        for (int i = 0; i < hubs; i++) {
            steps[i] = schedule.stepsAt(i, unit);
        }
        updates.run(steps, state.updates);
    }
}
