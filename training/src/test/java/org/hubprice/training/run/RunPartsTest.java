package org.hubprice.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.CheckpointDigests;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.ParallelVectorEnv;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.PhaseTimes;
import org.hubprice.training.StopReason;
import org.hubprice.training.TrainerState;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.validation.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts around the loop, one at a time, without training anything. */
class RunPartsTest {
    @TempDir
    Path tmp;

    private static final TrainingConfig CONFIG = TrainingConfigs.named("demo", List.of("stopping.maxEpisodes=10", "progress.window=3"));

    /** A two-agent environment whose metrics are named like the hub game's. */
    private static VectorEnv env() {
        return new ParallelVectorEnv(new org.hubprice.env.api.ParallelEnv() {
            @Override
            public List<String> possibleAgents() {
                return List.of("hub_0", "hub_1");
            }

            @Override
            public List<String> agents() {
                return possibleAgents();
            }

            @Override
            public Space observationSpace(String agent) {
                return new Box(new double[] {0}, new double[] {1});
            }

            @Override
            public Space actionSpace(String agent) {
                return new Box(new double[] {1}, new double[] {2});
            }

            @Override
            public org.hubprice.env.api.ResetResult reset(long seed, Map<String, Object> options) {
                return new org.hubprice.env.api.ResetResult(Map.of("hub_0", new double[] {0}, "hub_1", new double[] {0}), Map.of());
            }

            @Override
            public org.hubprice.env.api.StepResult step(Map<String, double[]> actions) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void loopStateRoundTripsThroughItsCheckpointForm() {
        LoopState s = new LoopState(2, CONFIG.stopping().plateau(), null);
        assertEquals(1, s.sessions);
        s.episodes = 12;
        s.periods = 288;
        s.updates[1] = 7;
        s.bestProfit = 5.5;
        s.bestEpisode = 10;
        s.lastValidationEpisode = 10;
        s.plateau.add(3.0);
        PhaseTimes t = new PhaseTimes();
        t.add(PhaseTimes.Phase.UPDATES, 1000);
        TrainerState saved = s.snapshot(5000, 9000, t);
        LoopState r = new LoopState(2, CONFIG.stopping().plateau(), saved);
        assertEquals(12, r.episodes);
        assertEquals(288, r.periods);
        assertArrayEquals(new long[] {0, 7}, r.updates);
        assertEquals(5.5, r.bestProfit);
        assertEquals(10, r.lastValidationEpisode);
        assertEquals(2, r.sessions);
        assertEquals(5000, r.previousTrainingNanos);
        assertEquals(9000, r.previousCoreNanos);
        assertEquals(1000, r.previousTimes.nanos(PhaseTimes.Phase.UPDATES));
        assertEquals(s.plateau.state(), r.plateau.state());
        assertEquals(2000, r.snapshot(9000, 12000, t).phaseNanos().get("updates"), "earlier sessions' time plus this one's");
        // a checkpoint from before update threads has no core time: its sessions ran on one core
        TrainerState old = new TrainerState(12, 288, 5000, saved.plateau(), 5.5, 10, 10, new long[] {0, 7}, saved.phaseNanos(), 1, null);
        assertEquals(5000, new LoopState(2, CONFIG.stopping().plateau(), old).previousCoreNanos);
    }

    @Test
    void runRecordCountsSessionsAndTellsAKillFromAStop() throws Exception {
        RunLayout layout = new RunLayout(tmp);
        RunRecord record = new RunRecord(layout, CONFIG);
        VectorEnv env = env();
        record.start(Map.of("device", "cpu"), env, List.of(Map.of("hub", "hub_0")), null, 0);
        assertTrue(Files.readString(layout.file(RunLayout.CONFIG_YAML)).contains("maxEpisodes: 10"));
        JsonNode run = RunFiles.JSON.readTree(layout.file(RunLayout.RUN_JSON).toFile());
        assertEquals(CONFIG.seed(), run.path("seeds").path("root").asLong());
        assertEquals(1, run.path("sessions").size());
        record.stop(StopReason.INTERRUPTED, 4);
        run = RunFiles.JSON.readTree(layout.file(RunLayout.RUN_JSON).toFile());
        assertEquals("INTERRUPTED", run.path("sessions").get(0).path("stopReason").asText());
        Files.createDirectories(layout.checkpoint("last"));
        record.start(Map.of("device", "cpu"), env, List.of(), layout.checkpoint("last"), 4);
        run = RunFiles.JSON.readTree(layout.file(RunLayout.RUN_JSON).toFile());
        assertEquals(2, run.path("sessions").size());
        assertEquals("checkpoints/last", run.path("sessions").get(1).path("resumedFrom").asText());
        assertTrue(run.path("sessions").get(1).path("stopped").isMissingNode(), "running");
    }

    @Test
    void checkpointWriterSealsTheLoopStateAndEveryAgent() throws Exception {
        RunLayout layout = new RunLayout(tmp);
        VectorEnv env = env();
        CheckpointWriter w = new CheckpointWriter(layout, env, List.of("stub", "stub"), 9);
        Agent[] agents = {new SavingAgent("a"), new SavingAgent("b")};
        LoopState s = new LoopState(2, CONFIG.stopping().plateau(), null);
        s.episodes = 3;
        w.write("last", s.snapshot(1, 1, new PhaseTimes()), agents);
        Path c = layout.checkpoint("last");
        assertTrue(CheckpointDigests.verify(c), "digests present and matching");
        assertEquals("a", Files.readString(w.agentDir(c, 0).resolve("state.txt")));
        assertEquals("b", Files.readString(c.resolve("agents/hub_1/state.txt")));
        assertEquals(3, RunFiles.JSON.readTree(c.resolve(RunLayout.TRAINER_STATE).toFile()).path("episodes").asInt());
        assertEquals(c, layout.latestCheckpoint());
        Files.writeString(c.resolve(RunLayout.CHECKPOINT_JSON), "{}");
        org.hubprice.agents.checkpoint.CheckpointException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.hubprice.agents.checkpoint.CheckpointException.class, () -> CheckpointDigests.verify(c));
        assertTrue(e.getMessage().contains(RunLayout.CHECKPOINT_JSON), "a changed file is refused by name: " + e.getMessage());
    }

    @Test
    void metricsFilesKeepRowsUpToTheCheckpointAndRebuildTheRecentMeans() throws Exception {
        RunLayout layout = new RunLayout(tmp);
        VectorEnv env = env();
        EpisodeStats stats = new EpisodeStats(env, 3);
        try (MetricsFiles f = new MetricsFiles(layout, env, 10, new double[] {1, 2}, -1, stats)) {
            for (long e = 1; e <= 5; e++) {
                stats.begin();
                stats.reward()[0] = e;
                stats.reward()[1] = 10 * e;
                stats.multiplier()[0] = 1.5;
                f.episode(e, "day" + e, stats, new long[] {e, e});
            }
            f.validation(4, new ValidationResult(new double[] {1, 2}, new double[] {1.2, 1.3}, new double[] {3}), 0.5);
        }
        assertEquals(6, Files.readAllLines(layout.file(RunLayout.METRICS_CSV)).size());
        EpisodeStats resumed = new EpisodeStats(env, 3);
        try (MetricsFiles f = new MetricsFiles(layout, env, 10, null, 3, resumed)) {
            f.flush();
        }
        List<String> rows = Files.readAllLines(layout.file(RunLayout.METRICS_CSV));
        assertEquals(4, rows.size(), "header and episodes 1..3: " + rows);
        assertEquals(1, Files.readAllLines(layout.file(RunLayout.VALIDATION_CSV)).size(), "the pass at 4 is after the checkpoint");
        assertEquals(3, resumed.recentCount());
        assertEquals(0.0, resumed.reward()[0], "the episode sums are not touched");
        assertEquals(2.0, resumed.recentReward(0), 1e-12, "mean of episodes 1..3");
    }

    @Test
    void progressPrintsMachineReadableLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoopState s = new LoopState(2, CONFIG.stopping().plateau(), null);
        EpisodeStats stats = new EpisodeStats(env(), 3);
        try (Progress p = new Progress(CONFIG, s, stats, true, new PrintStream(bytes, true, StandardCharsets.UTF_8), System.nanoTime())) {
            s.episodes = 10;
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith(Progress.LINE_PREFIX + "0 10"), out);
        assertTrue(out.contains(Progress.LINE_PREFIX + "10 10"), out);
        assertFalse(out.contains("\u001b"), "no terminal codes");
    }

    /** Saves one text file; everything else is unused here. */
    private static final class SavingAgent implements Agent {
        private final String text;

        SavingAgent(String text) {
            this.text = text;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Space observationSpace() {
            return new Box(new double[] {0}, new double[] {1});
        }

        @Override
        public Space actionSpace() {
            return new Box(new double[] {1}, new double[] {2});
        }

        @Override
        public double[] act(double[] observation, Mode mode) {
            return new double[] {1};
        }

        @Override
        public void observe(Transition t) {}

        @Override
        public int learn(int gradientSteps) {
            return 0;
        }

        @Override
        public void save(Path directory) throws java.io.IOException {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("state.txt"), text);
            CheckpointDigests.seal(directory, false);
        }

        @Override
        public void close() {}
    }
}
