package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code train --seeds}: every member is bit-identical to the same seed trained alone, also
 * after the parent is killed with SIGKILL mid-way (its members, orphaned, stop by themselves with
 * a checkpoint) and the set is resumed; the aggregate counts every member.
 */
class TrainSeedsIT {
    @TempDir
    Path tmp;

    private static final List<String> COMMON = List.of("--config", "demo", "--quiet", "--device", "cpu", "--set", "validation.every=8", "--set",
            "validation.days=2", "--set", "checkpoint.every=4", "--set", "schedule.gradientSteps=4", "--set", "stopping.maxEpisodes=40");

    /** Every agent file of a checkpoint by content digest (manifests without their provenance, which holds times). */
    private static Map<String, String> agentState(Path checkpoint) throws Exception {
        Map<String, String> m = new TreeMap<>();
        Path agents = checkpoint.resolve("agents");
        try (var s = Files.walk(agents)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals("checksums.sha256")) {
                    continue;
                }
                if (name.equals("manifest.json")) {
                    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(f.toFile());
                    n.remove("provenance");
                    m.put(agents.relativize(f).toString(), n.toString());
                } else {
                    m.put(agents.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        }
        return m;
    }

    private static CliRun cli(List<String> args) {
        return CliRun.of(args.toArray(new String[0]));
    }

    private static void assertSameRun(Path expected, Path actual, String what) throws Exception {
        assertEquals(agentState(expected.resolve("checkpoints/final")), agentState(actual.resolve("checkpoints/final")), what + ": parameters");
        assertEquals(Files.readString(expected.resolve("metrics.csv")), Files.readString(actual.resolve("metrics.csv")), what + ": metrics.csv");
        assertEquals(Files.readString(expected.resolve("validation.csv")), Files.readString(actual.resolve("validation.csv")), what + ": validation");
    }

    @Test
    void membersEqualLoneRunsAlsoAfterAKillAndResume() throws Exception {
        Path jar = Path.of("target", "hubprice.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs the packaged CLI (mvn package) at " + jar);
        Path alone = tmp.resolve("alone");
        List<String> a = new ArrayList<>(List.of("train"));
        a.addAll(COMMON);
        // alone with its two hubs updated side by side; the members below update theirs on one thread each
        a.addAll(List.of("--seed", "3", "--update-threads", "2", "--out", alone.toString()));
        CliRun r = cli(a);
        assertEquals(0, r.exitCode, r.toString());

        // the set, uninterrupted
        Path set = tmp.resolve("set");
        List<String> s = new ArrayList<>(List.of("train"));
        s.addAll(COMMON);
        s.addAll(List.of("--seeds", "3..4", "--parallel", "2", "--update-threads", "1", "--out", set.toString(), "--json"));
        CliRun sr = cli(s);
        assertEquals(0, sr.exitCode, sr.toString());
        assertSameRun(alone, set.resolve("seed-3"), "member seed-3 vs train --seed 3");
        JsonNode seeds = new ObjectMapper().readTree(set.resolve("seeds.json").toFile());
        assertEquals(2, seeds.get("finished").asInt());
        assertEquals(2, seeds.path("aggregate").path("collusionIndexQuick").path("n").asInt());
        JsonNode ci = seeds.path("aggregate").path("totalProfitPerDay").path("ci95");
        double iqm = seeds.path("aggregate").path("totalProfitPerDay").path("iqm").asDouble();
        assertTrue(ci.get(0).asDouble() <= iqm && iqm <= ci.get(1).asDouble(), seeds.toString());
        assertTrue(Files.size(set.resolve("seeds-curve.png")) > 1000);

        // the same set in its own JVM, killed (parent and members, SIGKILL) after every member's first checkpoint
        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-jar", jar.toString(), "train"));
        cmd.addAll(COMMON);
        cmd.addAll(List.of("--seeds", "3..4", "--parallel", "2", "--out", killed.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(ProcessWait.untilFiles(p, 200, killed.resolve("seed-3/checkpoints/last/trainer-state.json"),
                killed.resolve("seed-4/checkpoints/last/trainer-state.json")), "the set ended before the members' first checkpoints: " + Files.readString(tmp.resolve("err.txt")));
        // SIGKILL the parent only: its members see their standard input close and stop by themselves, with a checkpoint
        List<ProcessHandle> members = new ArrayList<>(p.descendants().toList());
        assertEquals(2, members.size(), "two member processes");
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        for (ProcessHandle h : members) {
            h.onExit().get(120, TimeUnit.SECONDS);
        }
        for (String m : List.of("seed-3", "seed-4")) {
            Path summary = killed.resolve(m + "/run-summary.json");
            if (Files.isRegularFile(summary)) {
                JsonNode js = new ObjectMapper().readTree(summary.toFile());
                assertTrue(js.path("episodes").asInt() == 40 || "INTERRUPTED".equals(js.path("stopReason").asText()),
                        m + ": an orphaned member stops with a checkpoint: " + js);
            }
        }
        CliRun resumed = cli(List.of("train", "--resume", "--quiet", "--out", killed.toString()));
        assertEquals(0, resumed.exitCode, resumed.toString());
        assertSameRun(set.resolve("seed-3"), killed.resolve("seed-3"), "seed-3 killed and resumed");
        assertSameRun(set.resolve("seed-4"), killed.resolve("seed-4"), "seed-4 killed and resumed");
        assertEquals(Files.readString(set.resolve("seeds.json")).replaceAll("\"trainingSeconds\" : [0-9.E-]+", ""),
                Files.readString(killed.resolve("seeds.json")).replaceAll("\"trainingSeconds\" : [0-9.E-]+", ""), "same aggregate");

        // a finished set resumes to nothing
        CliRun again = cli(List.of("train", "--resume", "--quiet", "--out", killed.toString()));
        assertEquals(0, again.exitCode, again.toString());
    }

    @Test
    void badSeedSetInputIsRefusedByName() {
        CliRun r = CliRun.of("train", "--config", "demo", "--seeds", "4..2", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("runs backwards") && r.err.contains("2..4"), r.err);
        r = CliRun.of("train", "--config", "demo", "--seeds", "1..x", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("'1..x'"), r.err);
        r = CliRun.of("train", "--config", "demo", "--seeds", "1..2", "--seed", "3", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("--seeds names every member's seed"), r.err);
        r = CliRun.of("train", "--config", "demo", "--parallel", "2", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("--parallel needs --seeds"), r.err);
        r = CliRun.of("train", "--config", "demo", "--seeds", "1..2", "--parallel", "0", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("--parallel = 0"), r.err);
        r = CliRun.of("train", "--config", "demo", "--seeds", "1..2", "--set", "agents[1].agent=sacc", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("agents[1].agent") && r.err.contains("Maybe 'sac'"), "refused by the parent, not by the members: " + r.err);
        assertTrue(Files.notExists(tmp.resolve("x")) || tmp.resolve("x").toFile().list().length == 0, "nothing written");
    }
}
