package org.hubprice.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.AgentWrapper;
import org.hubprice.agents.LearnerAgent;
import org.hubprice.agents.Policy;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.training.config.HubAgentConfig;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        private final Map<String, Function<AgentContext, ? extends Policy>> objects = new LinkedHashMap<>();
        private final Map<String, HubAgentConfig> named = new LinkedHashMap<>();
        private Path dir;
        private boolean resume;
        private boolean quiet = true;
        private String device = "cpu";
        private int updateThreads = TrainerBuilderOptions.AUTO;

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

        /** The environment (market, hubs, demand) in place of the configuration's; {@link #optSet} overrides apply to it. */
        public Builder optEnv(EnvConfig env) {
            this.env = env;
            return this;
        }

        /**
         * The hub's agent: a {@link Policy}, a {@link org.hubprice.agents.Learner} or an {@link Agent}
         * object. The trainer does not close it; an {@code Agent} object's spaces must be the seat's.
         */
        public Builder optAgent(String hub, Policy agent) {
            Objects.requireNonNull(agent, "agent");
            return optAgent(hub, context -> agent);
        }

        /**
         * The hub's agent, made from the seat's context: its spaces and its seed (split from the
         * run's root seed, so {@link #optSeed} reaches it).
         */
        public Builder optAgent(String hub, Function<AgentContext, ? extends Policy> make) {
            objects.put(hub, Objects.requireNonNull(make, "make"));
            named.remove(hub);
            return this;
        }

        /** The hub's agent by registry name, with its parameters, acting in the environment's price box. */
        public Builder optAgent(String hub, String agentName, Map<String, Object> params) {
            return optAgent(hub, agentName, params, "continuous");
        }

        /**
         * The hub's agent by registry name, with its parameters and its {@code actions}:
         * {@code continuous} (the price box) or {@code discrete} ({@code Discrete(env.pricing.discreteLevels)}).
         */
        public Builder optAgent(String hub, String agentName, Map<String, Object> params, String actions) {
            named.put(hub, new HubAgentConfig(agentName, actions, params));
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

        /** {@code cpu} (default), {@code gpu}, {@code gpu:N} or {@code auto}, for the registered agents (objects bring their own). */
        public Builder optDevice(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Threads that update the hubs side by side (default {@code 0}: {@link
         * Trainer#defaultUpdateThreads()}, at most one per hub whose agent allows it, see {@link
         * org.hubprice.agents.Learner#learnsOnAnyThread}). The results do not depend on it.
         */
        public Builder optUpdateThreads(int threads) {
            this.updateThreads = TrainerBuilderOptions.checkUpdateThreads(threads);
            return this;
        }

        /** Show the progress bar (off by default from Java; it is also off without a terminal). */
        public Builder optProgressBar(boolean show) {
            this.quiet = !show;
            return this;
        }

        /** The configuration this builder will train with (after overrides, environment and agents). */
        public TrainingConfig resolve() {
            TrainingConfig c = config != null ? config : TrainingConfigs.resolve(configName, List.of());
            if (env != null) {
                int n = env.hubs().count();
                // another hub count: the configuration's agents carry over only when shared, unless this builder names every hub's
                c = n != c.hubCount() && union().size() == n ? c.withEnv(env, seatAgents(n)) : c.withEnv(env);
            }
            // the overrides last, so that they apply to the environment given by optEnv too
            c = overrides.isEmpty() ? c : TrainingConfigs.fromYaml(c.toYaml(), "optSet", overrides);
            List<HubAgentConfig> agents = new ArrayList<>(c.agents());
            for (String hub : union()) {
                agents.set(hubIndex(hub, agents.size()), seatAgent(hub));
            }
            return c.withAgents(agents);
        }

        /** The agent this builder gives {@code hub}. */
        private HubAgentConfig seatAgent(String hub) {
            return objects.containsKey(hub) ? new HubAgentConfig(objectName(hub), "continuous", Map.of()) : named.get(hub);
        }

        /** The agents of hubs 0 .. n-1, every one named by this builder (hubIndex refuses a name outside them). */
        private List<HubAgentConfig> seatAgents(int n) {
            HubAgentConfig[] a = new HubAgentConfig[n];
            for (String hub : union()) {
                a[hubIndex(hub, n)] = seatAgent(hub);
            }
            return List.of(a);
        }

        /** Trains and returns the summary (also written to the run directory). */
        public TrainingSummary run() throws IOException {
            if (dir == null) {
                throw new IllegalArgumentException("output directory is missing; call setOutputDir(Path)");
            }
            TrainingConfig c = resolve();
            List<AgentFactory> factories = new ArrayList<>();
            objects.forEach((hub, make) -> factories.add(new ObjectFactory(objectName(hub), make)));
            return Trainer.builder().setConfig(c).setOutputDir(dir).optRegistry(AgentRegistry.load().with(factories)).optDevice(device).optUpdateThreads(updateThreads)
                    .optResume(resume).optQuiet(quiet).optCommand(List.of("Training.builder()")).build().run();
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

    /** A registry entry for one object (or maker) handed to the builder. */
    private record ObjectFactory(String name, Function<AgentContext, ? extends Policy> make) implements AgentFactory {
        private static final Logger LOG = LoggerFactory.getLogger(Training.class);

        @Override
        public String description() {
            return "an object given to Training.builder()";
        }

        @Override
        public Agent create(AgentContext context) {
            return lent(made(context), context);
        }

        @Override
        public Agent load(Path directory, AgentContext context) throws IOException {
            AgentCheckpoint ck = AgentCheckpoint.open(directory);
            ck.checkFits(name, context);
            Policy made = made(context);
            if (made instanceof Agent a) {
                throw new IllegalArgumentException(name + ": an Agent object (" + a.getClass().getName() + ") cannot be resumed from a"
                        + " checkpoint; give the agent by registry name (optAgent(hub, name, params)) to resume, or start a new run");
            }
            if (made instanceof org.hubprice.agents.Learner l && !overridesState(l)) {
                LOG.warn("{}: {} does not implement state()/restore(), so it resumes with nothing learned", name, l.getClass().getName());
            }
            return AgentCheckpoint.restoring(lent(made, context), a -> a.restore(ck.manifest().state()));
        }

        private Policy made(AgentContext context) {
            return Objects.requireNonNull(make.apply(context), name + ": the maker returned null");
        }

        /** The user's object as the seat's agent; the trainer closes its seats, but not what it was lent. */
        private Agent lent(Policy made, AgentContext context) {
            Agent agent;
            if (made instanceof Agent a) {
                if (!a.observationSpace().equals(context.observationSpace()) || !a.actionSpace().equals(context.actionSpace())) {
                    throw new IllegalArgumentException(name + ": the Agent object's spaces (observation " + a.observationSpace() + ", action "
                            + a.actionSpace() + ") are not the seat's (observation " + context.observationSpace() + ", action "
                            + context.actionSpace() + "). Maybe make it with optAgent(hub, context -> ...), which hands over the seat's spaces");
                }
                agent = a;
            } else {
                agent = new LearnerAgent(name, made, context);
            }
            return new AgentWrapper(agent) {
                @Override
                public void close() {}
            };
        }

        private static boolean overridesState(Object learner) {
            try {
                return learner.getClass().getMethod("state").getDeclaringClass() != org.hubprice.agents.Learner.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
