package org.hubprice.agents.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.dqn.DqnFactory;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every checkpoint carries {@code checksums.sha256}; one changed byte in any of its files is refused on load, naming the file. */
class CheckpointDigestsTest {
    @TempDir
    Path tmp;

    private static Manifest manifest() {
        return new Manifest(Checkpoints.FORMAT_VERSION, "test", "test", Map.of("network", "ff"), Map.of("learningRate", 0.001),
                SpaceCodec.toMap(Box.uniform(0, 1, 2)), SpaceCodec.toMap(new Discrete(3)), Map.of(), Map.of("seed", 5L),
                Checkpoints.versionsWithoutEngine(), Map.of("host", "x"), Map.of(), Map.of("weights", "w.bin"));
    }

    private Path write() throws IOException {
        Path dir = tmp.resolve("ck");
        Checkpoints.writeAtomically(dir, t -> {
            Checkpoints.writeManifest(t, manifest());
            Checkpoints.writeBinary(t.resolve("w.bin"), out -> {
                for (int i = 0; i < 200; i++) {
                    out.writeFloat(i * 0.25f);
                }
            });
            Files.createDirectories(t.resolve("inner"));
            Files.writeString(t.resolve("inner/state.json"), "{\"steps\": 3}");
        });
        return dir;
    }

    @Test
    void listsEveryFileWithItsSha256() throws IOException {
        Path dir = write();
        List<String> lines = Files.readAllLines(dir.resolve(CheckpointDigests.FILE));
        assertEquals(List.of("inner/state.json", "manifest.json", "w.bin"), lines.stream().map(l -> l.substring(66)).toList());
        assertEquals(CheckpointDigests.sha256(dir.resolve("w.bin")), lines.get(2).substring(0, 64));
        assertTrue(CheckpointDigests.verify(dir));
        assertEquals("test", Checkpoints.readManifest(dir).agent());
    }

    @Test
    void oneFlippedByteAnywhereIsRefusedNamingTheFile() throws IOException {
        Path dir = write();
        for (String name : List.of("manifest.json", "w.bin", "inner/state.json", CheckpointDigests.FILE)) {
            Path f = dir.resolve(name);
            byte[] good = Files.readAllBytes(f);
            for (int i = 0; i < good.length; i++) {
                for (int bit : new int[] {0x01, 0x20, 0x80}) {
                    byte[] bad = good.clone();
                    bad[i] ^= (byte) bit;
                    Files.write(f, bad);
                    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.readManifest(dir),
                            name + " byte " + i + " bit " + bit);
                    String msg = e.getMessage();
                    boolean names = msg.startsWith("checkpoint file " + f + " ")
                            || name.equals(CheckpointDigests.FILE) && msg.startsWith("checkpoint file " + dir.resolve(""));
                    assertTrue(names, name + " byte " + i + ": " + msg);
                    assertFalse(msg.contains("\n"), "one line: " + msg);
                    assertTrue(msg.contains("Maybe"), "says what to do: " + msg);
                }
            }
            Files.write(f, good);
        }
        assertTrue(CheckpointDigests.verify(dir), "restored, the checkpoint is whole again");
    }

    @Test
    void missingTruncatedAndUnlistedFilesAreNamed() throws IOException {
        Path dir = write();
        byte[] w = Files.readAllBytes(dir.resolve("w.bin"));
        Files.write(dir.resolve("w.bin"), java.util.Arrays.copyOf(w, 100));
        String truncated = assertThrows(CheckpointException.class, () -> Checkpoints.readManifest(dir)).getMessage();
        assertTrue(truncated.startsWith("checkpoint file " + dir.resolve("w.bin") + " is damaged: its SHA-256 differs"), truncated);
        Files.delete(dir.resolve("w.bin"));
        String missing = assertThrows(CheckpointException.class, () -> Checkpoints.readManifest(dir)).getMessage();
        assertTrue(missing.startsWith("checkpoint file " + dir.resolve("w.bin") + " is missing"), missing);
        Files.write(dir.resolve("w.bin"), w);
        Files.writeString(dir.resolve("extra.bin"), "x");
        String extra = assertThrows(CheckpointException.class, () -> Checkpoints.readManifest(dir)).getMessage();
        assertTrue(extra.contains(CheckpointDigests.FILE + " is damaged or out of date: it does not list extra.bin"), extra);
    }

    @Test
    void aCheckpointWithoutDigestsStillLoadsAndItsDamageIsStillNamed() throws IOException {
        Path dir = write();
        Files.delete(dir.resolve(CheckpointDigests.FILE));
        assertFalse(CheckpointDigests.verify(dir));
        assertEquals("test", Checkpoints.readManifest(dir).agent(), "written before digests existed: loads");
        byte[] w = Files.readAllBytes(dir.resolve("w.bin"));
        Files.write(dir.resolve("w.bin"), java.util.Arrays.copyOf(w, 10));
        String msg = assertThrows(CheckpointException.class, () -> Checkpoints.readBinary(dir.resolve("w.bin"), in -> {
            for (int i = 0; i < 200; i++) {
                in.readFloat();
            }
        })).getMessage();
        assertTrue(msg.startsWith("checkpoint file " + dir.resolve("w.bin") + " is truncated"), msg);
        Files.writeString(dir.resolve(Checkpoints.MANIFEST), "{\"formatVersion\": 1, \"agent\": ");
        String json = assertThrows(CheckpointException.class, () -> Checkpoints.readManifest(dir)).getMessage();
        assertTrue(json.startsWith("checkpoint file " + dir.resolve(Checkpoints.MANIFEST) + " is damaged: it ends in the middle of its JSON"),
                json);
        assertFalse(json.contains("Unexpected end-of-input") || json.contains("[Source:"), "no parser wording: " + json);
    }

    @Test
    void aDqnCheckpointWithAFlippedWeightIsRefused() throws IOException {
        AgentContext ctx = new AgentContext(Box.uniform(-1, 1, 3), new Discrete(3), Map.of("hidden", "8"), 5);
        Path dir = tmp.resolve("dqn");
        try (Agent a = new DqnFactory().create(ctx)) {
            a.save(dir);
        }
        try (Agent loaded = new DqnFactory().load(dir, ctx)) {
            assertTrue(loaded != null);
        }
        List<String> files;
        try (var s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".params")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        Path f = dir.resolve(files.get(0));
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x01; // inside the weights: a value changes, the file still parses
        Files.write(f, b);
        String msg = assertThrows(CheckpointException.class, () -> new DqnFactory().load(dir, ctx)).getMessage();
        assertTrue(msg.startsWith("checkpoint file " + f + " is damaged"), msg);
    }
}
