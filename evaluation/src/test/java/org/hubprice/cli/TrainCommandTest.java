package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code configs}, {@code agents}, {@code demo}: listings and every kind of bad input (no training runs here). */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private void fails(CliRun r, Path out, String... parts) {
        assertEquals(2, r.exitCode, r.toString());
        for (String p : parts) {
            assertTrue(r.err.contains(p), "'" + p + "' missing: " + r);
        }
        if (out != null) {
            assertFalse(Files.exists(out), "nothing written: " + out);
        }
    }

    @Test
    void configsListsEveryNamedConfig() throws Exception {
        CliRun r = CliRun.of("configs");
        assertEquals(0, r.exitCode, r.toString());
        for (String n : new String[] {"demo", "sac-ff_sac-ff", "sac-mha_sac-mha", "sac-mha_sac-ff", "sac-ff_dqn-ff", "dqn-ff_dqn-ff",
            "dqn-mha_dqn-mha", "no-balking", "demand+50"}) {
            assertTrue(r.out.contains(n), n);
        }
        JsonNode j = CliRun.of("configs", "--json").json();
        assertEquals(9, j.get("configs").size());
        CliRun show = CliRun.of("configs", "--show", "no-balking");
        assertTrue(show.out.contains("steps: none") && show.out.contains("agent: sac"), show.out);
    }

    @Test
    void agentsListsTheRegistry() throws Exception {
        CliRun r = CliRun.of("agents");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("sac") && r.out.contains("dqn") && r.out.contains("random") && r.out.contains("fixed-markup"), r.out);
        JsonNode j = CliRun.of("agents", "--json").json();
        assertTrue(j.get("agents").size() >= 6);
    }

    @Test
    void unknownConfigNameListsTheNamedOnes() {
        Path out = tmp.resolve("a");
        fails(CliRun.of("train", "--config", "sac-ff_sac", "--out", out.toString()), out, "sac-ff_sac-ff", "demo", "Maybe");
    }

    @Test
    void unknownKeyInSet() {
        Path out = tmp.resolve("b");
        fails(CliRun.of("train", "--config", "demo", "--set", "stopping.maxEpisode=5", "--out", out.toString()), out,
                "unknown key 'stopping.maxEpisode'", "Maybe 'stopping.maxEpisodes'");
        fails(CliRun.of("train", "--config", "demo", "--set", "env.hubs.stationz=5", "--out", out.toString()), out, "stationz", "stations");
    }

    @Test
    void valueOutOfRange() {
        Path out = tmp.resolve("c");
        fails(CliRun.of("train", "--config", "demo", "--set", "stopping.maxEpisodes=0", "--out", out.toString()), out,
                "stopping.maxEpisodes = 0", "[1, inf)");
        fails(CliRun.of("train", "--config", "demo", "--set", "env.demand.similarityTolerance=20", "--out", out.toString()), out,
                "demand.similarityTolerance");
        fails(CliRun.of("train", "--config", "demo", "--device", "tpu", "--out", out.toString()), out, "--device", "auto, cpu, gpu");
        fails(CliRun.of("train", "--config", "demo", "--seeds", "1..2", "--update-threads", "0", "--out", out.toString()), out,
                "--update-threads = 0", "[1, 1024]");
    }

    @Test
    void unknownAgentListsTheRegisteredOnes() {
        Path out = tmp.resolve("d");
        fails(CliRun.of("train", "--config", "demo", "--set", "agents[1].agent=ppo", "--quiet", "--out", out.toString()), out,
                "agents[1].agent", "'ppo'", "sac", "dqn", "random");
        fails(CliRun.of("train", "--config", "demo", "--set", "agents[0].params.hiden=[8]", "--quiet", "--out", out.toString()), out,
                "agents[0]", "hiden", "Maybe 'hidden'");
    }

    @Test
    void outputThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        fails(CliRun.of("train", "--config", "demo", "--out", file.resolve("run").toString()), null, "cannot be created", "not a directory");
        fails(CliRun.of("train", "--config", "demo", "--out", file.toString()), null, "is a file");
        assertEquals("x", Files.readString(file));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who may write anywhere (root): the permission case cannot be shown");
            fails(CliRun.of("train", "--config", "demo", "--out", ro.resolve("run").toString()), ro.resolve("run"), "not writable");
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void resumeWithoutACheckpoint() throws Exception {
        Path none = tmp.resolve("none");
        fails(CliRun.of("train", "--resume", "--out", none.toString()), none, "--resume", "no training run");
        Path started = Files.createDirectories(tmp.resolve("started"));
        Files.writeString(started.resolve("run.json"), "{}");
        fails(CliRun.of("train", "--resume", "--out", started.toString()), null, "no checkpoint");
        assertEquals("{}", Files.readString(started.resolve("run.json")), "nothing written over");
    }

    @Test
    void existingRunIsNotWrittenOver() throws Exception {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("run.json"), "{\"mine\": true}");
        fails(CliRun.of("train", "--config", "demo", "--out", taken.toString()), null, "already holds a training run", "--resume");
        assertEquals("{\"mine\": true}", Files.readString(taken.resolve("run.json")));
        try (var s = Files.list(taken)) {
            assertEquals(1, s.count(), "nothing added");
        }
    }

    @Test
    void missingConfig() {
        Path out = tmp.resolve("e");
        fails(CliRun.of("train", "--out", out.toString()), out, "--config is missing");
    }

    @Test
    void demoPicksAFreeDirectory() throws Exception {
        Path base = tmp.resolve("runs/demo");
        assertEquals(base, DemoCommand.freeDirectory(base));
        Files.createDirectories(base);
        assertEquals(base, DemoCommand.freeDirectory(base), "an empty directory is free");
        Files.writeString(base.resolve("run.json"), "{}");
        assertEquals(tmp.resolve("runs/demo-2"), DemoCommand.freeDirectory(base));
        Files.createDirectories(tmp.resolve("runs/demo-2"));
        Files.writeString(tmp.resolve("runs/demo-2/x"), "");
        assertEquals(tmp.resolve("runs/demo-3"), DemoCommand.freeDirectory(base));
    }
}
