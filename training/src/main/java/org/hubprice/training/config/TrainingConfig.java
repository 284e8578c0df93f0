package org.hubprice.training.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.ConfigDocument;
import org.hubprice.env.config.EnvConfig;

/**
 * A whole training run's configuration: the environment (nested {@link EnvConfig}), one agent
 * per hub, the update schedule, the stopping rules, validation, checkpoints and progress
 * reporting, plus the root seed. Immutable and validated on construction. Read it with
 * {@link TrainingConfigs}; {@link #toMap()} is its complete, resolved form (written to
 * {@code config.yaml} and {@code run.json} of every run).
 *
 * @param description one line for {@code hubprice configs}
 * @param seed the root seed every random stream of the run is derived from
 * @param env the environment
 * @param agents one entry per hub ({@code env.hubs.count}); a single entry is used for every hub
 * @param schedule when agents learn
 * @param stopping when training ends
 * @param validation periodic deterministic checks on fixed training days
 * @param checkpoint periodic, final and best checkpoints
 * @param progress progress bar, log lines and learning-curve redraws
 */
public record TrainingConfig(String description, long seed, EnvConfig env, List<HubAgentConfig> agents, ScheduleConfig schedule,
                             StoppingConfig stopping, ValidationConfig validation, CheckpointConfig checkpoint, ProgressConfig progress) {
    public TrainingConfig {
        description = description == null ? "" : description.strip();
        require("env", env);
        require("agents", agents);
        require("schedule", schedule);
        require("stopping", stopping);
        require("validation", validation);
        require("checkpoint", checkpoint);
        require("progress", progress);
        int hubs = env.hubs().count();
        if (agents.size() == 1 && hubs > 1) {
            List<HubAgentConfig> all = new ArrayList<>();
            for (int i = 0; i < hubs; i++) {
                all.add(agents.get(0));
            }
            agents = all;
        }
        if (agents.size() != hubs) {
            throw new IllegalArgumentException("agents has " + agents.size() + " entries but env.hubs.count = " + hubs
                    + "; give one agent per hub (or a single entry that every hub uses)");
        }
        agents = List.copyOf(agents);
        schedule.checkHubs(hubs);
    }

    private static void require(String key, Object v) {
        if (v == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
    }

    /** Number of hubs (= agents). */
    public int hubCount() {
        return agents.size();
    }

    /** This configuration with another root seed. */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(description, newSeed, env, agents, schedule, stopping, validation, checkpoint, progress);
    }

    /**
     * This configuration with another environment. With another number of hubs, one agent
     * setting shared by all hubs carries over; different agents per hub are refused.
     */
    public TrainingConfig withEnv(EnvConfig newEnv) {
        List<HubAgentConfig> a = agents;
        if (newEnv.hubs().count() != agents.size()) {
            if (agents.stream().distinct().count() != 1) {
                throw new IllegalArgumentException("the environment has " + newEnv.hubs().count() + " hubs but the configuration's agents are "
                        + "set per hub for " + agents.size() + "; Maybe give each of hub_0 .. hub_" + (newEnv.hubs().count() - 1)
                        + " its agent (optAgent), or start from a configuration with one agent for all hubs");
            }
            a = List.of(agents.get(0));
        }
        return new TrainingConfig(description, seed, newEnv, a, schedule, stopping, validation, checkpoint, progress);
    }

    /** This configuration with another environment and its hubs' agents (one per hub, or one for all). */
    public TrainingConfig withEnv(EnvConfig newEnv, List<HubAgentConfig> newAgents) {
        return new TrainingConfig(description, seed, newEnv, newAgents, schedule, stopping, validation, checkpoint, progress);
    }

    /** This configuration with other hub agents (one per hub, or one for all). */
    public TrainingConfig withAgents(List<HubAgentConfig> newAgents) {
        return new TrainingConfig(description, seed, env, newAgents, schedule, stopping, validation, checkpoint, progress);
    }

    /** The complete configuration as nested maps and lists, in a stable order (each section in its record order). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("seed", seed);
        m.put("env", env.toMap());
        List<Map<String, Object>> a = new ArrayList<>();
        for (HubAgentConfig h : agents) {
            a.add(h.toMap());
        }
        m.put("agents", a);
        m.put("schedule", ConfigDocument.toMap(schedule));
        m.put("stopping", stopping.toMap());
        m.put("validation", ConfigDocument.toMap(validation));
        m.put("checkpoint", ConfigDocument.toMap(checkpoint));
        m.put("progress", ConfigDocument.toMap(progress));
        return m;
    }

    /** {@link #toMap()} as YAML; {@link TrainingConfigs#fromYaml} reads it back to an equal configuration. */
    public String toYaml() {
        return TrainingConfigs.toYaml(this);
    }
}
