package org.hubprice.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;

/**
 * A small pricing duopoly for loop tests: two sellers post multipliers in [1, 2] for
 * {@link #STEPS} periods; a random number of customers (drawn from the reset seed) buys from the
 * cheaper seller (70 %) or splits evenly when prices are within 5 %; profit is
 * {@code (a - 1) · customers}. Observations are {@code [t / STEPS, own last price, other's last price]}.
 */
final class DuopolyEnv implements ParallelEnv {
    static final int STEPS = 6;
    private static final List<String> AGENTS = List.of("seller_0", "seller_1");
    private final Box obsSpace = new Box(new double[] {0, 0, 0}, new double[] {1, 2, 2});
    private final Box actSpace = Box.uniform(1, 2, 1);
    private SplittableRandom rng;
    private int t;
    private final double[] last = {1.5, 1.5};

    @Override
    public List<String> possibleAgents() {
        return AGENTS;
    }

    @Override
    public List<String> agents() {
        return t < STEPS ? AGENTS : List.of();
    }

    @Override
    public Space observationSpace(String agent) {
        return obsSpace;
    }

    @Override
    public Space actionSpace(String agent) {
        return actSpace;
    }

    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        rng = Seeds.stream(seed, "customers");
        t = 0;
        last[0] = 1.5;
        last[1] = 1.5;
        Map<String, double[]> obs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            obs.put(AGENTS.get(i), observation(i));
            infos.put(AGENTS.get(i), Map.of());
        }
        return new ResetResult(obs, infos);
    }

    private double[] observation(int i) {
        return new double[] {(double) t / STEPS, last[i], last[1 - i]};
    }

    @Override
    public StepResult step(Map<String, double[]> actions) {
        double a0 = actions.get(AGENTS.get(0))[0];
        double a1 = actions.get(AGENTS.get(1))[0];
        int customers = 10 + rng.nextInt(5);
        double[] share = new double[2];
        if (Math.abs(a0 - a1) <= 0.05 * Math.min(a0, a1)) {
            share[0] = share[1] = 0.5;
        } else {
            share[a0 < a1 ? 0 : 1] = 0.7;
            share[a0 < a1 ? 1 : 0] = 0.3;
        }
        double[] a = {a0, a1};
        last[0] = a0;
        last[1] = a1;
        t++;
        Map<String, double[]> obs = new LinkedHashMap<>();
        Map<String, Double> rewards = new LinkedHashMap<>();
        Map<String, Boolean> term = new LinkedHashMap<>();
        Map<String, Boolean> trunc = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            String n = AGENTS.get(i);
            double served = customers * share[i];
            obs.put(n, observation(i));
            rewards.put(n, (a[i] - 1) * served);
            term.put(n, t == STEPS);
            trunc.put(n, false);
            infos.put(n, Map.of("multiplier", a[i], "assigned", (int) Math.round(served), "balked", 0));
        }
        return new StepResult(obs, rewards, term, trunc, infos);
    }
}
