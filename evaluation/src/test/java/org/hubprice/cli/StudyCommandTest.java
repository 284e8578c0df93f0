package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the study commands: one line naming the option, the value and what is allowed; nothing written. */
class StudyCommandTest {
    @TempDir
    Path tmp;

    private void refused(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains(expected), "expected '" + expected + "' in: " + r.err);
        assertTrue(Files.notExists(tmp.resolve("store")), "nothing written");
    }

    /**
     * With one task at a time, a task updates its hubs on every core: the parent counts with the
     * tasks' one engine thread per operation (it once counted PyTorch's default, every core, and
     * gave each task one thread).
     */
    @Test
    void oneTaskAtATimeUpdatesItsHubsOnEveryCore() throws Exception {
        Path results = tmp.resolve("results");
        Files.createDirectories(results.resolve("sac-ff_sac-ff"));
        Files.writeString(results.resolve("sac-ff_sac-ff/seed-1.json"), "{}");
        // as in a fresh 'study paper' process, which has not set the engine's threads
        String before = System.clearProperty("ai.djl.pytorch.num_threads");
        CliRun r;
        try {
            r = CliRun.of("study", "paper", "--cells", "sac-ff_sac-ff", "--seeds", "1", "--parallel", "1", "--quiet", "--store",
                    tmp.resolve("store").toString(), "--results", results.toString());
        } finally {
            if (before != null) {
                System.setProperty("ai.djl.pytorch.num_threads", before);
            } else {
                System.clearProperty("ai.djl.pytorch.num_threads");
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(r.out.contains("each updating its hubs on " + cores + (cores == 1 ? " thread" : " threads")), r.toString());
        CliRun two = CliRun.of("study", "paper", "--cells", "sac-ff_sac-ff", "--seeds", "1", "--parallel", "1", "--update-threads", "3",
                "--quiet", "--store", tmp.resolve("store").toString(), "--results", results.toString());
        assertTrue(two.out.contains("each updating its hubs on 3 threads and evaluating on " + cores + ";"),
                "--update-threads does not change the evaluation's share of the cores: " + two);
        assertTrue(r.out.contains("evaluating on " + cores + ";"), "one task at a time evaluates on every core: " + r);
    }

    @Test
    void badPlansAreRefusedByName() {
        String store = tmp.resolve("store").toString();
        refused("cell 'sac-ff' is not a cell of the paper study; cells: [sac-ff_sac-ff", "study", "paper", "--cells", "sac-ff", "--store", store);
        refused("Maybe 'no-balking'?", "study", "paper", "--cells", "no-balkng", "--store", store);
        refused("--episodes = 5 is outside the allowed range [20, 100000000]", "study", "paper", "--episodes", "5", "--store", store);
        refused("--replications = 0 is outside the allowed range", "study", "paper", "--replications", "0", "--store", store);
        refused("--market pjm needs --pjm DA.csv,RT.csv", "study", "paper", "--market", "pjm", "--store", store);
        refused("is not a directory, so there is no summary to write again", "study", "summarize", "paper", "--store", store);
        refused("holds no runs", "study", "summarize", "paper", "--store", store, "--results", tmp.toString());
        refused("--market = 'nyiso' is not known; allowed: synthetic", "study", "paper", "--market", "nyiso", "--store", store);
        refused("study 'calvano' is not known; studies: [paper]", "study", "tasks", "calvano");
        refused("--index = 17 is outside the study's tasks [0, 16]", "study", "task", "paper", "--index", "17", "--store", store);
        refused("--cells names 'no-balking' twice", "study", "tasks", "paper", "--cells", "no-balking,no-balking");
        refused("--parallel = 0 must be >= 1", "study", "paper", "--parallel", "0", "--store", store);
        String from = tmp.resolve("from").toString();
        refused("cell 'sac-ff' is not a cell of the paper study", "study", "continue", "paper", "--cell", "sac-ff", "--seed", "1", "--episodes",
                "200", "--from", from, "--store", store);
        refused("--store " + from + " is --from " + from + " (or the same directory through a link): the run at the budget would be trained"
                + " further in place", "study", "continue", "paper",
                "--cell", "sac-ff_sac-ff", "--seed", "1", "--episodes", "200", "--from", from, "--store", from);
        refused("--from " + from + " holds no run sac-ff_sac-ff/seed-2", "study", "continue", "paper", "--cell", "sac-ff_sac-ff", "--seed", "2",
                "--episodes", "200", "--from", from, "--store", store);
        refused("--seed = 0 is not a study seed; allowed: 1..100", "study", "continue", "paper", "--cell", "sac-ff_sac-ff", "--seed", "0",
                "--episodes", "200", "--from", from, "--store", store);
        refused("--node-days = 'a.csv' must name two readable files", "study", "summarize", "paper", "--store", from, "--results",
                tmp.toString(), "--node-days", "a.csv");
    }

    @Test
    void tasksListIsStableAndNamesTheDefaultSeeds() {
        CliRun r = CliRun.of("study", "tasks", "paper");
        assertEquals(0, r.exitCode, r.toString());
        String[] lines = r.out.trim().split("\n");
        assertEquals(17, lines.length);
        assertTrue(lines[0].startsWith("{\"index\":0,\"cell\":\"sac-ff_sac-ff\",\"seed\":1,"), lines[0]);
        assertTrue(lines[16].startsWith("{\"index\":16,\"cell\":\"demand+50\",\"seed\":2,"), lines[16]);
        assertEquals(r.out, CliRun.of("study", "tasks", "paper").out, "the same list every time");
    }

    /**
     * A task another live worker holds: 'study task' stops before doing anything, names the
     * holder and exits with TaskLock.HELD_EXIT_CODE, which 'study paper' counts as skipped.
     */
    @Test
    void aTaskHeldByAnotherWorkerIsSkippedWithItsOwnerNamed() throws Exception {
        Path store = tmp.resolve("store");
        try (var lock = org.hubprice.evaluation.study.TaskLock.acquire(store, "sac-ff_sac-ff/seed-1", "elsewhere:1")) {
            CliRun r = CliRun.of("study", "task", "paper", "--index", "0", "--episodes", "20", "--store", store.toString(), "--results",
                    tmp.resolve("results").toString());
            assertEquals(org.hubprice.evaluation.study.TaskLock.HELD_EXIT_CODE, r.exitCode, r.toString());
            assertTrue(r.err.contains("is being run by elsewhere:1"), r.err);
            assertTrue(Files.notExists(store.resolve("runs")), "nothing trained");
        }
    }
}
