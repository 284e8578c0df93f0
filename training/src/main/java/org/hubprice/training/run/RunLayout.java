package org.hubprice.training.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.agents.checkpoint.CheckpointException;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.training.output.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run keeps its files, and the checks on a run directory before anything is written.
 * Training writes through it and {@code RunDirectory} (evaluation) reads through it.
 *
 * <p>{@code run.json} (resolved configuration, seeds, environment, provenance, sessions),
 * {@code config.yaml} (read back by a resume), {@code metrics.csv} (one row per episode),
 * {@code validation.csv}, {@code learning-curve.png}, {@code run-summary.json},
 * {@code checkpoints/last} (periodic), {@code checkpoints/final}, {@code checkpoints/best}.
 *
 * <p>The messages name the command-line options ({@code --out}, {@code --resume}), since the
 * CLI is where users meet them; the Java API takes the same words.
 */
public final class RunLayout {
    private static final Logger LOG = LoggerFactory.getLogger(RunLayout.class);

    public static final String RUN_JSON = "run.json";
    public static final String CONFIG_YAML = "config.yaml";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String VALIDATION_CSV = "validation.csv";
    public static final String CURVE_PNG = "learning-curve.png";
    public static final String SUMMARY_JSON = "run-summary.json";
    public static final String BENCHMARKS_JSON = "validation-benchmarks.json";
    public static final String TRAIN_LOG = "train.log";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String TRAINER_STATE = "trainer-state.json";
    public static final String CHECKPOINT_JSON = "checkpoint.json";
    public static final String AGENTS_DIR = "agents";

    private final Path dir;

    public RunLayout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** A file of the run directory by name. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Checkpoint {@code name} ({@code last}, {@code final}, {@code best}). */
    public Path checkpoint(String name) {
        return dir.resolve(CHECKPOINTS).resolve(name);
    }

    /**
     * Checks that {@code dir} can take a new run (absent, or an empty directory, under a
     * writable parent) or, when resuming, holds one with a checkpoint. Writes nothing.
     *
     * @throws IllegalArgumentException naming the directory and what to do instead
     */
    public static void checkOutputDir(Path dir, boolean resume) {
        Path d = dir.toAbsolutePath().normalize();
        if (resume) {
            if (!Files.isDirectory(d) || !Files.isRegularFile(d.resolve(RUN_JSON))) {
                throw new IllegalArgumentException("--resume: " + dir + " holds no training run (no " + RUN_JSON + "). Maybe another --out, or"
                        + " drop --resume to start a new run");
            }
            if (new RunLayout(d).latestCheckpoint() == null) {
                throw new IllegalArgumentException("--resume: " + dir + " holds no checkpoint (" + CHECKPOINTS + "/last or " + CHECKPOINTS
                        + "/final): the run stopped before its first one. Maybe start it again into another --out");
            }
            if (!Files.isWritable(d)) {
                throw new IllegalArgumentException("--out " + dir + " is not writable; resuming must write checkpoints and metrics there");
            }
            return;
        }
        if (Files.exists(d)) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("--out " + dir + " is a file, not a directory. Maybe another --out");
            }
            if (Files.isRegularFile(d.resolve(RUN_JSON))) {
                throw new IllegalArgumentException("--out " + dir + " already holds a training run (" + RUN_JSON + "); nothing was written."
                        + " Maybe --resume to continue it, or another --out for a new run");
            }
            try (var s = Files.list(d)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir + " exists and is not empty; a new run needs an empty or new directory."
                            + " Maybe another --out");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + dir + " cannot be read: " + e.getMessage());
            }
            if (!Files.isWritable(d)) {
                throw new IllegalArgumentException("--out " + dir + " is not writable. Maybe another --out");
            }
            RunFiles.probeCreatable(dir, d);
            return;
        }
        Path p = d.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p) || !Files.isWritable(p)) {
            throw new IllegalArgumentException("--out " + dir + " cannot be created: " + (p == null ? "no existing parent directory"
                    : p + (Files.isDirectory(p) ? " is not writable" : " is not a directory")) + ". Maybe another --out");
        }
        RunFiles.probeCreatable(dir, p);
    }

    /** The checkpoint a resume continues from: the one of {@code last} and {@code final} with more episodes, or null. */
    public Path latestCheckpoint() {
        Path best = null;
        long bestEpisodes = -1;
        for (String name : List.of("last", "final")) {
            Path c = checkpoint(name);
            Path state = c.resolve(TRAINER_STATE);
            if (Files.isRegularFile(state)) {
                try {
                    long e = RunFiles.JSON.readTree(state.toFile()).path("episodes").asLong(-1);
                    if (e > bestEpisodes) {
                        bestEpisodes = e;
                        best = c;
                    }
                } catch (IOException e) {
                    throw new CheckpointException(state, "is damaged: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? Checkpoints.jsonProblem(j) : e.getMessage()) + "; --resume cannot tell which checkpoint is the latest", e);
                }
            }
        }
        return best;
    }

    /**
     * Deletes the hidden temporary files and directories ({@code .NAME.tmp-...}) an earlier
     * session left when it was killed while writing, in the run directory and in
     * {@code checkpoints/}. A checkpoint killed between its two renames survives only as
     * {@code .NAME.old-...}: it is renamed back when {@code NAME} is missing.
     */
    public void removeLeftovers() throws IOException {
        for (Path d : List.of(dir, dir.resolve(CHECKPOINTS))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> entries;
            try (var s = Files.list(d)) {
                entries = s.sorted().toList();
            }
            for (Path p : entries) {
                String n = p.getFileName().toString();
                int old = n.indexOf(".old-");
                if (n.startsWith(".") && old > 1 && !Files.exists(d.resolve(n.substring(1, old)))) {
                    Files.move(p, d.resolve(n.substring(1, old)));
                    LOG.info("restored {} from {}, left by a session killed while replacing it", d.resolve(n.substring(1, old)), n);
                } else if (n.startsWith(".") && (n.contains(".tmp-") || old > 1)) {
                    RunFiles.deleteRecursively(p);
                    LOG.info("removed {}, left half-written by the earlier session", dir.relativize(p));
                }
            }
        }
    }
}
