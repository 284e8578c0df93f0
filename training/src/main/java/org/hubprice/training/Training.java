package org.hubprice.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.LearnerAgent;
import org.hubprice.agents.Policy;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.training.config.HubAgentConfig;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;

/**
 * Training from Java in one statement, on the same engine as {@code hubprice train}:
 *
 * <pre>{@code
 * TrainingSummary s = Training.builder()
 *         .optAgent("hub_0", myLearner)          // a Policy, Learner or Agent object
 *         .optAgent("hub_1", "sac", Map.of())    // or a registered agent by name
 *         .optEpisodes(1000)
 *         .setOutputDir(Path.of("runs/mine"))
 *         .run();
 * }</pre>
 *
 * The base configuration is the named {@code demo} unless {@link Builder#optConfig} names
 * another (or gives a file or a {@link TrainingConfig}); {@link Builder#optSet} takes the CLI's
 * {@code --set key=value} overrides. A hub not given here keeps the configuration's agent.
 * A {@link Policy} or learner object is wrapped in a {@link LearnerAgent} (its checkpoint keeps
 * the learner's {@code state()}, and {@code optResume(true)} hands it back through
 * {@code restore}); an {@link Agent} object is used as it is and cannot be resumed (give its
 * registry name instead). The run directory is the CLI's: {@code metrics.csv},
 * {@code validation.csv}, checkpoints, {@code run.json}.
 */
public final class Training {
    private Training() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of one Java training run: {@code setOutputDir} is required, the rest optional. */
    public static final class Builder {
        private String configName = "demo";
        private TrainingConfig config;
        private final List<String> overrides = new ArrayList<>();
        private EnvConfig env;
        private final Map<String, Object> objects = new LinkedHashMap<>();
        private final Map<String, HubAgentConfig> named = new LinkedHashMap<>();
        private Path dir;
        private boolean resume;
        private boolean quiet = true;

        private Builder() {}

        /** Where the run is written (required). */
        public Builder setOutputDir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** A named configuration ({@code hubprice configs}) or a YAML file; default {@code demo}. */
        public Builder optConfig(String nameOrFile) {
            this.configName = Objects.requireNonNull(nameOrFile, "nameOrFile");
            this.config = null;
            return this;
        }

        /** A configuration already resolved. */
        public Builder optConfig(TrainingConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** A {@code --set key=value} override of the configuration (e.g. {@code "schedule.gradientSteps=4"}). */
        public Builder optSet(String keyEqualsValue) {
            overrides.add(keyEqualsValue);
            return this;
        }

        /** The environment (market, hubs, demand) in place of the configuration's. */
        public Builder optEnv(EnvConfig env) {
            this.env = env;
            return this;
        }

        /** The hub's agent: a {@link Policy}, a {@link org.hubprice.agents.Learner} or an {@link Agent} object. */
        public Builder optAgent(String hub, Policy agent) {
            objects.put(hub, Objects.requireNonNull(agent, "agent"));
            named.remove(hub);
            return this;
        }

        /** The hub's agent by registry name, with its parameters. */
        public Builder optAgent(String hub, String agentName, Map<String, Object> params) {
            named.put(hub, new HubAgentConfig(agentName, "continuous", params));
            objects.remove(hub);
            return this;
        }

        public Builder optEpisodes(long episodes) {
            return optSet("stopping.maxEpisodes=" + episodes);
        }

        /** The root seed (every stream of the run is split from it). */
        public Builder optSeed(long seed) {
            return optSet("seed=" + seed);
        }

        /** Continue the run in the output directory from its latest checkpoint. */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** Show the progress bar (off by default from Java; it is also off without a terminal). */
        public Builder optProgressBar(boolean show) {
            this.quiet = !show;
            return this;
        }

        /** The configuration this builder will train with (after overrides, environment and agents). */
        public TrainingConfig resolve() {
            TrainingConfig c = config != null ? (overrides.isEmpty() ? config : TrainingConfigs.fromYaml(config.toYaml(), "optConfig", overrides))
                    : TrainingConfigs.resolve(configName, overrides);
            if (env != null) {
                c = new TrainingConfig(c.description(), c.seed(), env, c.agents(), c.schedule(), c.stopping(), c.validation(), c.checkpoint(),
                        c.progress());
            }
            List<HubAgentConfig> agents = new ArrayList<>(c.agents());
            for (String hub : union()) {
                int i = hubIndex(hub, agents.size());
                agents.set(i, objects.containsKey(hub) ? new HubAgentConfig(objectName(hub), "continuous", Map.of()) : named.get(hub));
            }
            return c.withAgents(agents);
        }

        /** Trains and returns the summary (also written to the run directory). */
        public TrainingSummary run() throws IOException {
            if (dir == null) {
                throw new IllegalArgumentException("output directory is missing; call setOutputDir(Path)");
            }
            TrainingConfig c = resolve();
            List<AgentFactory> factories = new ArrayList<>();
            Map<String, Object> runtime = new LinkedHashMap<>();
            objects.forEach((hub, o) -> {
                factories.add(new ObjectFactory(objectName(hub), o));
                runtime.put("agent object " + hub, o.getClass().getName());
            });
            return Trainer.builder().setConfig(c).setOutputDir(dir).optRegistry(AgentRegistry.load().with(factories)).optResume(resume)
                    .optQuiet(quiet).optRuntime(runtime).optCommand(List.of("Training.builder()")).build().run();
        }

        private List<String> union() {
            List<String> hubs = new ArrayList<>(objects.keySet());
            hubs.addAll(named.keySet());
            return hubs;
        }

        private static String objectName(String hub) {
            return "object:" + hub;
        }

        private static int hubIndex(String hub, int hubs) {
            if (hub != null && hub.startsWith("hub_")) {
                try {
                    int i = Integer.parseInt(hub.substring(4));
                    if (i >= 0 && i < hubs) {
                        return i;
                    }
                } catch (NumberFormatException e) {
                    // named below
                }
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < hubs; i++) {
                names.add("hub_" + i);
            }
            throw new IllegalArgumentException("optAgent: hub = '" + hub + "' is not a hub of this configuration; the hubs are " + names);
        }
    }

    /** A registry entry for one object handed to the builder. */
    private record ObjectFactory(String name, Object object) implements AgentFactory {
        @Override
        public String description() {
            return "the object given to Training.builder(): " + object.getClass().getName();
        }

        @Override
        public Agent create(AgentContext context) {
            return object instanceof Agent a ? a : new LearnerAgent(name, (Policy) object, context);
        }

        @Override
        public Agent load(Path directory, AgentContext context) throws IOException {
            if (object instanceof Agent a) {
                throw new IllegalArgumentException(name + ": an Agent object (" + a.getClass().getName() + ") cannot be resumed from a"
                        + " checkpoint; give the agent by registry name (optAgent(hub, name, params)) to resume, or start a new run");
            }
            Agent agent = create(context);
            agent.restore(AgentCheckpoint.open(directory).manifest().state());
            return agent;
        }
    }
}
