package org.hubprice.agents.classic;

import java.util.SplittableRandom;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Transition;

/**
 * A minimal off-policy training loop and an evaluation loop over a {@link SingleAgentEnv}, for
 * the learning checks: uniform random actions for the first {@code randomSteps} steps (as
 * SB3's {@code learning_starts}), then the agent's own exploring actions, with
 * {@code updatesPerStep} gradient steps after every environment step.
 */
public final class Rollouts {
    private Rollouts() {}

    /** Trains for {@code steps} environment steps; returns the mean return of the episodes finished. */
    public static double train(Agent agent, SingleAgentEnv env, int steps, int randomSteps, int updatesPerStep, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] obs = env.reset(rng.nextLong()).observation();
        double ret = 0;
        double sum = 0;
        int episodes = 0;
        for (int t = 0; t < steps; t++) {
            double[] a = t < randomSteps ? env.actionSpace().sample(rng) : agent.act(obs, Mode.TRAIN).clone();
            SingleAgentEnv.Step s = env.step(a);
            agent.observe(new Transition(obs, a, s.reward(), s.observation(), s.terminated(), s.truncated()));
            ret += s.reward();
            agent.learn(updatesPerStep);
            if (s.done()) {
                sum += ret;
                episodes++;
                ret = 0;
                obs = env.reset(rng.nextLong()).observation();
            } else {
                obs = s.observation();
            }
        }
        return episodes == 0 ? Double.NaN : sum / episodes;
    }

    /** Mean return of {@code episodes} deterministic episodes, started from seeds drawn from {@code seed}. */
    public static double evaluate(Agent agent, SingleAgentEnv env, int episodes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        for (int e = 0; e < episodes; e++) {
            double[] obs = env.reset(rng.nextLong()).observation();
            SingleAgentEnv.Step s;
            do {
                s = env.step(agent.act(obs, Mode.EVAL));
                sum += s.reward();
                obs = s.observation();
            } while (!s.done());
        }
        return sum / episodes;
    }
}
