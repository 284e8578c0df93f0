package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hubprice.training.config.TrainingConfigs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named configuration builds its environment and agents and trains a few episodes with
 * updates (the agents' parameters and the config's keys fit together), and a discrete seat
 * works: each run is cut to 3 episodes with early, small updates.
 */
class NamedConfigsIT {
    @TempDir
    Path tmp;

    static java.util.List<String> names() {
        return TrainingConfigs.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void trainsAFewEpisodes(String name) throws Exception {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.of("train", "--config", name, "--out", out.toString(), "--quiet", "--json", "--device", "cpu",
                "--set", "stopping.maxEpisodes=3", "--set", "validation.days=2", "--set", "schedule.warmup=1", "--set", "schedule.gradientSteps=1",
                "--set", "agents[*].params.batchSize=16", "--set", "agents[*].params.learningStarts=24");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode j = r.json();
        assertEquals(3, j.get("episodes").asInt());
        assertEquals(2, j.get("updates").get(0).asInt(), name + ": hub 0 learned after episodes 1 and 2");
        assertEquals(2, j.get("updates").get(1).asInt(), name + ": hub 1 learned after episodes 1 and 2");
        assertTrue(Files.isDirectory(out.resolve("checkpoints/final/agents/hub_1")));
    }

    @ParameterizedTest
    @MethodSource("discreteSeats")
    void discreteSeat(String agent) throws Exception {
        Path out = tmp.resolve("discrete-" + agent);
        CliRun r = CliRun.of("train", "--config", "demo", "--out", out.toString(), "--quiet", "--json", "--device", "cpu",
                "--set", "agents=[{agent: sac, params: {hidden: [16, 16], batchSize: 16, learningStarts: 24}}, {agent: " + agent + ", actions: discrete}]",
                "--set", "stopping.maxEpisodes=3", "--set", "validation.days=2", "--set", "schedule.warmup=1");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("Discrete[n=101]", run.get("agents").get(1).get("actionSpace").asText());
    }

    static java.util.List<String> discreteSeats() {
        return java.util.List.of("dqn", "random");
    }
}
