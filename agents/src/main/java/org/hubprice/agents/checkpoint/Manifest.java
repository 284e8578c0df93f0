package org.hubprice.agents.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code manifest.json}. Maps hold plain JSON values (numbers, strings,
 * booleans, lists, maps) so the file stays readable by any tool.
 *
 * @param formatVersion checkpoint layout version ({@link Checkpoints#FORMAT_VERSION})
 * @param agent registry name of the factory that can load it ({@code dqn}, ...)
 * @param algorithm human-readable algorithm name ({@code DQN}, ...)
 * @param network the network config ({@code NetworkConfig.toMap()}), empty for agents without one
 * @param hyperparameters every setting needed to rebuild the agent, as parameter keys
 * @param observationSpace {@link SpaceCodec} form
 * @param actionSpace {@link SpaceCodec} form
 * @param normalization observation normalisation and reward scaling state
 * @param seeds the agent's seed and the derived per-component seeds
 * @param versions versions of the project, Java, DJL and the engine
 * @param provenance {@code org.hubprice.common.Provenance.collect()} at save time
 * @param state counters and random-stream states needed to resume exactly
 * @param files the other files of the checkpoint, by role
 */
public record Manifest(int formatVersion, String agent, String algorithm, Map<String, Object> network,
                       Map<String, Object> hyperparameters, Map<String, Object> observationSpace, Map<String, Object> actionSpace,
                       Map<String, Object> normalization, Map<String, Object> seeds, Map<String, Object> versions,
                       Map<String, Object> provenance, Map<String, Object> state, Map<String, String> files) {
    public Manifest {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("manifest: agent name is missing");
        }
        network = copy(network);
        hyperparameters = copy(hyperparameters);
        observationSpace = copy(observationSpace);
        actionSpace = copy(actionSpace);
        normalization = copy(normalization);
        seeds = copy(seeds);
        versions = copy(versions);
        provenance = copy(provenance);
        state = copy(state);
        files = files == null ? Map.of() : new LinkedHashMap<>(files);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }

    /** The keys that differ between two manifests' hyperparameters, for error messages. */
    public static List<String> differingKeys(Map<String, Object> a, Map<String, Object> b) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(k -> !String.valueOf(a.get(k)).equals(String.valueOf(b.get(k)))).toList();
    }

    /**
     * A builder: {@link Builder#setSpaces} is required, the rest optional; the format version,
     * the versions (project, Java; the engine's too for {@link Builder#optEngineVersions}) and
     * the provenance are filled in.
     */
    public static Builder builder(String agent, String algorithm) {
        return new Builder(agent, algorithm);
    }

    /** Builds a {@link Manifest} by name instead of by position. */
    public static final class Builder {
        private final String agent;
        private final String algorithm;
        private Map<String, Object> observationSpace;
        private Map<String, Object> actionSpace;
        private Map<String, Object> network = Map.of();
        private Map<String, Object> hyperparameters = Map.of();
        private Map<String, Object> normalization = Map.of();
        private Map<String, Object> seeds = Map.of();
        private Map<String, Object> state = Map.of();
        private Map<String, String> files = new LinkedHashMap<>();
        private boolean engineVersions;

        private Builder(String agent, String algorithm) {
            this.agent = agent;
            this.algorithm = algorithm;
        }

        /** The spaces the agent was made for; loading checks them (required). */
        public Builder setSpaces(org.hubprice.env.api.Space observation, org.hubprice.env.api.Space action) {
            this.observationSpace = SpaceCodec.toMap(observation);
            this.actionSpace = SpaceCodec.toMap(action);
            return this;
        }

        public Builder optNetwork(Map<String, Object> network) {
            this.network = network;
            return this;
        }

        /** Every setting needed to rebuild the agent, as parameter keys. */
        public Builder optHyperparameters(Map<String, Object> hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** Observation normalisation and reward scaling state ({@code toMap()} of each). */
        public Builder optNormalization(Map<String, Object> observation, Map<String, Object> reward) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("observation", observation);
            n.put("reward", reward);
            this.normalization = n;
            return this;
        }

        /** The agent's seed and its derived streams ({@code RandomStreams.toMap}). */
        public Builder optSeeds(Map<String, Object> seeds) {
            this.seeds = seeds;
            return this;
        }

        /** Counters and random-stream states needed to resume exactly. */
        public Builder optState(Map<String, Object> state) {
            this.state = state;
            return this;
        }

        /** Records the engine (DJL, PyTorch) versions too: for agents whose files the engine wrote. */
        public Builder optEngineVersions() {
            this.engineVersions = true;
            return this;
        }

        /** Adds a file of the checkpoint under its role ({@code actor} → {@code actor.params}). */
        public Builder addFile(String role, String file) {
            files.put(role, file);
            return this;
        }

        public Manifest build() {
            if (observationSpace == null) {
                throw new IllegalStateException("manifest of " + agent + ": setSpaces(observation, action) is required");
            }
            return new Manifest(Checkpoints.FORMAT_VERSION, agent, algorithm, network, hyperparameters, observationSpace, actionSpace,
                    normalization, seeds, engineVersions ? Checkpoints.versions() : Checkpoints.versionsWithoutEngine(),
                    org.hubprice.common.Provenance.collect(), state, files);
        }
    }
}
