package org.hubprice.training.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hubprice.agents.checkpoint.IOConsumer;

/**
 * Atomic writes of run outputs: a file or a directory is first written under a hidden
 * temporary name next to its target, then renamed onto it, so a reader (or a run killed
 * half-way) never sees a partly written file or checkpoint.
 */
public final class RunFiles {
    /** JSON for run outputs: indented, keys in insertion order. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private RunFiles() {}

    /** Writes {@code text} to {@code file} atomically. */
    public static void writeString(Path file, String text) throws IOException {
        writeFile(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Writes {@code value} as JSON to {@code file} atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        writeFile(file, tmp -> JSON.writeValue(tmp.toFile(), value));
    }

    /** Lets {@code writer} fill a temporary file, then renames it onto {@code file}. */
    public static void writeFile(Path file, IOConsumer<Path> writer) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".tmp-", "");
        try {
            writer.accept(tmp);
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Lets {@code writer} fill a temporary directory, then renames it onto {@code dir}; an
     * existing {@code dir} is first renamed aside and deleted after the switch. A crash leaves
     * the old directory, the new one, or (between the two renames) a hidden {@code .old-} one.
     */
    public static void writeDirectory(Path dir, IOConsumer<Path> writer) throws IOException {
        org.hubprice.agents.checkpoint.Checkpoints.replaceDirectory(dir, writer);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Checks that {@code --out dir} can be created in {@code where} (its nearest existing
     * directory) by creating and deleting a hidden directory there: permissions do not tell
     * everything ({@code /proc} and read-only mounts look writable to root), so an output that
     * cannot be written fails before any work, with what is wrong and what to do.
     */
    public static void probeCreatable(Path dir, Path where) {
        try {
            Path probe = Files.createTempDirectory(where, ".hubprice-probe-");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "the file system there refuses new entries"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            throw new IllegalArgumentException("--out " + dir + " cannot be created: " + where + " does not take new files or directories ("
                    + why + "). Maybe another --out, e.g. runs/NAME under the working directory", e);
        }
    }

    /** Deletes a directory tree; absent is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        org.hubprice.agents.checkpoint.Checkpoints.deleteRecursively(dir);
    }
}
