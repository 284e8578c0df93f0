package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each status read from a store's files alone: a summary, a lock, an error record, a checkpoint at or below the budget, nothing. */
class StudyStatusTest {
    private static final StudyPlan PLAN = StudyPlan.paper(null, null, 1_000, 2, "synthetic", List.of());

    @TempDir
    Path tmp;

    private void checkpoint(Path store, StudyPlan.Task t, long episodes) throws Exception {
        Path c = new RunLayout(store.resolve("runs").resolve(t.key())).checkpoint("last");
        RunFiles.writeJson(c.resolve(RunLayout.TRAINER_STATE), Map.of("episodes", episodes));
    }

    private Map<String, Object> status(Path store, Path results, int index) throws Exception {
        return StudyStatus.of(PLAN, PLAN.tasks().get(index), store, results);
    }

    @Test
    void summaryErrorCheckpointAndNothingEachReadAsTheirOwnStatus() throws Exception {
        Path store = tmp.resolve("store");
        Path results = tmp.resolve("results");
        List<StudyPlan.Task> tasks = PLAN.tasks();
        RunFiles.writeJson(StudyTaskRunner.summaryFile(results, tasks.get(0)), Map.of("cell", tasks.get(0).cell().id()));
        checkpoint(store, tasks.get(0), 1_000);
        Files.createDirectories(StudyTaskRunner.errorFile(store, tasks.get(1)).getParent());
        Files.writeString(StudyTaskRunner.errorFile(store, tasks.get(1)), "java.lang.IllegalStateException: boom\n  at somewhere");
        checkpoint(store, tasks.get(2), 1_000);
        checkpoint(store, tasks.get(3), 400);

        assertEquals("done", status(store, results, 0).get("status"));
        Map<String, Object> failed = status(store, results, 1);
        assertEquals("failed", failed.get("status"));
        assertEquals("java.lang.IllegalStateException: boom   at somewhere", failed.get("detail"));
        Map<String, Object> trained = status(store, results, 2);
        assertEquals("trained", trained.get("status"), "the whole budget trained and no summary: not 'interrupted'");
        assertTrue(((String) trained.get("detail")).contains("1000/1000 episodes, no summary in " + results), trained.toString());
        Map<String, Object> interrupted = status(store, results, 3);
        assertEquals("interrupted", interrupted.get("status"));
        assertEquals("400/1000 episodes at the last checkpoint", interrupted.get("detail"));
        assertEquals("waiting", status(store, results, 4).get("status"));

        // the same store read against another results directory: the finished run is trained, not done
        assertEquals("trained", status(store, tmp.resolve("elsewhere"), 0).get("status"));
    }

    /** A lock names a running task while its heartbeat (the file's time) is fresh, and a stale one after TaskLock.STALE. */
    @Test
    void aLockReadsAsRunningWhileItsHeartbeatIsFreshAndAsStaleAfter() throws Exception {
        Path store = tmp.resolve("store");
        Path results = tmp.resolve("results");
        StudyPlan.Task t = PLAN.tasks().get(5);
        checkpoint(store, t, 300);
        Path lock = store.resolve("locks").resolve(t.key().replace('/', '_') + ".lock");
        // an owner on another host: only the heartbeat's age can tell whether it lives
        RunFiles.writeJson(lock, Map.of("owner", "elsewhere:4242#0123abcd"));
        Map<String, Object> running = status(store, results, 5);
        assertEquals("running", running.get("status"));
        assertEquals("elsewhere:4242#0123abcd", running.get("owner"));
        assertTrue(((String) running.get("detail")).endsWith("300/1000 episodes at the last checkpoint"), running.toString());
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(org.hubprice.evaluation.study.TaskLock.STALE).minusSeconds(60)));
        Map<String, Object> stale = status(store, results, 5);
        assertEquals("stale", stale.get("status"));
        assertTrue(((String) stale.get("detail")).contains("(stale: the next worker takes it over)"), stale.toString());
    }
}
