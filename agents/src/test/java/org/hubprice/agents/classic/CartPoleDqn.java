package org.hubprice.agents.classic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Transition;

/**
 * Trains {@code dqn} on {@link CartPole} and evaluates it greedily every {@code evalEvery}
 * steps (10 episodes on fixed seeds). Hyperparameters follow the RL Baselines3 Zoo's tuned
 * DQN for CartPole-v1 (learning rate 2.3e-3, batch 64, 1000 warm-up steps, a hard target update
 * once per burst of 128 gradient steps (the Zoo's "every 10 environment steps" takes effect once
 * per burst, since the target is only compared between bursts; a hard copy every 10 gradient
 * steps inside a burst diverges at this learning rate), epsilon 1 to 0.04 over the first 16 % of 100 k steps, 128 gradient steps
 * every 256 environment steps, Huber loss, gradient norm 10) on the paper's 2 x 256 network.
 */
final class CartPoleDqn {
    static final Map<String, Object> PARAMS = Map.ofEntries(Map.entry("hidden", "256,256"), Map.entry("learningRate", 2.3e-3),
            Map.entry("batchSize", 64), Map.entry("bufferCapacity", 100_000), Map.entry("learningStarts", 1000),
            Map.entry("gamma", 0.99), Map.entry("targetUpdate", "hard"), Map.entry("targetUpdateEvery", 128),
            Map.entry("epsilonDecay", "linear"), Map.entry("epsilonStart", 1.0), Map.entry("epsilonEnd", 0.04),
            Map.entry("epsilonDecaySteps", 16_000), Map.entry("loss", "huber"), Map.entry("maxGradNorm", 10.0),
            Map.entry("obsNorm", "none"));
    static final int TRAIN_EVERY = 256;
    static final int GRADIENT_STEPS = 128;
    static final int EVAL_EPISODES = 10;

    /** One greedy evaluation: after {@code step} environment steps, the mean return. */
    record Eval(long step, double meanReturn) {}

    /** What a run produced. */
    record Result(List<Eval> evals, double best, long stepsToTarget, long steps, double seconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bestMeanReturn", best);
            m.put("stepsToTarget", stepsToTarget);
            m.put("steps", steps);
            m.put("seconds", seconds);
            List<List<Number>> curve = new ArrayList<>();
            for (Eval e : evals) {
                curve.add(List.of(e.step(), e.meanReturn()));
            }
            m.put("evaluations", curve);
            m.put("params", PARAMS);
            return m;
        }
    }

    static double evaluate(Agent agent, int episodes, long seed) {
        CartPole env = new CartPole();
        env.reset(seed);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            double[] obs = env.resetContinue();
            SingleAgentEnv.Step s;
            do {
                s = env.step(agent.act(obs, Mode.EVAL));
                total += s.reward();
                obs = s.observation();
            } while (!s.done());
        }
        return total / episodes;
    }

    /**
     * Trains for at most {@code maxSteps} steps and stops early once an evaluation reaches
     * {@code target}.
     */
    static Result run(long seed, long maxSteps, long evalEvery, double target) {
        long start = System.nanoTime();
        AgentContext ctx = new AgentContext(new CartPole().observationSpace(), new CartPole().actionSpace(), PARAMS, seed, "cpu");
        List<Eval> evals = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        long stepsToTarget = -1;
        long step = 0;
        try (Agent agent = AgentRegistry.load().get("dqn").create(ctx)) {
            CartPole env = new CartPole();
            double[] obs = env.reset(seed).observation();
            while (step < maxSteps) {
                double[] a = agent.act(obs, Mode.TRAIN).clone();
                SingleAgentEnv.Step s = env.step(a);
                agent.observe(new Transition(obs, a, s.reward(), s.observation(), s.terminated(), s.truncated()));
                obs = s.done() ? env.resetContinue() : s.observation();
                step++;
                if (step % TRAIN_EVERY == 0) {
                    agent.learn(GRADIENT_STEPS);
                }
                if (step % evalEvery == 0) {
                    double mean = evaluate(agent, EVAL_EPISODES, 1_000_003L);
                    evals.add(new Eval(step, mean));
                    best = Math.max(best, mean);
                    if (mean >= target) {
                        stepsToTarget = step;
                        break;
                    }
                }
            }
        }
        return new Result(evals, best, stepsToTarget, step, (System.nanoTime() - start) / 1e9);
    }
}
