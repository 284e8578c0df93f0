package org.hubprice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.baseline.RandomFactory;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop on a small duopoly with a test bandit agent: outputs, schedules, resume, refusals. */
class TrainerTest {
    @TempDir
    Path tmp;

    private static final AgentRegistry REGISTRY = AgentRegistry.of(new BanditAgent.Factory(), new RandomFactory());

    private static TrainingConfig config(String... overrides) {
        List<String> o = new ArrayList<>(List.of("agents=[test-bandit, test-bandit]", "schedule.warmup=2", "schedule.gradientSteps=3",
                "stopping.maxEpisodes=60", "validation.every=20", "validation.days=4", "checkpoint.every=10", "progress.logEvery=1000",
                "progress.plotEvery=25", "progress.window=10"));
        o.addAll(List.of(overrides));
        return TrainingConfigs.named("demo", o);
    }

    private static Trainer trainer(TrainingConfig c, Path dir, boolean resume) {
        return Trainer.builder().setConfig(c).setOutputDir(dir).optResume(resume).optQuiet(true).optRegistry(REGISTRY)
                .optEnvFactory(x -> new org.hubprice.env.api.ParallelVectorEnv(new DuopolyEnv())).build();
    }

    /** Every file of a checkpoint's agents, by relative path, with content (the manifests' provenance differs by time). */
    private static Map<String, String> agentFiles(Path checkpoint) throws IOException {
        Map<String, String> m = new java.util.TreeMap<>();
        Path agents = checkpoint.resolve(org.hubprice.training.run.RunLayout.AGENTS_DIR);
        try (var s = Files.walk(agents)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(agents.relativize(f).toString(), Files.readString(f));
            }
        }
        return m;
    }

    /** A CSV file (no quoted cells in these files) as a header index and rows of cells. */
    private record Csv(List<String> header, List<String[]> rows) {
        static Csv read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            return new Csv(List.of(lines.get(0).split(",")), lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList());
        }

        double get(int row, String column) {
            int c = header.indexOf(column);
            assertTrue(c >= 0, "no column " + column + " in " + header);
            return Double.parseDouble(rows.get(row)[c]);
        }
    }

    @Test
    void writesMetricsValidationCurveCheckpointsAndSummary() throws IOException {
        Path dir = tmp.resolve("run");
        TrainingSummary s = trainer(config(), dir, false).run();
        assertEquals(60, s.episodes());
        assertEquals(StopReason.MAX_EPISODES, s.stopReason());
        List<String> metrics = Files.readAllLines(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV));
        assertEquals(61, metrics.size(), "header + one row per episode");
        assertTrue(metrics.get(0).startsWith("episode,day,total_reward,reward_seller_0,reward_seller_1,multiplier_seller_0"));
        assertEquals(4, Files.readAllLines(dir.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV)).size(), "validation at 20, 40, 60");
        assertTrue(Files.size(dir.resolve(org.hubprice.training.run.RunLayout.CURVE_PNG)) > 1000, "a learning-curve image");
        byte[] png = Files.readAllBytes(dir.resolve(org.hubprice.training.run.RunLayout.CURVE_PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/final/trainer-state.json")));
        assertFalse(Files.exists(dir.resolve("checkpoints/last")), "the final checkpoint supersedes the periodic one");
        assertTrue(Files.isDirectory(dir.resolve("checkpoints/best/agents/seller_0")));
        assertTrue(Files.isRegularFile(dir.resolve(org.hubprice.training.run.RunLayout.RUN_JSON)));
        assertTrue(Files.readString(dir.resolve(org.hubprice.training.run.RunLayout.CONFIG_YAML)).contains("test-bandit"));
        Map<?, ?> summary = RunFiles.JSON.readValue(dir.resolve(org.hubprice.training.run.RunLayout.SUMMARY_JSON).toFile(), Map.class);
        assertEquals("MAX_EPISODES", summary.get("stopReason"));
        Map<?, ?> timing = (Map<?, ?>) summary.get("timing");
        assertEquals(360, ((Number) timing.get("sessionPeriods")).intValue(), "60 episodes x 6 periods");
        assertTrue(((Map<?, ?>) timing.get("phases")).containsKey("updates"));
        // 3 gradient steps at each of episodes 2..59 (0-based), per hub
        Map<?, ?> state = RunFiles.JSON.readValue(dir.resolve("checkpoints/final/trainer-state.json").toFile(), Map.class);
        assertEquals(List.of(58 * 3, 58 * 3), state.get("updates"));

        // metrics.csv: one row per episode 1..60; the total is the sum of the two sellers' rewards;
        // the update counters follow the schedule (3 per episode from episode 3 on, per hub)
        Csv m = Csv.read(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV));
        for (int k = 0; k < 60; k++) {
            assertEquals(k + 1, m.get(k, "episode"), 0.0);
            double sum = m.get(k, "reward_seller_0") + m.get(k, "reward_seller_1");
            assertEquals(sum, m.get(k, "total_reward"), 1e-9 * Math.max(1, Math.abs(sum)), "episode " + (k + 1));
            assertEquals(3.0 * Math.max(0, k - 1), m.get(k, "updates_seller_0"), 0.0, "episode " + (k + 1));
            assertEquals(3.0 * Math.max(0, k - 1), m.get(k, "updates_seller_1"), 0.0, "episode " + (k + 1));
        }
        // validation.csv: passes at 20, 40, 60; each total is the sum over the hubs, and the summary
        // reports the last pass's total (not, say, the best one)
        Csv v = Csv.read(dir.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV));
        for (int k = 0; k < 3; k++) {
            assertEquals(20.0 * (k + 1), v.get(k, "episode"), 0.0);
            double sum = v.get(k, "profit_per_day_seller_0") + v.get(k, "profit_per_day_seller_1");
            assertEquals(sum, v.get(k, "total_profit_per_day"), 1e-9 * Math.max(1, Math.abs(sum)));
        }
        assertEquals(v.get(2, "total_profit_per_day"), s.finalValidationProfit(), 0.0);
    }

    @Test
    void theBanditLearnsToPriceAboveRandom() throws IOException {
        // sanity of the whole pipeline: learned (greedy) profit beats uniformly random prices on the validation seeds
        Path dir = tmp.resolve("learn");
        TrainingSummary s = trainer(config("stopping.maxEpisodes=200", "validation.every=200"), dir, false).run();
        Map<?, ?> bench = (Map<?, ?>) s.details().get("benchmarks");
        double random = ((Number) ((Map<?, ?>) bench.get("random")).get("totalProfitPerDay")).doubleValue();
        assertTrue(s.finalValidationProfit() > random, "learned " + s.finalValidationProfit() + " vs random " + random);
    }

    @Test
    void stoppedAndResumedEqualsUninterrupted() throws IOException {
        Path whole = tmp.resolve("whole");
        trainer(config(), whole, false).run();

        Path parts = tmp.resolve("parts");
        trainer(config("stopping.maxEpisodes=25"), parts, false).run();
        TrainingSummary resumed = trainer(config(), parts, true).run();
        assertEquals(60, resumed.episodes());
        assertEquals(35, resumed.sessionEpisodes());
        assertEquals(agentFiles(whole.resolve("checkpoints/final")), agentFiles(parts.resolve("checkpoints/final")),
                "same final agent state (values, counts, buffers, random streams)");
        assertEquals(Files.readString(whole.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)), Files.readString(parts.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)));
        assertEquals(Files.readString(whole.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV)).lines().filter(l -> !l.startsWith("25,")).toList(),
                Files.readString(parts.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV)).lines().filter(l -> !l.startsWith("25,")).toList(),
                "the same validation passes (the stopped run adds one at its stop)");
    }

    @Test
    void crashedAndResumedFromThePeriodicCheckpointEqualsUninterrupted() throws IOException {
        Path whole = tmp.resolve("whole");
        trainer(config(), whole, false).run();
        // A run that crashes after episode 37: its last periodic checkpoint is at 30, its metrics go further.
        Path crashed = tmp.resolve("crashed");
        Trainer t = Trainer.builder().setConfig(config()).setOutputDir(crashed).optQuiet(true).optRegistry(REGISTRY)
                .optEnvFactory(x -> new org.hubprice.env.api.ParallelVectorEnv(new DuopolyEnv())).optEpisodeListener(e -> {
                    if (e == 37) {
                        throw new IllegalStateException("simulated crash");
                    }
                }).build();
        assertThrows(IllegalStateException.class, t::run);
        assertFalse(Files.exists(crashed.resolve("checkpoints/final")));
        Map<?, ?> state = RunFiles.JSON.readValue(crashed.resolve("checkpoints/last/trainer-state.json").toFile(), Map.class);
        assertEquals(30, ((Number) state.get("episodes")).intValue());
        assertEquals(1 + 37, Files.readAllLines(crashed.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)).size(),
                "header and the rows of episodes 1..37, past the checkpoint at 30");
        Files.writeString(crashed.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV), "38,2021-", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        trainer(config(), crashed, true).run();
        assertEquals(agentFiles(whole.resolve("checkpoints/final")), agentFiles(crashed.resolve("checkpoints/final")));
        assertEquals(Files.readString(whole.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)), Files.readString(crashed.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)));
        assertEquals(Files.readString(whole.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV)), Files.readString(crashed.resolve(org.hubprice.training.run.RunLayout.VALIDATION_CSV)));
    }

    @Test
    void asynchronousScheduleAlternatesHubs() throws IOException {
        Path dir = tmp.resolve("async");
        trainer(config("schedule.mode=asynchronous", "schedule.every=2", "schedule.gradientSteps=1", "stopping.maxEpisodes=12"), dir, false).run();
        List<String> rows = Files.readAllLines(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV));
        String[] header = rows.get(0).split(",");
        int u0 = List.of(header).indexOf("updates_seller_0");
        // after episode k (1-based): hub 0 learns at 0-based episodes 2, 4, ...; hub 1 at 3, 5, ...
        long[] expect0 = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        long[] expect1 = {0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5};
        for (int k = 1; k <= 12; k++) {
            String[] c = rows.get(k).split(",");
            assertEquals(expect0[k - 1], Long.parseLong(c[u0]), "hub 0 updates after episode " + k);
            assertEquals(expect1[k - 1], Long.parseLong(c[u0 + 1]), "hub 1 updates after episode " + k);
        }
    }

    @Test
    void perPeriodScheduleCountsPeriods() throws IOException {
        Path dir = tmp.resolve("period");
        trainer(config("schedule.unit=period", "schedule.warmup=10", "schedule.gradientSteps=1", "stopping.maxEpisodes=5"), dir, false).run();
        Map<?, ?> state = RunFiles.JSON.readValue(dir.resolve("checkpoints/final/trainer-state.json").toFile(), Map.class);
        assertEquals(List.of(20, 20), state.get("updates"), "30 periods, updates from period 10 on");
    }

    @Test
    void plateauStopsEarly() throws IOException {
        Path dir = tmp.resolve("plateau");
        TrainingConfig c = config("stopping.maxEpisodes=5000", "stopping.plateau.enabled=true", "stopping.plateau.window=20",
                "stopping.plateau.smoothing=0.05", "stopping.plateau.threshold=0.2", "stopping.plateau.minEpisodes=30",
                "validation.every=1000");
        TrainingSummary s = trainer(c, dir, false).run();
        assertEquals(StopReason.PLATEAU, s.stopReason());
        // The documented rule (PlateauDetectorTest.Reference), fed with the run's own total rewards,
        // fires first at the episode where the run stopped; no rows are written after it.
        Csv m = Csv.read(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV));
        assertEquals(s.episodes(), m.rows().size());
        PlateauDetectorTest.Reference rule = new PlateauDetectorTest.Reference(c.stopping().plateau());
        long first = -1;
        for (int k = 0; k < m.rows().size() && first < 0; k++) {
            if (rule.add(m.get(k, "total_reward"))) {
                first = k + 1;
            }
        }
        assertEquals(first, s.episodes(), "the rule first holds at episode " + first);
        assertTrue(first > c.stopping().plateau().minEpisodes(), "the series does not plateau at the first allowed episode, " + first);
    }

    @Test
    void refusesToWriteIntoAnExistingRun() throws IOException {
        Path dir = tmp.resolve("taken");
        trainer(config("stopping.maxEpisodes=3"), dir, false).run();
        String before = Files.readString(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(config(), dir, false).run());
        assertTrue(e.getMessage().contains("already holds a training run") && e.getMessage().contains("--resume"), e.getMessage());
        assertEquals(before, Files.readString(dir.resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)), "nothing written over");
    }

    @Test
    void refusesANonEmptyDirectoryAndAResumeWithoutCheckpoint() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(config(), other, false).run());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> trainer(config(), tmp.resolve("none"), true).run());
        assertTrue(r.getMessage().contains("--resume") && r.getMessage().contains("no training run"), r.getMessage());
        Path started = Files.createDirectories(tmp.resolve("started"));
        Files.writeString(started.resolve(org.hubprice.training.run.RunLayout.RUN_JSON), "{}");
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> trainer(config(), started, true).run());
        assertTrue(c.getMessage().contains("no checkpoint"), c.getMessage());
        assertEquals("mine", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void unknownAgentListsTheRegisteredOnesAndWritesNothing() {
        Path dir = tmp.resolve("bad-agent");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(config("agents[1].agent=sacc"), dir, false).run());
        assertTrue(e.getMessage().contains("agents[1].agent") && e.getMessage().contains("test-bandit") && e.getMessage().contains("random"),
                e.getMessage());
        assertFalse(Files.exists(dir));
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> trainer(config("agents[0].params.armz=3"), dir, false).run());
        assertTrue(p.getMessage().contains("agents[0]") && p.getMessage().contains("armz") && p.getMessage().contains("arms"), p.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void unwritableOutputIsRefused() throws IOException {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who can write anywhere (root)");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(config(), ro.resolve("run"), false).run());
            assertTrue(e.getMessage().contains("not writable"), e.getMessage());
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void outputUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(config(), file.resolve("run"), false).run());
        assertTrue(e.getMessage().contains("cannot be created") && e.getMessage().contains("not a directory"), e.getMessage());
    }

    /** The hubs updated side by side on two threads, or one after another: the same run, file for file. */
    @Test
    void updatingTheHubsSideBySideGivesTheSameRun() throws IOException {
        Path[] dirs = {tmp.resolve("one"), tmp.resolve("two")};
        for (int i = 0; i < 2; i++) {
            Trainer.builder().setConfig(config()).setOutputDir(dirs[i]).optQuiet(true).optRegistry(REGISTRY).optUpdateThreads(i + 1)
                    .optEnvFactory(x -> new org.hubprice.env.api.ParallelVectorEnv(new DuopolyEnv())).build().run();
        }
        assertEquals(agentFiles(dirs[0].resolve("checkpoints/final")), agentFiles(dirs[1].resolve("checkpoints/final")));
        for (String f : List.of(org.hubprice.training.run.RunLayout.METRICS_CSV, org.hubprice.training.run.RunLayout.VALIDATION_CSV)) {
            assertEquals(Files.readString(dirs[0].resolve(f)), Files.readString(dirs[1].resolve(f)), f);
        }
        for (int i = 0; i < 2; i++) {
            Map<?, ?> run = RunFiles.JSON.readValue(dirs[i].resolve(org.hubprice.training.run.RunLayout.RUN_JSON).toFile(), Map.class);
            Map<?, ?> session = (Map<?, ?>) ((List<?>) run.get("sessions")).get(0);
            assertEquals(i + 1, ((Map<?, ?>) session.get("runtime")).get("updateThreads"), "recorded in run.json");
            Map<?, ?> timing = (Map<?, ?>) RunFiles.JSON.readValue(dirs[i].resolve(org.hubprice.training.run.RunLayout.SUMMARY_JSON).toFile(),
                    Map.class).get("timing");
            double wall = ((Number) timing.get("totalTrainingSeconds")).doubleValue();
            assertEquals((i + 1) * wall, ((Number) timing.get("totalCoreSeconds")).doubleValue(), 1e-9 * wall, "core time = wall time x threads");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder().optUpdateThreads(-1));
        assertTrue(e.getMessage().contains("update threads = -1"), e.getMessage());
    }

    @Test
    void differentSeedsGiveDifferentRuns() throws IOException {
        trainer(config("stopping.maxEpisodes=5"), tmp.resolve("a"), false).run();
        trainer(config("stopping.maxEpisodes=5", "seed=2"), tmp.resolve("b"), false).run();
        assertNotEquals(Files.readString(tmp.resolve("a").resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)), Files.readString(tmp.resolve("b").resolve(org.hubprice.training.run.RunLayout.METRICS_CSV)));
    }
}
