package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short training runs through the CLI on the hub game with the real agents: the demo's outputs
 * and its learned policy against random prices, and a stopped-then-resumed run against an
 * uninterrupted one (bit-identical parameters, optimiser state and replay buffers).
 */
class TrainCommandIT {
    @TempDir
    Path tmp;

    /** Every file of a checkpoint's agents; manifests without their provenance (time, host). */
    private static Map<String, String> agentState(Path checkpoint) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path agents = checkpoint.resolve("agents");
        ObjectMapper json = new ObjectMapper();
        try (var s = Files.walk(agents)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = agents.relativize(f).toString();
                if (f.getFileName().toString().equals("checksums.sha256")) {
                    continue; // holds the manifest's digest (provenance differs); the files it covers are compared one by one
                }
                if (f.getFileName().toString().equals("manifest.json")) {
                    ObjectNode n = (ObjectNode) json.readTree(f.toFile());
                    n.remove("provenance");
                    m.put(rel, n.toString());
                } else {
                    m.put(rel, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    @Test
    void demoTrainsWritesItsOutputsAndBeatsRandomPrices() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun r = CliRun.of("demo", "--out", out.toString(), "--quiet", "--json", "--set", "stopping.maxEpisodes=60",
                "--set", "validation.every=30", "--set", "checkpoint.every=30");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode j = r.json();
        assertEquals("MAX_EPISODES", j.get("stopReason").asText());
        assertEquals(60, j.get("episodes").asInt());
        double learned = j.get("finalValidation").get("totalProfitPerDay").asDouble();
        double random = j.get("benchmarks").get("random").get("totalProfitPerDay").asDouble();
        double competitive = j.get("benchmarks").get("competitive").get("totalProfitPerDay").asDouble();
        assertTrue(learned > random, "learned policies " + learned + " $/day vs uniformly random prices " + random);
        assertTrue(learned > competitive, "learned " + learned + " vs marginal-cost pricing " + competitive);
        assertTrue(j.get("finalValidation").get("collusionIndexQuick").isNumber());

        assertEquals(61, Files.readAllLines(out.resolve("metrics.csv")).size(), "header + 60 episodes");
        assertEquals(3, Files.readAllLines(out.resolve("validation.csv")).size(), "validation at 30 and 60");
        byte[] png = Files.readAllBytes(out.resolve("learning-curve.png"));
        assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG learning curve");
        for (String f : List.of("run.json", "config.yaml", "run-summary.json", "validation-benchmarks.json", "checkpoints/final/trainer-state.json",
                "checkpoints/final/agents/hub_0/manifest.json", "checkpoints/final/agents/hub_1/manifest.json", "checkpoints/best/trainer-state.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("train.log")).contains("stopped after episode 60"), "train.log has the run's log");
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(j.get("episodes").asInt(), 60);
        assertTrue(run.get("config").get("agents").get(0).get("agent").asText().equals("sac"));
        assertTrue(run.get("sessions").get(0).get("provenance").has("gitCommit"));
        assertEquals(24, run.get("environment").get("daCommitmentKwh").size());
    }

    @Test
    void stoppedAndResumedRunEndsBitIdentical() throws Exception {
        String[] common = {"--config", "demo", "--quiet", "--device", "cpu", "--set", "validation.every=10", "--set", "validation.days=2",
            "--set", "checkpoint.every=10", "--set", "schedule.gradientSteps=4"};
        Path whole = tmp.resolve("whole");
        // the whole run updates its hubs one after another, the parts side by side on two threads
        CliRun a = CliRun.of(concat(common, "--out", whole.toString(), "--update-threads", "1", "--set", "stopping.maxEpisodes=36"));
        assertEquals(0, a.exitCode, a.toString());

        Path parts = tmp.resolve("parts");
        CliRun b1 = CliRun.of(concat(common, "--out", parts.toString(), "--update-threads", "2", "--set", "stopping.maxEpisodes=17"));
        assertEquals(0, b1.exitCode, b1.toString());
        CliRun b2 = CliRun.of("train", "--resume", "--quiet", "--update-threads", "2", "--out", parts.toString(), "--set", "stopping.maxEpisodes=36");
        assertEquals(0, b2.exitCode, b2.toString());
        Map<String, String> expected = agentState(whole.resolve("checkpoints/final"));
        assertTrue(expected.keySet().stream().anyMatch(k -> !k.endsWith("manifest.json")), "agents saved more than a manifest: " + expected.keySet());
        assertEquals(expected, agentState(parts.resolve("checkpoints/final")), "parameters, optimiser states, replay buffers, random streams");
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(parts.resolve("metrics.csv")));
        JsonNode run = new ObjectMapper().readTree(parts.resolve("run.json").toFile());
        assertEquals(2, run.get("sessions").size(), "both sessions recorded");

        CliRun changed = CliRun.of("train", "--resume", "--quiet", "--out", parts.toString(), "--set", "schedule.gradientSteps=9");
        assertEquals(2, changed.exitCode, changed.toString());
        assertTrue(changed.err.contains("schedule.gradientSteps"), changed.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = new String[a.length + b.length + 1];
        c[0] = "train";
        System.arraycopy(a, 0, c, 1, a.length);
        System.arraycopy(b, 0, c, 1 + a.length, b.length);
        return c;
    }
}
