package org.hubprice.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;

/**
 * Any {@link ParallelEnv} for the training loop, through its map-based API (so it allocates
 * per step; the hub game uses {@link HubGameEnv} instead). Validation slots are seeds: slot
 * {@code j} resets with its validation seed and {@link #validationOptions}. Infos may carry
 * {@code multiplier}, {@code assigned} and {@code balked} numbers; they feed the metrics when
 * present.
 */
public final class ParallelEnvAdapter implements TrainingEnv {
    private final ParallelEnv env;
    private final List<String> agents;
    private final Map<String, Object> trainingOptions;
    private final Map<String, Object> validationOptions;
    private final double[][] observations;
    private final double[] rewards;
    private final double[] multipliers;
    private final int[] served;
    private final int[] balked;
    private boolean truncated;
    private String label = "";

    /**
     * @param env the environment
     * @param trainingOptions reset options of training episodes (may be empty)
     * @param validationOptions reset options of validation episodes (may be empty)
     */
    public ParallelEnvAdapter(ParallelEnv env, Map<String, Object> trainingOptions, Map<String, Object> validationOptions) {
        this.env = env;
        this.agents = List.copyOf(env.possibleAgents());
        this.trainingOptions = Map.copyOf(trainingOptions);
        this.validationOptions = Map.copyOf(validationOptions);
        int n = agents.size();
        observations = new double[n][];
        rewards = new double[n];
        multipliers = new double[n];
        served = new int[n];
        balked = new int[n];
    }

    public ParallelEnvAdapter(ParallelEnv env) {
        this(env, Map.of(), Map.of());
    }

    @Override
    public int agentCount() {
        return agents.size();
    }

    @Override
    public String agentName(int i) {
        return agents.get(i);
    }

    @Override
    public Space observationSpace(int i) {
        return env.observationSpace(agents.get(i));
    }

    @Override
    public Space actionSpace(int i) {
        return env.actionSpace(agents.get(i));
    }

    @Override
    public void resetTraining(long seed) {
        take(env.reset(seed, trainingOptions));
        label = "seed " + Long.toUnsignedString(seed, 16);
    }

    @Override
    public List<String> chooseValidationSlots(int count, long seed) {
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            labels.add("validation " + j);
        }
        return labels;
    }

    @Override
    public void resetValidation(long seed, int slot) {
        take(env.reset(seed, validationOptions));
        label = "validation " + slot;
    }

    private void take(ResetResult r) {
        for (int i = 0; i < agents.size(); i++) {
            observations[i] = r.observations().get(agents.get(i));
            rewards[i] = 0;
        }
        truncated = false;
    }

    @Override
    public boolean step(double[][] actions) {
        Map<String, double[]> a = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            a.put(agents.get(i), actions[i]);
        }
        StepResult s = env.step(a);
        for (int i = 0; i < agents.size(); i++) {
            String name = agents.get(i);
            double[] o = s.observations().get(name);
            if (o != null) {
                observations[i] = o;
            }
            rewards[i] = s.rewards().getOrDefault(name, 0.0);
            Map<String, Object> info = s.infos() == null ? null : s.infos().get(name);
            multipliers[i] = number(info, "multiplier", actions[i].length > 0 ? actions[i][0] : Double.NaN);
            served[i] = (int) number(info, "assigned", 0);
            balked[i] = (int) number(info, "balked", 0);
        }
        boolean done = s.allDone();
        truncated = false;
        if (done) {
            for (String name : agents) {
                if (!s.terminations().getOrDefault(name, false) && s.truncations().getOrDefault(name, false)) {
                    truncated = true;
                }
            }
        }
        return done;
    }

    private static double number(Map<String, Object> info, String key, double dflt) {
        Object v = info == null ? null : info.get(key);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }

    @Override
    public double[] observation(int i) {
        return observations[i];
    }

    @Override
    public double reward(int i) {
        return rewards[i];
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public double multiplier(int i) {
        return multipliers[i];
    }

    @Override
    public int served(int i) {
        return served[i];
    }

    @Override
    public int balked(int i) {
        return balked[i];
    }

    @Override
    public String episodeLabel() {
        return label;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", env.getClass().getName());
        m.put("agents", agents);
        return m;
    }

    @Override
    public void close() {
        env.close();
    }
}
