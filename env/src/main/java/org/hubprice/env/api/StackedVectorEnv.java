package org.hubprice.env.api;

import java.util.List;
import java.util.Map;

/** Single-copy environments side by side (see {@link VectorEnv#stack}). */
final class StackedVectorEnv implements VectorEnv {
    private final List<VectorEnv> envs;
    private final VectorEnv first;

    StackedVectorEnv(List<? extends VectorEnv> envs) {
        if (envs == null || envs.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one environment");
        }
        this.envs = List.copyOf(envs);
        this.first = this.envs.get(0);
        for (int c = 0; c < this.envs.size(); c++) {
            VectorEnv e = this.envs.get(c);
            if (e.copies() != 1) {
                throw new IllegalArgumentException("copy " + c + " has " + e.copies() + " copies; stack single copies");
            }
            if (e.agentCount() != first.agentCount()) {
                throw new IllegalArgumentException("copy " + c + " has " + e.agentCount() + " agents, copy 0 has " + first.agentCount());
            }
            for (int i = 0; i < first.agentCount(); i++) {
                if (!e.observationSpace(i).equals(first.observationSpace(i)) || !e.actionSpace(i).equals(first.actionSpace(i))) {
                    throw new IllegalArgumentException("copy " + c + " agent " + i + " has other spaces than copy 0");
                }
            }
        }
    }

    @Override
    public int copies() {
        return envs.size();
    }

    @Override
    public int agentCount() {
        return first.agentCount();
    }

    @Override
    public String agentName(int agent) {
        return first.agentName(agent);
    }

    @Override
    public Space observationSpace(int agent) {
        return first.observationSpace(agent);
    }

    @Override
    public Space actionSpace(int agent) {
        return first.actionSpace(agent);
    }

    @Override
    public void reset(int copy, long seed, int scenario) {
        envs.get(copy).reset(0, seed, scenario);
    }

    @Override
    public boolean step(int copy, double[][] actions) {
        return envs.get(copy).step(0, actions);
    }

    @Override
    public double[] observation(int copy, int agent) {
        return envs.get(copy).observation(0, agent);
    }

    @Override
    public double reward(int copy, int agent) {
        return envs.get(copy).reward(0, agent);
    }

    @Override
    public boolean truncated(int copy) {
        return envs.get(copy).truncated(0);
    }

    @Override
    public int[] trainingScenarios() {
        return first.trainingScenarios();
    }

    @Override
    public String scenarioLabel(int scenario) {
        return first.scenarioLabel(scenario);
    }

    @Override
    public String episodeLabel(int copy) {
        return envs.get(copy).episodeLabel(0);
    }

    @Override
    public List<String> metricNames() {
        return first.metricNames();
    }

    @Override
    public double metric(int copy, int agent, int metric) {
        return envs.get(copy).metric(0, agent, metric);
    }

    @Override
    public Map<String, Object> describe() {
        return first.describe();
    }

    @Override
    public void close() {
        for (VectorEnv e : envs) {
            e.close();
        }
    }
}
