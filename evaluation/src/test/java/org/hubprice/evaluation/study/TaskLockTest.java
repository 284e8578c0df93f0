package org.hubprice.evaluation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.hubprice.training.output.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One worker per task: a held lock refuses a second worker, a stale one is taken over, release deletes it. */
class TaskLockTest {
    @TempDir
    Path store;

    @Test
    void aLiveLockRefusesASecondWorkerByName() throws Exception {
        try (TaskLock a = TaskLock.acquire(store, "sac-ff_sac-ff/seed-1", "host-a:1")) {
            TaskLock.HeldException e = assertThrows(TaskLock.HeldException.class, () -> TaskLock.acquire(store, "sac-ff_sac-ff/seed-1", "host-b:2"));
            assertTrue(e.getMessage().contains("host-a:1") && e.getMessage().contains("heartbeat"), e.getMessage());
            try (TaskLock other = TaskLock.acquire(store, "sac-ff_sac-ff/seed-2", "host-b:2")) {
                assertTrue(Files.isRegularFile(store.resolve("locks/sac-ff_sac-ff_seed-2.lock")), "another task is free");
            }
        }
        assertFalse(Files.exists(store.resolve("locks/sac-ff_sac-ff_seed-1.lock")), "released");
        try (TaskLock b = TaskLock.acquire(store, "sac-ff_sac-ff/seed-1", "host-b:2")) {
            assertEquals("host-b:2", TaskLock.read(store.resolve("locks/sac-ff_sac-ff_seed-1.lock")).get("owner"));
        }
    }

    @Test
    void aStaleLockIsTakenOver() throws Exception {
        Path f = store.resolve("locks/demand+50_seed-1.lock");
        Files.createDirectories(f.getParent());
        RunFiles.writeJson(f, Map.of("owner", "dead:9", "heartbeat", Instant.now().minus(TaskLock.STALE).minusSeconds(1).toString()));
        assertTrue(TaskLock.age(TaskLock.read(f)).compareTo(TaskLock.STALE) > 0);
        try (TaskLock b = TaskLock.acquire(store, "demand+50/seed-1", "host-b:2")) {
            assertEquals("host-b:2", TaskLock.read(f).get("owner"));
            assertTrue(TaskLock.age(TaskLock.read(f)).toSeconds() < 60, "a fresh heartbeat");
        }
        RunFiles.writeJson(f, Map.of("owner", "alive:9", "heartbeat", Instant.now().minusSeconds(60).toString()));
        assertThrows(TaskLock.HeldException.class, () -> TaskLock.acquire(store, "demand+50/seed-1", "host-b:2"), "a minute is not stale");
        // a worker of this host whose process is gone: its lock is free at once, whatever the heartbeat
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String self = TaskLock.self();
        String here = self.substring(0, self.lastIndexOf(':'));
        RunFiles.writeJson(f, Map.of("owner", here + ":" + gone.pid(), "heartbeat", Instant.now().toString()));
        assertTrue(TaskLock.deadHere(TaskLock.read(f)));
        try (TaskLock c = TaskLock.acquire(store, "demand+50/seed-1", "host-c:3")) {
            assertEquals("host-c:3", TaskLock.read(f).get("owner"));
        }
        RunFiles.writeJson(f, Map.of("owner", self, "heartbeat", Instant.now().toString()));
        assertThrows(TaskLock.HeldException.class, () -> TaskLock.acquire(store, "demand+50/seed-1", "host-c:3"), "a live process of this host");
    }
}
