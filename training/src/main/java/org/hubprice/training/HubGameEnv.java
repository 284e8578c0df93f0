package org.hubprice.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Space;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.ResetOptions;
import org.hubprice.env.hub.HubPeriod;

/**
 * The hub pricing game for the training loop, through {@link HubPricingEnv}'s allocation-free
 * {@code resetFast}/{@code stepFast}. Training resets draw a training day and battery start
 * from the seed (the environment never draws a held-out day for a training reset); validation
 * resets use a fixed training day and the fixed evaluation battery start.
 */
public final class HubGameEnv implements TrainingEnv {
    private final HubPricingEnv env;
    private final double[] multipliers;
    private int[] validationDays = new int[0];

    public HubGameEnv(HubPricingEnv env) {
        this.env = env;
        this.multipliers = new double[env.hubCount()];
    }

    /** The wrapped game. */
    public HubPricingEnv game() {
        return env;
    }

    @Override
    public int agentCount() {
        return env.hubCount();
    }

    @Override
    public String agentName(int i) {
        return HubPricingEnv.agentName(i);
    }

    @Override
    public Space observationSpace(int i) {
        return env.observationSpace(agentName(i));
    }

    @Override
    public Space actionSpace(int i) {
        return env.actionSpace(agentName(i));
    }

    @Override
    public void resetTraining(long seed) {
        env.resetFast(seed, ResetOptions.TRAINING);
    }

    @Override
    public List<String> chooseValidationSlots(int count, long seed) {
        int[] training = env.split().trainingDays();
        int n = Math.min(count, training.length);
        // Partial Fisher-Yates: n distinct training days, then sorted so the set reads by date.
        int[] pool = training.clone();
        SplittableRandom r = Seeds.stream(seed, "validation-days");
        for (int k = 0; k < n; k++) {
            int j = k + r.nextInt(pool.length - k);
            int tmp = pool[k];
            pool[k] = pool[j];
            pool[j] = tmp;
        }
        validationDays = java.util.Arrays.copyOf(pool, n);
        java.util.Arrays.sort(validationDays);
        List<String> labels = new ArrayList<>();
        for (int d : validationDays) {
            labels.add(env.days().get(d).date().toString());
        }
        return labels;
    }

    @Override
    public void resetValidation(long seed, int slot) {
        env.resetFast(seed, ResetOptions.evaluationDay(validationDays[slot]));
    }

    @Override
    public boolean step(double[][] actions) {
        for (int i = 0; i < multipliers.length; i++) {
            multipliers[i] = actions[i][0];
        }
        return env.stepFast(multipliers);
    }

    @Override
    public double[] observation(int i) {
        return env.observation(i);
    }

    @Override
    public double reward(int i) {
        return env.reward(i);
    }

    @Override
    public boolean truncated() {
        // A day ends naturally after 24 periods: terminated, never truncated.
        return false;
    }

    @Override
    public double multiplier(int i) {
        return env.period(i).multiplier;
    }

    @Override
    public int served(int i) {
        return env.period(i).assigned;
    }

    @Override
    public int balked(int i) {
        HubPeriod p = env.period(i);
        return p.balked;
    }

    @Override
    public String episodeLabel() {
        return env.days().get(env.dayIndex()).date().toString();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("game", "hub pricing (MODEL.md)");
        m.put("hubs", env.hubCount());
        m.put("days", env.days().size());
        m.put("firstDay", env.days().get(0).date().toString());
        m.put("lastDay", env.days().get(env.days().size() - 1).date().toString());
        m.put("trainingDays", env.split().trainingCount());
        m.put("testDays", env.split().testCount());
        List<String> test = new ArrayList<>();
        for (int d : env.split().testDays()) {
            test.add(env.days().get(d).date().toString());
        }
        m.put("heldOutDays", test);
        m.put("daCommitmentKwh", env.commitment());
        m.put("observationNormalizer", env.normalizer());
        m.put("configDigest", env.config().digest());
        return m;
    }

    @Override
    public void close() {
        env.close();
    }
}
