package org.hubprice.training.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.training.output.RunFiles;
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

    /**
     * What became of each member: status per seed is "finished" (also one finished before),
     * "stopped" (a stop request ended it or kept it from starting; the next run resumes it) or
     * "failed" (see {@code failures}, which name each member's log).
     */
    public record Outcome(Map<Long, String> status, List<String> failures, Map<String, Object> aggregate) {}

    private final Path dir;
    private final List<Long> seeds;
    private final int parallel;
    private final long maxEpisodes;
    private final Launcher launcher;
    private final boolean quiet;

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
        this.quiet = quiet;
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
        ChildTasks children = new ChildTasks(parallel, seeds.size(), maxEpisodes, quiet, "members");
        List<ChildTasks.Job> jobs = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Long> jobSeeds = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            long seed = seeds.get(k);
            String st = state(seed);
            status.put(seed, st);
            if (st.equals("finished")) {
                children.alreadyDone(k);
                continue;
            }
            Path member = dir.resolve(SeedList.memberDir(seed));
            if (st.equals("restart")) {
                LOG.warn("seed {}: {} holds a run that stopped before its first checkpoint; it starts again", seed, member);
                RunFiles.deleteRecursively(member);
            }
            boolean resume = st.equals("resume");
            Path log = dir.resolve("logs").resolve(SeedList.memberDir(seed) + ".log");
            jobs.add(new ChildTasks.Job("seed " + seed, () -> launcher.start(seed, member, resume, log)));
            slots.add(k);
            jobSeeds.add(seed);
        }
        LOG.info("seed set {}: {} members, {} to train, {} at a time", dir, seeds.size(), jobs.size(), Math.min(parallel, Math.max(1, jobs.size())));
        List<ChildTasks.Result> results = children.run(jobs, slots.stream().mapToInt(Integer::intValue).toArray());
        List<String> failures = new ArrayList<>();
        for (int j = 0; j < results.size(); j++) {
            ChildTasks.Result r = results.get(j);
            // a member a stop ended resumes from its checkpoint on the next run: "stopped", not "failed"
            status.put(jobSeeds.get(j), switch (r.status()) {
                case FINISHED -> "finished";
                case SKIPPED -> "skipped";
                case STOPPED -> "stopped";
                case FAILED -> "failed";
            });
            if (r.status() == ChildTasks.Status.FAILED) {
                failures.add(r.message() + "; its log: " + dir.resolve("logs").resolve(SeedList.memberDir(jobSeeds.get(j)) + ".log"));
            }
        }
        Map<String, Object> aggregate = SeedAggregate.write(dir, seeds, header);
        return new Outcome(status, List.copyOf(failures), aggregate);
    }
}
