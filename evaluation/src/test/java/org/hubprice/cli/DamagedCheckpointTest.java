package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user meets with a damaged run: {@code evaluate} and {@code train --resume} on a run whose
 * checkpoint files were truncated, emptied, scrambled, flipped or deleted give one {@code error:}
 * line naming the file, exit code 2 and no stack trace (the trace only with {@code --verbose});
 * a run written before checkpoints carried digests still evaluates; after a kill, the resumed
 * session removes the half-written temporaries and {@code train.log} says the earlier session died.
 */
class DamagedCheckpointTest {
    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void train() {
        run = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--config", "demo", "--out", run.toString(), "--device", "cpu", "--quiet",
                "--set", "agents[*].params={network: ff, hidden: [16, 16], bufferCapacity: 2000}", "--set", "stopping.maxEpisodes=4",
                "--set", "validation.every=4", "--set", "validation.days=2", "--set", "checkpoint.every=2"));
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add("env." + o);
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.toString());
    }

    private static Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        try (var s = Files.walk(run)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    private static CliRun evaluate(Path r, String... more) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--run", r.toString(), "--replications", "1", "--bootstrap", "100",
                "--no-deviation", "--threads", "1", "--out", r.resolve("eval").toString()));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(String[]::new));
    }

    /** One error line, naming {@code file} and what to do, exit 2, no trace, nothing written. */
    private static void refused(CliRun r, Path runDir, Path file, String what) {
        assertEquals(2, r.exitCode, r.toString());
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), "one line: " + r);
        assertTrue(lines.get(0).startsWith("error: "), r.toString());
        assertTrue(lines.get(0).contains("checkpoint file " + file + " " + what), "names " + file + " and '" + what + "': " + r);
        assertTrue(lines.get(0).contains("Maybe use another checkpoint"), "says what to do: " + r);
        assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace: " + r);
        assertFalse(Files.exists(runDir.resolve("eval")), "nothing written");
    }

    private static void damage(String name, String file, Consumer<byte[][]> how, String what) throws IOException {
        Path r = copy(name);
        Path f = r.resolve("checkpoints/final/agents/hub_0").resolve(file);
        byte[][] b = {Files.readAllBytes(f)};
        how.accept(b);
        if (b[0] == null) {
            Files.delete(f);
        } else {
            Files.write(f, b[0]);
        }
        refused(evaluate(r), r, f, what);
    }

    @Test
    void truncatedEmptyScrambledFlippedOrMissingFilesAreRefusedByName() throws IOException {
        damage("truncated", "actor.params", b -> b[0] = java.util.Arrays.copyOf(b[0], b[0].length / 3), "is damaged");
        damage("empty", "actor.params", b -> b[0] = new byte[0], "is damaged");
        damage("scrambled", "actor.params", b -> new java.util.Random(3).nextBytes(b[0]), "is damaged");
        damage("header", "actor.params", b -> b[0][1] ^= 0x40, "is damaged");
        damage("weights", "critic1.params", b -> b[0][b[0].length - 7] ^= 0x01, "is damaged");
        damage("replay", "replay.bin", b -> b[0] = null, "is missing");
        damage("manifest", Checkpoints.MANIFEST, b -> b[0][b[0].length / 2] ^= 0x02, "is damaged");
    }

    @Test
    void aDamagedDigestFileIsRefusedByName() throws IOException {
        Path r = copy("sums");
        Path f = r.resolve("checkpoints/final/agents/hub_1/checksums.sha256");
        byte[] b = Files.readAllBytes(f);
        b[5] = (byte) (b[5] == 'a' ? 'b' : 'a');
        Files.write(f, b);
        CliRun e = evaluate(r);
        assertEquals(2, e.exitCode, e.toString());
        assertTrue(e.err.startsWith("error: checkpoint file " + r.resolve("checkpoints/final/agents/hub_1")), e.toString());
        assertEquals(1, e.err.lines().count(), e.toString());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path r = copy("verbose");
        Path f = r.resolve("checkpoints/final/agents/hub_0/actor.params");
        Files.write(f, new byte[10]);
        CliRun e = evaluate(r, "--verbose");
        assertEquals(2, e.exitCode, e.toString());
        assertTrue(e.err.startsWith("error: checkpoint file " + f), e.toString());
        assertTrue(e.err.contains("CheckpointException") && e.err.contains("\tat "), "--verbose prints the trace: " + e);
    }

    @Test
    void aCheckpointWrittenBeforeDigestsStillEvaluatesButItsDamageIsNamed() throws IOException {
        Path r = copy("legacy");
        try (var s = Files.walk(r)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("checksums.sha256")).toList()) {
                Files.delete(p);
            }
        }
        CliRun ok = evaluate(r);
        assertEquals(0, ok.exitCode, ok.toString());
        Path f = r.resolve("checkpoints/final/agents/hub_0/actor.params");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 9));
        Checkpoints.deleteRecursively(r.resolve("eval"));
        refused(evaluate(r), r, f, "is truncated");

        Files.write(f, b);
        Path manifest = r.resolve("checkpoints/final/agents/hub_1/manifest.json");
        String m = Files.readString(manifest);
        Files.writeString(manifest, m.substring(0, m.length() / 2));
        CliRun broken = evaluate(r);
        refused(broken, r, manifest, "is damaged: it ends in the middle of its JSON (line ");
        for (String parser : List.of("Unexpected end-of-input", "[Source:", "JsonEOFException", "expected close marker")) {
            assertFalse(broken.err.contains(parser), "no parser wording: " + broken);
        }
    }

    @Test
    void aDamagedTrainerStateStopsTheResumeByName() throws IOException {
        Path r = copy("state");
        Path f = r.resolve("checkpoints/final/trainer-state.json");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x01;
        Files.write(f, b);
        CliRun e = CliRun.of("train", "--resume", "--quiet", "--out", r.toString(), "--set", "stopping.maxEpisodes=6");
        assertEquals(2, e.exitCode, e.toString());
        assertEquals(1, e.err.lines().count(), e.toString());
        assertTrue(e.err.startsWith("error: checkpoint file " + f + " is damaged"), e.toString());
    }

    @Test
    void resumeAfterAKillRemovesTemporariesAndLogsTheDeadSession() throws Exception {
        Path r = copy("killed");
        // what kill -9 during an episode leaves: a session without a recorded stop, a half-written
        // learning curve and a half-written checkpoint directory
        Path runJson = r.resolve("run.json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(runJson.toFile());
        var last = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("sessions").get(tree.get("sessions").size() - 1);
        assertTrue(last.has("stopped"), "a clean stop is recorded: " + last);
        last.remove("stopped");
        json.writeValue(runJson.toFile(), tree);
        Files.writeString(r.resolve(".learning-curve.png.tmp-123"), "half a png");
        Files.createDirectories(r.resolve("checkpoints/.last.tmp-456/agents"));
        CliRun e = CliRun.of("train", "--resume", "--quiet", "--out", r.toString(), "--set", "stopping.maxEpisodes=6");
        assertEquals(0, e.exitCode, e.toString());
        try (var s = Files.walk(r)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
            assertEquals(List.of(), left, "no temporary file stays");
        }
        String log = Files.readString(r.resolve("train.log"));
        assertTrue(log.contains("the previous session (started ") && log.contains("has no clean stop recorded: it was killed or crashed"), log);
        var after = json.readTree(runJson.toFile()).get("sessions");
        assertTrue(after.get(after.size() - 1).has("stopped"), "the resumed session records its own stop");
        assertEquals("MAX_EPISODES", after.get(after.size() - 1).get("stopReason").asText());
    }
}
