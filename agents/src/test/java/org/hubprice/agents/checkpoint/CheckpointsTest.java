package org.hubprice.agents.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path tmp;

    private static Manifest manifest(String agent) {
        return new Manifest(Checkpoints.FORMAT_VERSION, agent, "test", Map.of("network", "ff"), Map.of(),
                SpaceCodec.toMap(new Box(new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {1, Double.POSITIVE_INFINITY})),
                SpaceCodec.toMap(new Discrete(3)), Map.of(), Map.of("seed", 5L), Checkpoints.versions(), Map.of(), Map.of(), Map.of());
    }

    private List<String> names() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesAtomicallyAndLeavesNoTemporaries() throws IOException {
        Path dir = tmp.resolve("ck");
        Checkpoints.writeAtomically(dir, t -> {
            Checkpoints.writeManifest(t, manifest("a"));
            Files.writeString(t.resolve("x.bin"), "one");
        });
        Checkpoints.writeAtomically(dir, t -> Checkpoints.writeManifest(t, manifest("b")));
        assertEquals("b", Checkpoints.readManifest(dir).agent());
        assertTrue(Files.notExists(dir.resolve("x.bin")), "the old checkpoint's files are gone");
        assertEquals(List.of("ck"), names());
        Manifest m = Checkpoints.readManifest(dir);
        assertEquals(SpaceCodec.fromMap(manifest("b").observationSpace()), SpaceCodec.fromMap(m.observationSpace()), "infinite bounds survive JSON");
        assertTrue(m.versions().containsKey("engineVersion"));
    }

    @Test
    void aFailingWriterKeepsTheOldCheckpoint() throws IOException {
        Path dir = tmp.resolve("ck");
        Checkpoints.writeAtomically(dir, t -> Checkpoints.writeManifest(t, manifest("a")));
        assertThrows(IOException.class, () -> Checkpoints.writeAtomically(dir, t -> {
            Files.writeString(t.resolve("half.bin"), "partial");
            throw new IOException("disk full");
        }));
        assertEquals("a", Checkpoints.readManifest(dir).agent());
        assertEquals(List.of("ck"), names());
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotACheckpoint() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve("precious.csv"), "1,2,3");
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.writeAtomically(dir, t -> { }));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("precious.csv")));
        var missing = assertThrows(IOException.class, () -> Checkpoints.readManifest(dir));
        assertTrue(missing.getMessage().contains("not a checkpoint"), missing.getMessage());
    }

    @Test
    void incompatibleCheckpointsNameEveryDifference() {
        Manifest m = manifest("dqn");
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.checkCompatible(m, tmp, "dqn",
                Box.uniform(0, 1, 3), new Discrete(4), Map.of("network", "mha")));
        String msg = e.getMessage();
        assertTrue(msg.contains("observation space") && msg.contains("action space") && msg.contains("network network"), msg);
    }
}
