package org.hubprice.training.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.Progress;
import org.hubprice.training.run.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the members of a seed set side by side, {@code parallel} at a time, each in its own
 * child process (so every member is exactly the run {@code train --seed N --out DIR/seed-N}
 * would make, and PyTorch's one-gradient-collector-per-process rule never serialises them).
 * Each member's console output goes to {@code DIR/logs/seed-N.log}; its progress lines feed
 * one display over all members. A resume finishes the unfinished members: a finished member is
 * skipped, one with a checkpoint resumes from it, one that died before its first checkpoint
 * starts again. Ctrl-C stops every member after its episode, with a checkpoint.
 */
public final class SeedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(SeedRuns.class);

    /** Starts one member's training process. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * Starts training seed {@code seed} into {@code memberDir} (resumed from its checkpoint
         * when {@code resume}), with progress lines on standard output and its console log in {@code log}.
         */
        Process start(long seed, Path memberDir, boolean resume, Path log) throws IOException;
    }

    /** What became of each member. */
    public record Outcome(Map<Long, String> status, List<String> failures, Map<String, Object> aggregate) {}

    private final Path dir;
    private final List<Long> seeds;
    private final int parallel;
    private final long maxEpisodes;
    private final Launcher launcher;
    private final SeedProgress progress;
    private final List<Process> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param maxEpisodes each member's episode limit (progress and the finished test)
     */
    public SeedRuns(Path dir, List<Long> seeds, int parallel, long maxEpisodes, Launcher launcher, boolean quiet) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel = " + parallel + " must be >= 1 (default: one member per core)");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.seeds = List.copyOf(seeds);
        this.parallel = Math.min(parallel, seeds.size());
        this.maxEpisodes = maxEpisodes;
        this.launcher = launcher;
        this.progress = new SeedProgress(seeds.size(), maxEpisodes, quiet);
    }

    /** How member {@code seed} stands: "finished", "resume", "restart" (a run with no checkpoint) or "new". */
    public String state(long seed) throws IOException {
        Path m = dir.resolve(SeedList.memberDir(seed));
        Path summary = m.resolve(RunLayout.SUMMARY_JSON);
        if (Files.isRegularFile(summary)) {
            JsonNode s = RunFiles.JSON.readTree(summary.toFile());
            if (!"INTERRUPTED".equals(s.path("stopReason").asText()) && s.path("episodes").asLong() >= maxEpisodes) {
                return "finished";
            }
        }
        if (!Files.exists(m)) {
            return "new";
        }
        return new RunLayout(m).latestCheckpoint() != null && Files.isRegularFile(m.resolve(RunLayout.RUN_JSON)) ? "resume" : "restart";
    }

    /** Trains every unfinished member, then writes {@code seeds.json} and {@code seeds-curve.png}. */
    public Outcome run(Map<String, Object> header) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        Map<Long, String> status = new LinkedHashMap<>();
        ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < seeds.size(); k++) {
            long seed = seeds.get(k);
            String st = state(seed);
            status.put(seed, st);
            if (st.equals("finished")) {
                progress.set(k, maxEpisodes);
                progress.finished(k);
            } else {
                if (st.equals("restart")) {
                    Path m = dir.resolve(SeedList.memberDir(seed));
                    LOG.warn("seed {}: {} holds a run that stopped before its first checkpoint; it starts again", seed, m);
                    RunFiles.deleteRecursively(m);
                }
                queue.add(new long[] {k, seed, st.equals("resume") ? 1 : 0});
            }
        }
        LOG.info("seed set {}: {} members, {} to train, {} at a time", dir, seeds.size(), queue.size(), parallel);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread hook = new Thread(this::stopAll, "hubprice-seeds-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < parallel; w++) {
            Thread t = new Thread(() -> {
                long[] job;
                while (!stopping && (job = queue.poll()) != null) {
                    String failure = runMember((int) job[0], job[1], job[2] == 1);
                    synchronized (status) {
                        status.put(job[1], failure == null ? "finished" : "failed");
                    }
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }, "hubprice-seeds-" + w);
            t.start();
            workers.add(t);
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } finally {
            progress.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        Map<String, Object> aggregate = SeedAggregate.write(dir, seeds, header);
        return new Outcome(status, List.copyOf(failures), aggregate);
    }

    /** Trains one member; returns null on success, else what went wrong. */
    private String runMember(int k, long seed, boolean resume) {
        Path member = dir.resolve(SeedList.memberDir(seed));
        Path log = dir.resolve("logs").resolve(SeedList.memberDir(seed) + ".log");
        Process p;
        try {
            synchronized (running) {
                if (stopping) {
                    return "seed " + seed + ": not started (stopping)";
                }
                p = launcher.start(seed, member, resume, log);
                running.add(p);
            }
        } catch (IOException e) {
            return "seed " + seed + ": cannot start its training process: " + e.getMessage();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(Progress.LINE_PREFIX)) {
                    String[] f = line.substring(Progress.LINE_PREFIX.length()).trim().split(" ");
                    try {
                        progress.set(k, Long.parseLong(f[0]));
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                        // not a progress line after all
                    }
                }
            }
            int code = p.waitFor();
            progress.finished(k);
            if (code != 0) {
                return "seed " + seed + ": training exited with code " + code + (stopping ? " (stopped)" : "") + "; its log: " + log;
            }
            return null;
        } catch (IOException | InterruptedException e) {
            p.destroy();
            return "seed " + seed + ": " + e;
        } finally {
            synchronized (running) {
                running.remove(p);
            }
        }
    }

    /** Asks every member to stop after its episode (each writes a checkpoint), and waits for them. */
    private void stopAll() {
        stopping = true;
        List<Process> ps;
        synchronized (running) {
            ps = new ArrayList<>(running);
        }
        for (Process p : ps) {
            p.destroy();
        }
        for (Process p : ps) {
            try {
                p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The episodes each member has done, for tests and the display. */
    AtomicLongArray episodes() {
        return progress.episodes();
    }
}
