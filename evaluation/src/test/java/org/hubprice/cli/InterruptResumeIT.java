package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real interruption: {@code hubprice train} in its own JVM receives SIGTERM (what Ctrl-C or
 * {@code kill} sends) after its first periodic checkpoint, stops after the running episode with
 * a checkpoint, and {@code --resume} then ends bit-identical to a run never interrupted.
 */
class InterruptResumeIT {
    @TempDir
    Path tmp;

    private static final String[] COMMON = {"--config", "demo", "--quiet", "--device", "cpu", "--set", "validation.every=10", "--set",
        "validation.days=2", "--set", "checkpoint.every=5", "--set", "schedule.gradientSteps=4", "--set", "stopping.maxEpisodes=60"};

    private static Map<String, String> agentState(Path checkpoint) throws Exception {
        Map<String, String> m = new TreeMap<>();
        Path agents = checkpoint.resolve("agents");
        try (var s = Files.walk(agents)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = agents.relativize(f).toString();
                if (f.getFileName().toString().equals("checksums.sha256")) {
                    continue; // holds the manifest's digest (provenance differs); the files it covers are compared one by one
                }
                if (f.getFileName().toString().equals("manifest.json")) {
                    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(f.toFile());
                    n.remove("provenance");
                    m.put(rel, n.toString());
                } else {
                    m.put(rel, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        }
        return m;
    }

    private static int episodes(Path checkpoint) throws IOException {
        return new ObjectMapper().readTree(checkpoint.resolve("trainer-state.json").toFile()).get("episodes").asInt();
    }

    @Test
    void sigtermStopsWithACheckpointAndResumeMatchesAnUninterruptedRun() throws Exception {
        Path jar = Path.of("target", "hubprice.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs the packaged CLI (mvn package) at " + jar);

        Path parts = tmp.resolve("parts");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dai.djl.offline=true", "-jar", jar.toString(), "train"));
        cmd.addAll(List.of(COMMON));
        cmd.addAll(List.of("--out", parts.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        Path last = parts.resolve("checkpoints/last/trainer-state.json");
        assertTrue(ProcessWait.untilFiles(p, 150, last), "the run ended before its first checkpoint: " + Files.readString(tmp.resolve("err.txt")));
        p.destroy();
        assertTrue(p.waitFor(150, TimeUnit.SECONDS), "the run stops after SIGTERM");
        String err = Files.readString(tmp.resolve("err.txt"));
        JsonNode summary = new ObjectMapper().readTree(parts.resolve("run-summary.json").toFile());
        assertEquals("INTERRUPTED", summary.get("stopReason").asText(), err);
        int k = episodes(parts.resolve("checkpoints/last"));
        assertTrue(k >= 5 && k < 60, "interrupted at episode " + k);
        assertEquals(k, summary.get("episodes").asInt(), "the checkpoint holds the last completed episode");

        CliRun resumed = CliRun.of("train", "--resume", "--quiet", "--out", parts.toString());
        assertEquals(0, resumed.exitCode, resumed.toString());

        Path whole = tmp.resolve("whole");
        String[] args = new String[COMMON.length + 3];
        args[0] = "train";
        System.arraycopy(COMMON, 0, args, 1, COMMON.length);
        args[COMMON.length + 1] = "--out";
        args[COMMON.length + 2] = whole.toString();
        CliRun w = CliRun.of(args);
        assertEquals(0, w.exitCode, w.toString());
        assertEquals(agentState(whole.resolve("checkpoints/final")), agentState(parts.resolve("checkpoints/final")),
                "interrupted at " + k + " and resumed: same parameters, optimiser states, replay buffers and random streams");
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(parts.resolve("metrics.csv")));
    }
}
