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
}
