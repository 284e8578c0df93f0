package org.hubprice.agents.checkpoint;

import ai.djl.engine.Engine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Provenance;
import org.hubprice.env.api.Space;

/**
 * Writing, reading and checking checkpoint directories.
 *
 * <p><b>Atomicity.</b> {@link #writeAtomically} lets the caller fill a fresh temporary
 * directory next to the target, then renames it onto the target (an existing checkpoint there
 * is first renamed aside and deleted afterwards). A crash leaves either the old checkpoint, the
 * new one, or (in the instant between the two renames) none, plus a hidden temporary directory;
 * never a mixture. Wrappers nest naturally: a wrapper's save writes the inner agent into its
 * own temporary directory, adds its state file, and renames the whole.
 */
public final class Checkpoints {
    /** Layout version written into every manifest. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private Checkpoints() {}

    /**
     * Creates (or replaces) the checkpoint directory {@code dir} with the files {@code writer}
     * puts into the temporary directory it is given. Refuses to replace a non-empty directory
     * that is not a checkpoint, so a mistyped path cannot delete unrelated files.
     */
    public static void writeAtomically(Path dir, IOConsumer<Path> writer) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("checkpoint directory = " + dir + " has no parent directory");
        }
        Files.createDirectories(parent);
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException("checkpoint directory = " + dir + " exists and is a file; Maybe another path?");
            }
            if (!Files.exists(target.resolve(MANIFEST)) && !isEmpty(target)) {
                throw new IllegalArgumentException("checkpoint directory = " + dir + " exists, is not empty and holds no " + MANIFEST
                        + "; refusing to replace it. Maybe another path?");
            }
        }
        replaceDirectory(target, tmp -> {
            writer.accept(tmp);
            CheckpointDigests.seal(tmp, true);
        });
    }

    /**
     * Lets {@code writer} fill a temporary sibling directory, then renames it onto {@code dir};
     * an existing {@code dir} is first renamed aside and deleted after the switch. A crash leaves
     * the old directory, the new one, or (between the two renames) a hidden {@code .old-} one;
     * never a half-written one. No check on what {@code dir} held: callers decide that.
     */
    public static void replaceDirectory(Path dir, IOConsumer<Path> writer) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            writer.accept(tmp);
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.delete(old);
                move(target, old);
                move(tmp, target);
                deleteRecursively(old);
            } else {
                move(tmp, target);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a directory tree (no-op when absent). */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // the temporary directory is hidden and named .tmp-; leaving it behind is harmless
        }
    }

    /** Writes {@code manifest} as {@code dir/manifest.json}. */
    public static void writeManifest(Path dir, Manifest manifest) throws IOException {
        Json.write(dir.resolve(MANIFEST), manifest);
    }

    /**
     * Reads {@code dir/manifest.json} after checking every file of the checkpoint against its
     * {@value CheckpointDigests#FILE} ({@link CheckpointDigests#verify}). A checkpoint written
     * before digests existed loads with a note in the log (once per directory); a missing,
     * damaged or mismatched file is a {@link CheckpointException} naming it.
     */
    public static Manifest readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, dir + " is not a checkpoint directory (no " + MANIFEST + ")");
        }
        if (!CheckpointDigests.verify(dir) && UNCHECKED_NOTED.add(dir.toAbsolutePath().normalize())) {
            LOG.info("note: checkpoint {} has no {} (written before checkpoints carried digests); its files are loaded without a check."
                    + " Saving it again (e.g. train --resume) adds them", dir, CheckpointDigests.FILE);
        }
        Manifest m = readJson(file, Manifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new CheckpointException(file, "has checkpoint format " + m.formatVersion() + "; this version reads format " + FORMAT_VERSION, null);
        }
        return m;
    }

    private static final java.util.Set<Path> UNCHECKED_NOTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Checkpoints.class);

    /**
     * Reads a JSON file of a checkpoint as {@code type}; a file that is not valid JSON or does not
     * have the expected fields is a {@link CheckpointException} naming it and the line, in our words.
     */
    public static <T> T readJson(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "is missing", null);
        }
        try {
            // syntax first (a cut-off or scrambled file), then the fields: each has its own wording
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new CheckpointException(file, "is empty", null);
            }
            return Json.MAPPER.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CheckpointException(file, "is damaged: " + jsonProblem(e), e);
        } catch (RuntimeException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new CheckpointException(file, "is damaged: " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), e);
        }
    }

    /** What a JSON parser or binder found wrong, without the library's wording: the kind of problem and its line. */
    public static String jsonProblem(com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
        String where = loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "it ends in the middle of its JSON" + where + ", so it is truncated";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "it is not valid JSON" + where;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "it has an unknown field '" + u.getPropertyName() + "'" + where;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getPath() != null && !m.getPath().isEmpty()) {
            return "field '" + org.hubprice.common.ConfigDocument.dottedPath(m.getPath()) + "' has a value of the wrong type" + where;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
            Throwable c = e.getCause();
            return "its content is invalid" + (c != null && c.getMessage() != null ? " (" + c.getMessage() + ")" : "") + where;
        }
        return "its content does not have the expected fields" + where;
    }

    /** Versions of the project, Java, DJL and the engine, for the manifest. */
    public static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("project", Provenance.projectVersion());
        v.put("java", System.getProperty("java.version"));
        v.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        v.put("engine", engine.getEngineName());
        v.put("engineVersion", engine.getVersion());
        return v;
    }

    /** Versions without touching the engine (for agents that do not use DJL). */
    public static Map<String, Object> versionsWithoutEngine() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("project", Provenance.projectVersion());
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    /**
     * Throws an {@link IllegalArgumentException} naming every difference between what the
     * checkpoint was written for and what the caller expects: agent name, observation space,
     * action space, network.
     *
     * @param network the expected network config map, or {@code null} to skip that check
     */
    public static void checkCompatible(Manifest m, Path dir, String agent, Space observationSpace, Space actionSpace,
                                       Map<String, Object> network) {
        StringBuilder diff = new StringBuilder();
        if (!m.agent().equals(agent)) {
            diff.append("\n  agent: checkpoint '").append(m.agent()).append("', expected '").append(agent).append('\'');
        }
        Space savedObs = SpaceCodec.fromMap(m.observationSpace());
        if (!savedObs.equals(observationSpace)) {
            diff.append("\n  observation space: checkpoint ").append(savedObs).append(", environment ").append(observationSpace);
        }
        Space savedAct = SpaceCodec.fromMap(m.actionSpace());
        if (!savedAct.equals(actionSpace)) {
            diff.append("\n  action space: checkpoint ").append(savedAct).append(", environment ").append(actionSpace);
        }
        if (network != null) {
            List<String> keys = Manifest.differingKeys(m.network(), network);
            for (String k : keys) {
                diff.append("\n  network ").append(k).append(": checkpoint ").append(m.network().get(k)).append(", configured ")
                        .append(network.get(k));
            }
        }
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + dir + " does not match:" + diff
                    + "\nMaybe load it with the environment and agent settings it was trained with");
        }
    }

    /**
     * Throws when a setting given at load time contradicts the checkpoint: {@code saved} and
     * {@code requested} are the agent's full configuration maps, parsed the same way.
     */
    public static void checkSameConfig(Path dir, Map<String, Object> saved, Map<String, Object> requested) {
        List<String> keys = Manifest.differingKeys(saved, requested);
        if (!keys.isEmpty()) {
            StringBuilder sb = new StringBuilder("checkpoint " + dir + " was trained with other settings:");
            for (String k : keys) {
                sb.append("\n  ").append(k).append(": checkpoint ").append(saved.get(k)).append(", requested ").append(requested.get(k));
            }
            sb.append("\nMaybe drop these settings when loading, so the checkpoint's values apply");
            throw new IllegalArgumentException(sb.toString());
        }
    }

    /** Writes a binary file of the checkpoint through a buffered data stream. */
    public static void writeBinary(Path file, IOConsumer<DataOutputStream> body) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            body.accept(out);
        }
    }

    /**
     * Reads a binary file of the checkpoint. A missing file, one that ends early or one whose
     * content the reader rejects as corrupt is a {@link CheckpointException} naming the file.
     */
    public static void readBinary(Path file, IOConsumer<DataInputStream> body) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "is missing", null);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            body.accept(in);
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new CheckpointException(file, "is truncated or damaged: it ends before the data it announces (" + Files.size(file) + " bytes)", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(file.toString(), "").replaceFirst("^[:\\s]+", "");
            throw new CheckpointException(file, why.startsWith("is ") ? why : "is damaged: " + why, e);
        }
    }
}
