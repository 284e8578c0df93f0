package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code study paper} end to end on a tiny budget: tasks train and evaluate side by side, write
 * their summaries, and the page is generated from them; a finished study runs nothing again; a
 * study stopped with SIGTERM resumes its runs from their checkpoints.
 */
class StudyPaperIT {
    @TempDir
    Path tmp;

    private static final List<String> TINY = List.of("--episodes", "20", "--replications", "1", "--seeds", "1");

    @Test
    void tinyStudyTrainsEvaluatesSummarisesAndReports() throws Exception {
        Path store = tmp.resolve("store");
        List<String> a = new ArrayList<>(List.of("study", "paper", "--cells", "sac-ff_sac-ff,dqn-ff_dqn-ff", "--quiet", "--store", store.toString()));
        a.addAll(TINY);
        CliRun r = CliRun.of(a.toArray(new String[0]));
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("2 of 2 tasks finished"), r.out);
        JsonNode s = new ObjectMapper().readTree(store.resolve("results/sac-ff_sac-ff/seed-1.json").toFile());
        assertEquals("sac-ff_sac-ff", s.path("cell").asText());
        assertEquals(20, s.path("episodes").asInt());
        assertEquals(20, s.path("learningCurve").size(), "a validation pass every 5 % of the budget");
        assertEquals(32, s.path("heldOut").path("perDay").path("delta").size());
        assertEquals(2, s.path("heldOut").path("exploitability").size(), "exploitability per hub");
        assertTrue(s.path("heldOut").path("deltaNash").path("median").isNumber());
        assertTrue(s.path("convergence").has("converged"));

        CliRun again = CliRun.of(a.toArray(new String[0]));
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains("2 tasks, 0 to run"), again.out);

        Path docs = tmp.resolve("docs");
        CliRun rep = CliRun.of("study", "report", "--results", store.resolve("results").toString(), "--out", docs.toString());
        assertEquals(0, rep.exitCode, rep.toString());
        String md = Files.readString(docs.resolve("RESULTS.md"));
        assertTrue(md.contains("| sac-ff_sac-ff | 1 | 20 |") && md.contains("| dqn-ff_dqn-ff | 1 | 20 |"), md);
        assertTrue(md.contains("SAC prices above DQN"), md);
        CliRun rep2 = CliRun.of("study", "report", "--results", store.resolve("results").toString(), "--out", tmp.resolve("docs2").toString());
        assertEquals(0, rep2.exitCode, rep2.toString());
        assertEquals(md, Files.readString(tmp.resolve("docs2/RESULTS.md")), "the same summaries give the same page");
        assertTrue(Files.readString(docs.resolve("results.html")).contains("data:image/png;base64,"));

        CliRun tasks = CliRun.of("study", "tasks", "paper");
        assertEquals(0, tasks.exitCode, tasks.toString());
        assertEquals(17, tasks.out.lines().count(), "8 cells: 3 seeds for sac-ff_sac-ff, 2 for the others");

        summarizeRewritesOnlyWhatItCanVouchFor(store, s);
        continueTrainsACopyFurther(store);
    }

    /**
     * {@code study continue}: the finished sac-ff run trains from 20 to 30 episodes on a copy in
     * another store; the original run is untouched, the copy's summary lands in results/longer and
     * the page sets it beside the run at the budget. A budget that is not larger is refused.
     */
    private void continueTrainsACopyFurther(Path store) throws Exception {
        Path other = tmp.resolve("longer-store");
        Path longer = store.resolve("results/longer");
        Files.createDirectories(store.resolve("runs/sac-ff_sac-ff/seed-1/eval-old"));
        Files.writeString(store.resolve("runs/sac-ff_sac-ff/seed-1/eval-old/summary.json"), "{}");
        CliRun refused = CliRun.of("study", "continue", "paper", "--cell", "sac-ff_sac-ff", "--seed", "1", "--episodes", "20", "--from",
                store.toString(), "--store", other.toString(), "--replications", "1");
        assertEquals(2, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("--episodes = 20 must be more than the 20 episodes sac-ff_sac-ff/seed-1 has trained"), refused.err);
        assertTrue(Files.notExists(other), "nothing written");

        Path source = store.resolve("runs/sac-ff_sac-ff/seed-1");
        java.util.Map<String, String> before = digests(source);
        String[] args = {"study", "continue", "paper", "--cell", "sac-ff_sac-ff", "--seed", "1", "--episodes", "30", "--from", store.toString(),
            "--store", other.toString(), "--results", longer.toString()};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode, r.toString());
        ObjectMapper json = new ObjectMapper();
        assertEquals(before, digests(source), "the run at the budget is left as it was, file for file");
        JsonNode run = json.readTree(other.resolve("runs/sac-ff_sac-ff/seed-1/run.json").toFile());
        assertEquals(2, run.path("sessions").size(), "the copy resumed the run: " + run.path("sessions"));
        assertEquals(20, run.path("sessions").get(1).path("episodesAtStart").asLong());
        JsonNode s = json.readTree(longer.resolve("sac-ff_sac-ff/seed-1.json").toFile());
        assertEquals(30, s.path("episodes").asInt());
        assertEquals(30, s.path("budgetEpisodes").asInt());
        assertTrue(Files.notExists(other.resolve("runs/sac-ff_sac-ff/seed-1/eval-old")), "evaluations are not copied");
        assertEquals(1, s.path("heldOut").path("replications").asInt(), "as many draws as the run's own evaluation");
        String md = org.hubprice.evaluation.study.StudyReport.read(store.resolve("results")).markdown();
        String section = md.substring(md.indexOf("## Does longer training change the answer?"));
        assertTrue(section.contains("| sac-ff_sac-ff | 1 | 20 |") && section.contains("| sac-ff_sac-ff | 1 | 30 |"), md);

        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains("from 20 to 30 episodes: done"), again.out);
        String[] more = args.clone();
        more[8] = "40";
        CliRun other40 = CliRun.of(more);
        assertEquals(2, other40.exitCode, other40.toString());
        assertTrue(other40.err.contains("--results already holds " + longer.resolve("sac-ff_sac-ff/seed-1.json") + " (30 episodes)"), other40.err);
        Path origin = other.resolve("runs/sac-ff_sac-ff/seed-1/" + StudyContinueCommand.ORIGIN);
        Files.writeString(origin, Files.readString(origin).replace(source.toString(), "/elsewhere/run"));
        String[] foreign = more.clone();
        foreign[foreign.length - 1] = tmp.resolve("longer-40").toString();
        CliRun taken = CliRun.of(foreign);
        assertEquals(2, taken.exitCode, taken.toString());
        assertTrue(taken.err.contains("is not a copy of " + source.toAbsolutePath().normalize() + " (it came from /elsewhere/run)"), taken.err);
    }

    /** SHA-256 of every file under {@code dir}, by relative path. */
    private static java.util.Map<String, String> digests(Path dir) throws Exception {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), org.hubprice.agents.checkpoint.CheckpointDigests.sha256(p));
            }
        }
        return m;
    }

    /** {@code study summarize}: an old summary regains a dropped field from the store; nothing else changes or is touched. */
    private void summarizeRewritesOnlyWhatItCanVouchFor(Path store, JsonNode original) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path sac = store.resolve("results/sac-ff_sac-ff/seed-1.json");
        Path dqn = store.resolve("results/dqn-ff_dqn-ff/seed-1.json");
        assertEquals(24, original.path("heldOut").path("exploitability").path(0).path("bestResponseMultiplierPerHour").size());
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) original.deepCopy();
        for (JsonNode h : old.path("heldOut").path("exploitability")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) h).remove(List.of("learnedMultiplierPerHour", "bestResponseMultiplierPerHour"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) h).putNull("scheduleOutOfSamplePercent"); // not measured then: filled now
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.path("machine")).put("gitCommit", "an older evaluation's commit");
        Files.writeString(sac, json.writeValueAsString(old));
        com.fasterxml.jackson.databind.node.ObjectNode foreign = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dqn.toFile());
        foreign.put("configDigest", "0".repeat(64));
        Files.writeString(dqn, json.writeValueAsString(foreign));
        List<String> a = new ArrayList<>(List.of("study", "summarize", "paper", "--cells", "sac-ff_sac-ff,dqn-ff_dqn-ff", "--store",
                store.toString()));
        a.addAll(TINY);
        CliRun r = CliRun.of(a.toArray(new String[0]));
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("sac-ff_sac-ff/seed-1") && r.out.contains("rewritten: " + sac), r.out);
        assertTrue(r.out.contains("skipped: " + dqn + " describes configuration " + "0".repeat(64)), r.out);
        assertEquals(original, json.readTree(sac.toFile()), "the rewritten summary is the one the task wrote");
        assertEquals(foreign, json.readTree(dqn.toFile()), "a summary of another configuration is left as it was");
        CliRun again = CliRun.of(a.toArray(new String[0]));
        assertTrue(again.out.contains("unchanged: " + sac), again.out);
        List<String> otherPlan = new ArrayList<>(a);
        otherPlan.set(otherPlan.indexOf("20"), "30");
        CliRun other = CliRun.of(otherPlan.toArray(new String[0]));
        assertTrue(other.out.contains("skipped: writing " + sac + " again would change [budgetEpisodes]"), other.out);
        assertEquals(original, json.readTree(sac.toFile()), "another plan's budget is not written into the summary");
        try (var held = org.hubprice.evaluation.study.TaskLock.acquire(store, "sac-ff_sac-ff/seed-1", "elsewhere:1")) {
            CliRun busy = CliRun.of(a.toArray(new String[0]));
            assertTrue(busy.out.contains("skipped: running"), busy.out);
        }
    }

    @Test
    void aStudyStoppedWithSigtermResumesFromItsCheckpoints() throws Exception {
        Path jar = Path.of("target", "hubprice.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs the packaged CLI (mvn package) at " + jar);
        Path store = tmp.resolve("store");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-jar", jar.toString(), "study", "paper", "--cells", "sac-ff_sac-ff", "--episodes", "200", "--replications",
                "1", "--seeds", "1", "--quiet", "--store", store.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        Path last = store.resolve("runs/sac-ff_sac-ff/seed-1/checkpoints/last/trainer-state.json");
        assertTrue(ProcessWait.untilFiles(p, 200, last), "the study ended before its first checkpoint: " + Files.readString(tmp.resolve("err.txt")));
        p.destroy();
        assertTrue(p.waitFor(150, TimeUnit.SECONDS), "the study stops after SIGTERM");
        JsonNode stopped = new ObjectMapper().readTree(store.resolve("runs/sac-ff_sac-ff/seed-1/run-summary.json").toFile());
        assertEquals("INTERRUPTED", stopped.path("stopReason").asText(), "the member stopped with a checkpoint");
        long at = stopped.path("episodes").asLong();
        assertTrue(at >= 10 && at < 200, "stopped at " + at);
        assertTrue(Files.notExists(store.resolve("errors/sac-ff_sac-ff_seed-1.txt")), "a stop leaves no error record: status reads it as interrupted");
        CliRun r = CliRun.of("study", "paper", "--cells", "sac-ff_sac-ff", "--episodes", "200", "--replications", "1", "--seeds", "1", "--quiet",
                "--store", store.toString());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode run = new ObjectMapper().readTree(store.resolve("runs/sac-ff_sac-ff/seed-1/run.json").toFile());
        assertEquals(at, run.path("sessions").get(1).path("episodesAtStart").asLong(), "resumed where it stopped: nothing lost");
        assertTrue(Files.isRegularFile(store.resolve("results/sac-ff_sac-ff/seed-1.json")));
    }

    @Test
    void twoWorkersOnOneTaskOneRunsAndAKilledTaskResumes() throws Exception {
        Path jar = Path.of("target", "hubprice.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs the packaged CLI (mvn package) at " + jar);
        Path store = tmp.resolve("store");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-jar", jar.toString(), "study", "task", "paper", "--cells", "sac-ff_sac-ff", "--episodes", "200",
                "--replications", "1", "--seeds", "1", "--index", "0", "--store", store.toString()));
        Process first = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("first.out").toFile()).redirectError(tmp.resolve("first.err").toFile())
                .start();
        Path lock = store.resolve("locks/sac-ff_sac-ff_seed-1.lock");
        ProcessWait.untilFiles(first, 120, lock);
        Process second = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("second.out").toFile())
                .redirectError(tmp.resolve("second.err").toFile()).start();
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second worker gives up at once");
        String err = Files.readString(tmp.resolve("second.err"));
        assertTrue(second.exitValue() != 0 && err.contains("is being run by") && err.contains(":" + first.pid()), err);
        assertTrue(first.isAlive(), "the first worker goes on: " + Files.readString(tmp.resolve("first.err")));

        Path last = store.resolve("runs/sac-ff_sac-ff/seed-1/checkpoints/last/trainer-state.json");
        assertTrue(ProcessWait.untilFiles(first, 120, last), "the task ended before its first checkpoint");
        first.destroyForcibly();
        first.waitFor(60, TimeUnit.SECONDS);
        long at = new ObjectMapper().readTree(last.toFile()).path("episodes").asLong();
        CliRun again = CliRun.of("study", "task", "paper", "--cells", "sac-ff_sac-ff", "--episodes", "200", "--replications", "1", "--seeds", "1",
                "--index", "0", "--store", store.toString());
        assertEquals(0, again.exitCode, again.toString());
        JsonNode run = new ObjectMapper().readTree(store.resolve("runs/sac-ff_sac-ff/seed-1/run.json").toFile());
        assertTrue(run.path("sessions").get(1).path("episodesAtStart").asLong() >= at && at > 0, "resumed from the checkpoint at " + at);
        assertTrue(Files.isRegularFile(store.resolve("results/sac-ff_sac-ff/seed-1.json")));
        assertTrue(Files.notExists(lock), "the lock of a finished task is gone");
    }
}
