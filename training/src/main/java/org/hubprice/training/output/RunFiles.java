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

    /** Deletes a directory tree; absent is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        org.hubprice.agents.checkpoint.Checkpoints.deleteRecursively(dir);
    }
}
