package org.hubprice.agents;

import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Space;

/**
 * A tiny deterministic environment that feeds transitions to agents under test, for any Box or
 * Discrete action space: a 3-dimensional state random-walks in [-1, 1]; the reward is highest
 * when the action, mapped to [0, 1] within its space, matches {@code (s0 + 1) / 2}. Episodes
 * are cut at 20 steps (truncation) and end early with probability 0.02 (termination), so both
 * kinds of episode end reach the agent.
 */
public final class ToyEnv implements SingleAgentEnv {
    public static final int OBS_DIM = 3;
    public static final int MAX_STEPS = 20;

    private final Box observationSpace = Box.uniform(-1, 1, OBS_DIM);
    private final Space actionSpace;
    private final double[] state = new double[OBS_DIM];
    private Rng rng = new Rng(0);
    private int t;

    public ToyEnv(Space actionSpace) {
        this.actionSpace = actionSpace;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset reset(long seed) {
        return new Reset(resetObservation(seed));
    }

    /** The first observation of an episode started with {@code seed}. */
    public double[] resetObservation(long seed) {
        rng = new Rng(seed);
        for (int i = 0; i < OBS_DIM; i++) {
            state[i] = 2 * rng.nextDouble() - 1;
        }
        t = 0;
        return state.clone();
    }

    /** Continues with a fresh episode drawn from the current stream (no new seed). */
    public double[] resetContinue() {
        for (int i = 0; i < OBS_DIM; i++) {
            state[i] = 2 * rng.nextDouble() - 1;
        }
        t = 0;
        return state.clone();
    }

    @Override
    public Step step(double[] action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("ToyEnv: action " + java.util.Arrays.toString(action) + " is not in " + actionSpace);
        }
        double target = (state[0] + 1) / 2;
        double err = 0;
        int n = action.length;
        for (int i = 0; i < n; i++) {
            double u;
            if (actionSpace instanceof Box b) {
                u = (action[i] - b.low(i)) / (b.high(i) - b.low(i));
            } else {
                int k = ((Discrete) actionSpace).n();
                u = k == 1 ? 0 : action[i] / (k - 1);
            }
            err += (u - target) * (u - target);
        }
        double reward = -err / n;
        for (int i = 0; i < OBS_DIM; i++) {
            state[i] = Math.max(-1, Math.min(1, state[i] + 0.3 * (2 * rng.nextDouble() - 1)));
        }
        t++;
        boolean terminated = rng.nextDouble() < 0.02;
        boolean truncated = !terminated && t >= MAX_STEPS;
        return new Step(state.clone(), reward, terminated, truncated);
    }
}
