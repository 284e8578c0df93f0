package org.hubprice.env.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any {@link ParallelEnv} as a one-copy {@link VectorEnv}, through its map-based API (so it
 * allocates per step; the hub and Calvano games implement {@link VectorEnv} directly). Fixed
 * scenario {@code k} is a reset with its seed and the fixed-start options; training resets use
 * the training options. Infos may carry {@code multiplier}, {@code assigned} and {@code balked}
 * numbers: they are the metrics {@code multiplier}, {@code served} and {@code balked} (the
 * multiplier defaults to the first action component, the counts to 0).
 */
public final class ParallelVectorEnv implements VectorEnv {
    private static final List<String> METRICS = List.of("multiplier", "served", "balked");

    private final ParallelEnv env;
    private final List<String> agents;
    private final Map<String, Object> trainingOptions;
    private final Map<String, Object> fixedOptions;
    private final double[][] observations;
    private final double[] rewards;
    private final double[][] metrics;
    private boolean truncated;
    private String label = "";

    /**
     * @param env the environment
     * @param trainingOptions reset options of training episodes (may be empty)
     * @param fixedOptions reset options of fixed-scenario episodes, such as validation (may be empty)
     */
    public ParallelVectorEnv(ParallelEnv env, Map<String, Object> trainingOptions, Map<String, Object> fixedOptions) {
        this.env = env;
        this.agents = List.copyOf(env.possibleAgents());
        this.trainingOptions = Map.copyOf(trainingOptions);
        this.fixedOptions = Map.copyOf(fixedOptions);
        int n = agents.size();
        observations = new double[n][];
        rewards = new double[n];
        metrics = new double[n][METRICS.size()];
    }

    public ParallelVectorEnv(ParallelEnv env) {
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
    public void reset(int copy, long seed, int scenario) {
        checkCopy(copy);
        ResetResult r = env.reset(seed, scenario == TRAINING ? trainingOptions : fixedOptions);
        for (int i = 0; i < agents.size(); i++) {
            observations[i] = r.observations().get(agents.get(i));
            rewards[i] = 0;
        }
        truncated = false;
        label = scenario == TRAINING ? "seed " + Long.toUnsignedString(seed, 16) : scenarioLabel(scenario);
    }

    @Override
    public String scenarioLabel(int scenario) {
        return "validation " + scenario;
    }

    @Override
    public boolean step(int copy, double[][] actions) {
        checkCopy(copy);
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
            metrics[i][0] = number(info, "multiplier", actions[i].length > 0 ? actions[i][0] : Double.NaN);
            metrics[i][1] = (int) number(info, "assigned", 0);
            metrics[i][2] = (int) number(info, "balked", 0);
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

    private static void checkCopy(int copy) {
        if (copy != 0) {
            throw new IndexOutOfBoundsException("copy " + copy + " of a one-copy environment");
        }
    }

    @Override
    public double[] observation(int copy, int i) {
        return observations[i];
    }

    @Override
    public double reward(int copy, int i) {
        return rewards[i];
    }

    @Override
    public boolean truncated(int copy) {
        return truncated;
    }

    @Override
    public String episodeLabel(int copy) {
        return label;
    }

    @Override
    public List<String> metricNames() {
        return METRICS;
    }

    @Override
    public double metric(int copy, int agent, int metric) {
        return metrics[agent][metric];
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
