package org.hubprice.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run directory's checks and housekeeping, without training anything. */
class RunLayoutTest {
    @TempDir
    Path tmp;

    private static void state(Path checkpoint, long episodes) throws Exception {
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve(RunLayout.TRAINER_STATE), "{\"episodes\": " + episodes + "}");
    }

    @Test
    void newRunNeedsAnAbsentOrEmptyDirectory() throws Exception {
        RunLayout.checkOutputDir(tmp.resolve("a/b/c"), false);
        RunLayout.checkOutputDir(tmp, false);
        Files.writeString(tmp.resolve("x.txt"), "x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunLayout.checkOutputDir(tmp, false)).getMessage().contains("not empty"));
        Files.writeString(tmp.resolve(RunLayout.RUN_JSON), "{}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunLayout.checkOutputDir(tmp, false)).getMessage().contains("--resume"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunLayout.checkOutputDir(tmp.resolve("x.txt"), false)).getMessage()
                .contains("is a file"));
    }

    @Test
    void resumeNeedsARunWithACheckpoint() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunLayout.checkOutputDir(tmp, true)).getMessage().contains("no training run"));
        Files.writeString(tmp.resolve(RunLayout.RUN_JSON), "{}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunLayout.checkOutputDir(tmp, true)).getMessage().contains("no checkpoint"));
        state(new RunLayout(tmp).checkpoint("last"), 10);
        RunLayout.checkOutputDir(tmp, true);
    }

    @Test
    void latestCheckpointIsTheOneWithMoreEpisodes() throws Exception {
        RunLayout layout = new RunLayout(tmp);
        assertNull(layout.latestCheckpoint());
        state(layout.checkpoint("final"), 30);
        state(layout.checkpoint("last"), 20);
        assertEquals(layout.checkpoint("final"), layout.latestCheckpoint());
        state(layout.checkpoint("last"), 40);
        assertEquals(layout.checkpoint("last"), layout.latestCheckpoint());
        Files.writeString(layout.checkpoint("last").resolve(RunLayout.TRAINER_STATE), "{\"episodes\": 4");
        assertTrue(assertThrows(RuntimeException.class, layout::latestCheckpoint).getMessage().contains("damaged"));
    }

    @Test
    void leftoversOfAKilledSessionAreRemovedOrRestored() throws Exception {
        RunLayout layout = new RunLayout(tmp);
        Files.writeString(tmp.resolve(".learning-curve.png.tmp-123"), "half");
        Files.createDirectories(tmp.resolve(RunLayout.CHECKPOINTS).resolve(".last.tmp-9"));
        state(tmp.resolve(RunLayout.CHECKPOINTS).resolve(".final.old-7"), 50);
        Files.writeString(tmp.resolve(RunLayout.METRICS_CSV), "episode\n");
        layout.removeLeftovers();
        assertFalse(Files.exists(tmp.resolve(".learning-curve.png.tmp-123")));
        assertFalse(Files.exists(tmp.resolve(RunLayout.CHECKPOINTS).resolve(".last.tmp-9")));
        assertTrue(Files.isRegularFile(layout.checkpoint("final").resolve(RunLayout.TRAINER_STATE)), "a checkpoint caught between renames comes back");
        assertTrue(Files.isRegularFile(tmp.resolve(RunLayout.METRICS_CSV)), "ordinary files stay");
    }
}
