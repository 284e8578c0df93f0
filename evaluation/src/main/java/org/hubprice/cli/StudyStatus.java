package org.hubprice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.evaluation.study.TaskLock;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;

/**
 * Where one task stands in a store, from its files alone: summary (done), lock (running or stale),
 * error record (failed), run directory (trained without a summary, interrupted, or waiting).
 */
final class StudyStatus {
    private StudyStatus() {}

    static Map<String, Object> of(StudyPlan plan, StudyPlan.Task t, Path store, Path results) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", t.index());
        m.put("cell", t.cell().id());
        m.put("seed", t.seed());
        Path lockFile = store.resolve("locks").resolve(t.key().replace('/', '_') + ".lock");
        Path error = StudyTaskRunner.errorFile(store, t);
        Path run = store.resolve("runs").resolve(t.key());
        if (Files.isRegularFile(StudyTaskRunner.summaryFile(results, t))) {
            m.put("status", "done");
            return m;
        }
        long episodes = episodes(run);
        if (Files.isRegularFile(lockFile)) {
            Map<String, Object> lock = TaskLock.read(lockFile);
            Duration age = TaskLock.age(lockFile);
            boolean stale = TaskLock.isStale(lock, age);
            m.put("status", stale ? "stale" : "running");
            m.put("owner", lock.get("owner"));
            m.put("heartbeatAgeSeconds", age == null ? null : age.toSeconds());
            m.put("episodes", episodes);
            m.put("detail", lock.get("owner") + ", heartbeat " + (age == null ? "unknown" : age.toSeconds() + " s ago") + ", " + episodes + "/"
                    + plan.episodes() + " episodes at the last checkpoint" + (stale ? " (stale: the next worker takes it over)" : ""));
            return m;
        }
        if (Files.isRegularFile(error)) {
            String text = Files.readString(error).trim();
            m.put("status", "failed");
            m.put("lastError", text);
            m.put("detail", text.replace('\n', ' '));
            return m;
        }
        m.put("episodes", episodes);
        if (episodes >= plan.episodes()) {
            // trained, but no summary where this command looked: the evaluation was cut short, or the summaries live elsewhere
            m.put("status", "trained");
            m.put("detail", episodes + "/" + plan.episodes() + " episodes, no summary in " + results + ": the evaluation is still to run"
                    + " (run the study again), or the summaries are in another --results directory");
            return m;
        }
        m.put("status", episodes > 0 ? "interrupted" : "waiting");
        if (episodes > 0) {
            m.put("detail", episodes + "/" + plan.episodes() + " episodes at the last checkpoint");
        }
        return m;
    }

    /** Episodes at the run's latest checkpoint (0 without one). */
    static long episodes(Path run) {
        try {
            Path c = new RunLayout(run).latestCheckpoint();
            return c == null ? 0 : RunFiles.JSON.readTree(c.resolve(RunLayout.TRAINER_STATE).toFile()).path("episodes").asLong();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
