package org.hubprice.evaluation.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.checkpoint.SpaceCodec;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * A policy restored from an agent checkpoint directory (one with {@code manifest.json}), by the
 * factory the manifest names. A discrete agent ({@code Discrete(n)} in the manifest) keeps its
 * levels; any other agent must act in the environment's box. The factory checks that the
 * checkpoint's observation and action spaces fit the environment and says which differ.
 */
public final class CheckpointPolicy implements HubPolicy {
    private final String hub;
    private final Path directory;
    private final Manifest manifest;
    private final AgentFactory factory;
    private final String device;

    private CheckpointPolicy(String hub, Path directory, Manifest manifest, AgentFactory factory, String device) {
        this.hub = hub;
        this.directory = directory;
        this.manifest = manifest;
        this.factory = factory;
        this.device = device;
    }

    /**
     * The checkpoint of {@code hub} at {@code path}: an agent checkpoint directory, or a training
     * checkpoint that holds {@code agents/<hub>} (e.g. {@code runs/x/checkpoints/final}).
     *
     * @throws IllegalArgumentException when the path holds no checkpoint, or the manifest names
     *     an agent that is not registered
     */
    public static CheckpointPolicy open(String hub, Path path, AgentRegistry registry, String device) throws IOException {
        Path dir = resolve(hub, path);
        Manifest m;
        try {
            m = Checkpoints.readManifest(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint of " + hub + " = " + path + " cannot be read: " + e.getMessage(), e);
        }
        AgentFactory f;
        try {
            f = registry.get(m.agent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint of " + hub + " = " + dir + ": " + e.getMessage(), e);
        }
        return new CheckpointPolicy(hub, dir, m, f, device == null ? "cpu" : device);
    }

    private static Path resolve(String hub, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("checkpoint of " + hub + " = " + path + " does not exist (working directory "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("checkpoint of " + hub + " = " + path + " is a file; give the checkpoint directory "
                    + "(the one holding " + Checkpoints.MANIFEST + ")");
        }
        if (Files.isRegularFile(path.resolve(Checkpoints.MANIFEST))) {
            return path;
        }
        Path nested = path.resolve("agents").resolve(hub);
        if (Files.isRegularFile(nested.resolve(Checkpoints.MANIFEST))) {
            return nested;
        }
        throw new IllegalArgumentException("checkpoint of " + hub + " = " + path + " holds no " + Checkpoints.MANIFEST + " and no agents/"
                + hub + "/" + Checkpoints.MANIFEST + ". Maybe point at a run's checkpoints/final or at checkpoints/final/agents/" + hub);
    }

    /** The agent checkpoint directory. */
    public Path directory() {
        return directory;
    }

    /** The checkpoint's manifest. */
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String label() {
        return manifest.agent() + " @ " + directory;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "checkpoint");
        m.put("path", directory.toAbsolutePath().normalize().toString());
        m.put("agent", manifest.agent());
        m.put("algorithm", manifest.algorithm());
        m.put("network", manifest.network());
        m.put("actionSpace", manifest.actionSpace());
        m.put("observationSpace", manifest.observationSpace());
        m.put("seeds", manifest.seeds());
        m.put("versions", manifest.versions());
        m.put("provenance", manifest.provenance());
        return m;
    }

    @Override
    public Agent open(Space observationSpace, Box actionSpace) throws IOException {
        Space saved = SpaceCodec.fromMap(manifest.actionSpace());
        // A discrete agent keeps its levels (mapped onto the box by ActionMap); any other must
        // act in the environment's box, which the factory's compatibility check enforces.
        Space seat = saved instanceof Discrete ? saved : actionSpace;
        try {
            return factory.load(directory, new AgentContext(observationSpace, seat, Map.of(), 0L, device));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(hub + ": " + e.getMessage(), e);
        }
    }
}
