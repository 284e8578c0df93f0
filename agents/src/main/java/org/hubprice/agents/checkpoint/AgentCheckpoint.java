package org.hubprice.agents.checkpoint;

import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.nn.ParameterIO;
import org.hubprice.agents.util.Params;

/**
 * The one way learners write and read their checkpoints: a manifest plus named files
 * (network parameters with name and shape checks, binary state such as optimiser moments or a
 * replay buffer), written atomically into the directory with SHA-256 digests
 * ({@link Checkpoints#writeAtomically}) and read back after the digests are checked.
 *
 * <pre>{@code
 * AgentCheckpoint.save(dir, Manifest.builder("dqn", "DQN").setSpaces(obs, act)..., files -> {
 *     files.parameters("online", "q-online.params", online);
 *     files.binary("optimizer", "adam.state", adam::write);
 * });
 * AgentCheckpoint ck = AgentCheckpoint.open(dir);
 * ck.parameters("q-online.params", online);
 * }</pre>
 */
public final class AgentCheckpoint {
    private final Path dir;
    private final Manifest manifest;

    private AgentCheckpoint(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** The files of a checkpoint being written: each call adds one, under its role in the manifest. */
    public static final class Files {
        private final Manifest.Builder manifest;
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(String file, IOConsumer<DataOutputStream> body) {}

        private Files(Manifest.Builder manifest) {
            this.manifest = manifest;
        }

        /** A network's parameters ({@link ParameterIO} format: names, shapes, float32 values). */
        public Files parameters(String role, String file, Block network) {
            return binary(role, file, out -> ParameterIO.write(network, out));
        }

        /** Any binary state, written by {@code body}. */
        public Files binary(String role, String file, IOConsumer<DataOutputStream> body) {
            manifest.addFile(role, file);
            entries.add(new Entry(file, body));
            return this;
        }
    }

    /**
     * Writes the checkpoint: the files {@code declare} names, then the manifest listing them,
     * all into a temporary directory renamed over {@code dir} at the end.
     */
    public static void save(Path dir, Manifest.Builder manifest, IOConsumer<Files> declare) throws IOException {
        Files files = new Files(manifest);
        declare.accept(files);
        Manifest m = manifest.build();
        Checkpoints.writeAtomically(dir, tmp -> {
            Checkpoints.writeManifest(tmp, m);
            for (Files.Entry e : files.entries) {
                Checkpoints.writeBinary(tmp.resolve(e.file()), e.body());
            }
        });
    }

    /** Reads the manifest of {@code dir} after checking the digests of every file. */
    public static AgentCheckpoint open(Path dir) throws IOException {
        return new AgentCheckpoint(dir, Checkpoints.readManifest(dir));
    }

    public Path directory() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Checks the checkpoint against a load request and returns its settings: the agent name
     * and spaces must match ({@link Checkpoints#checkCompatible}), and settings given in the
     * context must agree with the saved ones (the error lists those that differ); absent
     * settings take the saved values.
     */
    public <C> C settings(String agent, AgentContext context, Function<Params, C> parse, Function<C, Map<String, Object>> toMap) {
        // the agent and spaces first: a checkpoint of another agent would otherwise fail on its settings' names
        checkFits(agent, context);
        C saved = parse.apply(Params.of(agent, manifest.hyperparameters()));
        if (!context.params().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(manifest.hyperparameters());
            merged.putAll(context.params());
            Checkpoints.checkSameConfig(dir, toMap.apply(saved), toMap.apply(parse.apply(Params.of(agent, merged))));
        }
        return saved;
    }

    /**
     * Checks that the checkpoint was written by {@code agent} for the context's spaces; the
     * error names every difference ({@link Checkpoints#checkCompatible}).
     */
    public void checkFits(String agent, AgentContext context) {
        Checkpoints.checkCompatible(manifest, dir, agent, context.observationSpace(), context.actionSpace(), null);
    }

    /** The seed the saved agent was created with. */
    public long seed() {
        return Params.of(manifest.agent() + " checkpoint", manifest.seeds()).getLong("seed", 0);
    }

    /** The saved counters and stream states, with typed getters. */
    public Params state() {
        return Params.of(manifest.agent() + " checkpoint", manifest.state());
    }

    /** A part of the saved normalisation ({@code observation}, {@code reward}), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> normalization(String part) {
        return (Map<String, Object>) manifest.normalization().get(part);
    }

    public boolean has(String file) {
        return java.nio.file.Files.exists(dir.resolve(file));
    }

    /** Reads a network's parameters into {@code network}, checking names and shapes. */
    public void parameters(String file, Block network) throws IOException {
        Path f = dir.resolve(file);
        Checkpoints.readBinary(f, in -> ParameterIO.read(network, in, f.toString()));
    }

    /** Reads binary state with {@code body}; a truncated file is named, not an {@code EOFException}. */
    public void binary(String file, IOConsumer<DataInputStream> body) throws IOException {
        Checkpoints.readBinary(dir.resolve(file), body);
    }

    /** A file's path, for messages. */
    public String where(String file) {
        return dir.resolve(file).toString();
    }

    /**
     * Runs {@code restore} on a freshly built {@code agent}; if it fails, closes the agent (its
     * native memory) before the error goes on.
     */
    public static <A extends AutoCloseable> A restoring(A agent, IOConsumer<A> restore) throws IOException {
        try {
            restore.accept(agent);
            return agent;
        } catch (IOException | RuntimeException | Error e) {
            try {
                agent.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
