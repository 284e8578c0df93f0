package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubprice.evaluation.study.RunSummary;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.evaluation.study.TaskLock;
import org.hubprice.training.StopReason;
import org.hubprice.training.TrainingSummary;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.ResumePolicy;
import org.hubprice.training.run.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One study task, idempotent: a task whose summary exists returns at once; otherwise its run
 * trains (resuming from its last checkpoint when there is one), is evaluated on the held-out
 * days with the best responses ({@code evaluate --best-response}), and its summary is written
 * atomically to {@code RESULTS/CELL/seed-N.json}. The run lives in {@code STORE/runs/CELL/seed-N}.
 */
final class StudyTaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StudyTaskRunner.class);

    private StudyTaskRunner() {}

    /** The summary file of {@code task}. */
    static Path summaryFile(Path results, StudyPlan.Task task) {
        return results.resolve(task.key() + ".json");
    }

    /**
     * Runs task {@code index}, its hubs updated on {@code updateThreads} threads (null: the
     * trainer's default); returns "done" when its summary already existed, else "finished".
     */
    static String run(StudyPlan plan, int index, Path store, Path results, boolean progressLines, int evalThreads, Integer updateThreads)
            throws Exception {
        StudyPlan.Task task = plan.task(index);
        Path summary = summaryFile(results, task);
        if (Files.isRegularFile(summary)) {
            LOG.info("task {} ({}): summary {} exists; nothing to do", index, task.key(), summary);
            return "done";
        }
        try (TaskLock lock = TaskLock.acquire(store, task.key(), TaskLock.self())) {
            try {
                String outcome = runLocked(lock, plan, task, store, summary, progressLines, evalThreads, updateThreads);
                Files.deleteIfExists(errorFile(store, task));
                return outcome;
            } catch (Interrupted e) {
                // a stop (Ctrl-C, SIGTERM) is not a failure: the checkpoint resumes it, and 'study status' reads it as interrupted
                Files.deleteIfExists(errorFile(store, task));
                throw e;
            } catch (Exception | Error e) {
                RunFiles.writeString(errorFile(store, task), java.time.Instant.now() + " " + TaskLock.self() + "\n" + e + "\n");
                throw e;
            }
        }
    }

    /** Training stopped on request before the budget: resumable, so no error record. */
    static final class Interrupted extends IllegalStateException {
        Interrupted(String message) {
            super(message);
        }
    }

        /** Where a failed task records its last error (read by {@code study status}). */
    static Path errorFile(Path store, StudyPlan.Task task) {
        return store.resolve("errors").resolve(task.key().replace('/', '_') + ".txt");
    }

    private static String runLocked(TaskLock lock, StudyPlan plan, StudyPlan.Task task, Path store, Path summary, boolean progressLines, int evalThreads,
                                    Integer updateThreads) throws Exception {
        int index = task.index();
        if (Files.isRegularFile(summary)) {
            return "done";
        }
        Path runDir = store.resolve("runs").resolve(task.key()).toAbsolutePath().normalize();
        Path evalDir = runDir.resolve("eval");
        List<String> argv = List.of("hubprice", "study", "task", plan.name(), "--index", Integer.toString(index));
        if (!trained(runDir, plan.episodes())) {
            RunLayout layout = new RunLayout(runDir);
            boolean resume = Files.isRegularFile(layout.file(RunLayout.RUN_JSON)) && layout.latestCheckpoint() != null;
            if (!resume && Files.exists(runDir)) {
                LOG.warn("task {}: {} holds a run that stopped before its first checkpoint; it starts again", index, runDir);
                RunFiles.deleteRecursively(runDir);
            }
            // a resume takes the plan's budget and reporting settings too (a larger --episodes continues the run); anything
            // else the plan sets must equal what the run started with, which resumeConfig checks
            TrainingConfig c = resume ? ResumePolicy.resumeConfig(runDir, null, plan.trainingOverrides(), task.seed())
                    : TrainingConfigs.resolve(task.cell().id(), plan.trainingOverrides()).withSeed(task.seed());
            if (!resume) {
                Files.createDirectories(runDir.getParent());
                RunLayout.checkOutputDir(runDir, false);
            }
            LOG.info("task {} ({}): {} training to {} episodes", index, task.key(), resume ? "resuming" : "starting", plan.episodes());
            java.util.function.LongConsumer injected = injectedFailure(store, task, c);
            String what = "task " + index + " (" + task.key() + ")";
            // after every episode: a worker whose lock was taken over stops before its next checkpoint;
            // the heartbeat notices a takeover within its beat, so before an episode that writes a
            // checkpoint (periodic, or the best one after validation) the lock file itself is read
            long every = c.checkpoint().every();
            long validateEvery = c.validation().every();
            java.util.function.LongConsumer listener = episodes -> {
                if (lock.lost() || episodes % every == 0 || episodes % validateEvery == 0) {
                    lock.ensureHeld(what);
                }
                if (injected != null) {
                    injected.accept(episodes);
                }
            };
            TrainingSummary trainedNow = TrainCommand.run(c, runDir, "cpu", resume, true, argv, progressLines, listener, updateThreads);
            if (!trained(runDir, plan.episodes()) && trainedNow.stopReason() == StopReason.INTERRUPTED) {
                throw new Interrupted("task " + index + " (" + task.key() + "): stopped at " + trainedNow.episodes() + " of " + plan.episodes()
                        + " episodes; run the task again to resume it from its checkpoint");
            }
            if (!trained(runDir, plan.episodes())) {
                throw new IllegalStateException("task " + index + " (" + task.key() + "): training stopped before " + plan.episodes()
                        + " episodes (see " + runDir.resolve(RunLayout.TRAIN_LOG) + "); run the task again to resume it");
            }
            lock.ensureHeld(what);
            // evaluations of the checkpoint before this training would describe other policies
            RunFiles.deleteRecursively(evalDir);
            RunFiles.deleteRecursively(runDir.resolve(RunSummary.NODE_DAYS_DIR));
        }
        lock.ensureHeld("task " + index + " (" + task.key() + ")");
        if (!Files.isRegularFile(evalDir.resolve("summary.json"))) {
            RunFiles.deleteRecursively(evalDir);
            List<String> args = new ArrayList<>(List.of("evaluate", "--run", runDir.toString(), "--best-response", "--replications",
                    Integer.toString(plan.replications()), "--threads", Integer.toString(evalThreads), "--out", evalDir.toString()));
            LOG.info("task {} ({}): evaluating on the held-out days", index, task.key());
            StudyTasks.inProcess(args);
        }
        Map<String, Object> s = RunSummary.build(plan, task, runDir, evalDir);
        lock.ensureHeld("task " + index + " (" + task.key() + ")");
        RunFiles.writeJson(summary, s);
        LOG.info("task {} ({}): summary written to {}", index, task.key(), summary);
        return "finished";
    }

    /**
     * For tests of retries: with {@code -Dhubprice.study.failOnce=I}, task {@code I} fails once, in
     * the episode after its first checkpoint (a marker file in the store makes the retry run
     * through). Null otherwise.
     */
    private static java.util.function.LongConsumer injectedFailure(Path store, StudyPlan.Task task, TrainingConfig c) throws java.io.IOException {
        String p = System.getProperty("hubprice.study.failOnce");
        if (p == null || !p.equals(Integer.toString(task.index()))) {
            return null;
        }
        Path marker = store.resolve(".failed-once-" + task.index());
        if (Files.exists(marker)) {
            return null;
        }
        long after = c.checkpoint().every() + 1;
        return episodes -> {
            if (episodes == after) {
                try {
                    Files.createFile(marker);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new IllegalStateException("injected failure of task " + task.index() + " at episode " + episodes
                        + " (-Dhubprice.study.failOnce)");
            }
        };
    }

    /** Whether {@code runDir} holds a run that stopped cleanly with at least {@code episodes} episodes. */
    static boolean trained(Path runDir, long episodes) throws java.io.IOException {
        Path s = runDir.resolve(RunLayout.SUMMARY_JSON);
        if (!Files.isRegularFile(s)) {
            return false;
        }
        JsonNode n = RunFiles.JSON.readTree(s.toFile());
        return !"INTERRUPTED".equals(n.path("stopReason").asText()) && n.path("episodes").asLong() >= episodes;
    }
}
