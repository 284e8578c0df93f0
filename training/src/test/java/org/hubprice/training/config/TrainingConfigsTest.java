package org.hubprice.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigsTest {
    @TempDir
    Path tmp;

    private static IllegalArgumentException bad(String name, String... overrides) {
        return assertThrows(IllegalArgumentException.class, () -> TrainingConfigs.resolve(name, List.of(overrides)));
    }

    private static void mentions(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void everyNamedConfigLoadsWithADescription() {
        assertEquals(9, TrainingConfigs.named().size());
        for (TrainingConfigs.Named n : TrainingConfigs.named()) {
            TrainingConfig c = TrainingConfigs.named(n.name(), List.of());
            assertTrue(!n.description().isBlank(), n.name());
            assertEquals(2, c.hubCount(), n.name());
        }
    }

    @Test
    void pairingsAndVariants() {
        TrainingConfig mixed = TrainingConfigs.named("sac-ff_dqn-ff", List.of());
        assertEquals("sac", mixed.agents().get(0).agent());
        assertEquals("dqn", mixed.agents().get(1).agent());
        assertEquals("ff", mixed.agents().get(1).params().get("network"));
        assertEquals("mha", TrainingConfigs.named("sac-mha_sac-ff", List.of()).agents().get(0).params().get("network"));
        assertEquals(ScheduleConfig.reference(), TrainingConfigs.named("sac-ff_sac-ff", List.of()).schedule());
        assertEquals(2_000_000, TrainingConfigs.named("sac-ff_sac-ff", List.of()).stopping().maxEpisodes());
        assertEquals(1_000_000, TrainingConfigs.named("dqn-ff_dqn-ff", List.of()).stopping().maxEpisodes());
        TrainingConfig nb = TrainingConfigs.named("no-balking", List.of());
        assertEquals("none", nb.env().demand().balking().steps());
        assertEquals(TrainingConfigs.named("sac-ff_sac-ff", List.of()).agents(), nb.agents(), "built on sac-ff_sac-ff");
        assertEquals(1.5, TrainingConfigs.named("demand+50", List.of()).env().demand().demandMultiplier());
    }

    @Test
    void overridesReachEverySection() {
        TrainingConfig c = TrainingConfigs.resolve("sac-ff_sac-ff", List.of("stopping.maxEpisodes=500", "agents[1].agent=dqn",
                "agents[*].params.hidden=[64, 64]", "env.demand.demandMultiplier=1.5", "stopping.maxWallTime=90m", "seed=7",
                "schedule.mode=asynchronous", "schedule.every=2", "agents[0].actions=discrete"));
        assertEquals(500, c.stopping().maxEpisodes());
        assertEquals("dqn", c.agents().get(1).agent());
        assertEquals(List.of(64, 64), c.agents().get(0).params().get("hidden"));
        assertEquals(List.of(64, 64), c.agents().get(1).params().get("hidden"));
        assertEquals("ff", c.agents().get(1).params().get("network"), "other params kept");
        assertEquals(1.5, c.env().demand().demandMultiplier());
        assertEquals(Duration.ofMinutes(90), c.stopping().maxWallTime());
        assertEquals(7, c.seed());
        assertEquals(1, c.schedule().offset(1));
        assertTrue(c.agents().get(0).discrete());
    }

    @Test
    void resolvedYamlReadsBackEqual() throws Exception {
        TrainingConfig c = TrainingConfigs.resolve("demo", List.of("stopping.maxWallTime=2h", "schedule.unit=period"));
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, c.toYaml());
        assertEquals(c, TrainingConfigs.load(f, List.of()));
        assertEquals(c, TrainingConfigs.resolve(f.toString(), List.of()));
    }

    @Test
    void fileWithBaseAndSingleAgentEntry() throws Exception {
        Path f = tmp.resolve("mine.yaml");
        Files.writeString(f, "base: dqn-ff_dqn-ff\nagents: [random]\nenv:\n  hubs:\n    count: 3\n");
        TrainingConfig c = TrainingConfigs.resolve(f.toString(), List.of());
        assertEquals(3, c.hubCount());
        assertEquals("random", c.agents().get(2).agent());
        assertEquals(1_000_000, c.stopping().maxEpisodes(), "from the base");
    }

    @Test
    void unknownNamesAndKeysAreNamed() {
        mentions(bad("sac-ff_sac"), "'sac-ff_sac'", "sac-ff_sac-ff", "demo", "Maybe");
        mentions(bad("missing.yaml"), "does not exist");
        mentions(bad("demo", "stopping.maxEpisode=5"), "stopping.maxEpisode", "Maybe 'stopping.maxEpisodes'");
        mentions(bad("demo", "schedul.warmup=5"), "schedul", "Maybe 'schedule'");
        mentions(bad("demo", "env.hubs.cont=3"), "hubs.cont", "env", "count");
        mentions(bad("demo", "agents[2].agent=sac"), "agents", "index 2", "out of range");
        mentions(bad("demo", "agents[0].agnt=sac"), "agents[0].agnt", "Maybe 'agents[0].agent'");
        mentions(bad("demo", "stopping"), "dotted.key=value");
        mentions(bad("demo", "stopping=5"), "section stopping");
        // an environment key is named as it is typed here, with env. in front, also in the hint
        mentions(bad("demo", "env.hub.count=3"), "unknown key 'env.hub'", "the known keys under 'env' are [hubs, demand,",
                "Maybe 'env.hubs'?");
    }

    @Test
    void valuesOutOfRangeAreNamed() {
        mentions(bad("demo", "stopping.maxEpisodes=0"), "stopping.maxEpisodes = 0", "[1, inf)");
        mentions(bad("demo", "schedule.gradientSteps=-1"), "schedule.gradientSteps = -1");
        mentions(bad("demo", "schedule.unit=day"), "schedule.unit = 'day'", "episode", "period");
        mentions(bad("demo", "validation.days=0"), "validation.days = 0");
        mentions(bad("demo", "stopping.plateau.threshold=2"), "stopping.plateau.threshold = 2.0");
        mentions(bad("demo", "stopping.maxWallTime=soon"), "stopping.maxWallTime = 'soon'", "90s");
        mentions(bad("demo", "stopping.maxEpisodes=many"), "stopping.maxEpisodes = 'many'", "integer");
        mentions(bad("demo", "env.hubs.count=0"), "hubs.count = 0");
        mentions(bad("demo", "env.hubs.count=3"), "agents has 2 entries", "env.hubs.count = 3");
        mentions(bad("demo", "agents[0].actions=both"), "agents[0].actions = 'both'", "continuous", "discrete");
        mentions(bad("demo", "schedule.offsets=[0, 1]"), "schedule.offsets", "synchronous");
        mentions(bad("demo", "schedule.mode=asynchronous"), "schedule.every = 1", "Maybe schedule.every=2");
        mentions(bad("demo", "schedule.mode=asynchronous", "schedule.every=2", "schedule.offsets=[0, 2]"), "schedule.offsets[1] = 2");
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(90), StoppingConfig.parseDuration("k", "90s"));
        assertEquals(Duration.ofSeconds(90), StoppingConfig.parseDuration("k", "90"));
        assertEquals(Duration.ofMinutes(90), StoppingConfig.parseDuration("k", "1.5h"));
        assertEquals(Duration.ofDays(2), StoppingConfig.parseDuration("k", "2d"));
        assertEquals(Duration.ofHours(2), StoppingConfig.parseDuration("k", "PT2H"));
        assertNull(StoppingConfig.parseDuration("k", "none"));
        assertNull(StoppingConfig.parseDuration("k", "0"));
        assertThrows(IllegalArgumentException.class, () -> StoppingConfig.parseDuration("k", "-5m"));
    }

    @Test
    void scheduleSteps() {
        ScheduleConfig ref = ScheduleConfig.reference();
        assertEquals(0, ref.stepsAt(0, 14));
        assertEquals(2, ref.stepsAt(0, 15));
        assertEquals(2, ref.stepsAt(1, 1000));
        ScheduleConfig alt = new ScheduleConfig("episode", 4, 3, 2, "asynchronous", null);
        assertEquals(3, alt.stepsAt(0, 4));
        assertEquals(0, alt.stepsAt(1, 4));
        assertEquals(0, alt.stepsAt(0, 5));
        assertEquals(3, alt.stepsAt(1, 5));
        ScheduleConfig staggered = new ScheduleConfig("period", 0, 1, 3, "asynchronous", List.of(2, 0));
        assertEquals(1, staggered.stepsAt(1, 0));
        assertEquals(0, staggered.stepsAt(0, 0));
        assertEquals(1, staggered.stepsAt(0, 2));
        assertEquals(1, staggered.stepsAt(0, 5));
    }

    @Test
    void toMapIsComplete() {
        Map<String, Object> m = TrainingConfigs.named("demo", List.of()).toMap();
        assertEquals(List.of("description", "seed", "env", "agents", "schedule", "stopping", "validation", "checkpoint", "progress"),
                List.copyOf(m.keySet()));
    }
}
