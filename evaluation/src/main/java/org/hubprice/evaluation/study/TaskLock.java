package org.hubprice.evaluation.study;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hubprice.training.output.RunFiles;

/**
 * One worker per task: a lock file ({@code STORE/locks/KEY.lock}) naming its owner; the file's
 * modification time is the heartbeat, which the owner renews every {@link #HEARTBEAT}.
 *
 * <p>Publishing is atomic: the content is written to a temporary file first and then linked
 * to the lock's name ({@code createLink} fails when the name exists), so no worker ever reads a
 * half-written lock. A lock is held while its heartbeat is younger than {@link #STALE} and,
 * when its owner ran on this host, while the owner's process lives. A stale lock is taken over
 * by one taker at a time (the one that creates {@code KEY.lock.break}): it judges the lock again,
 * renames it aside, checks by content that it moved the lock it judged stale (a fresh lock
 * published in between is put back), and then links its own.
 */
public final class TaskLock implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration STALE = Duration.ofMinutes(5);

    /** The task is being run by a live worker. */
    public static final class HeldException extends IllegalStateException {
        public HeldException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String owner;
    private final Thread heartbeat;
    private volatile boolean released;

    private TaskLock(Path file, String owner) {
        this.file = file;
        this.owner = owner;
        this.heartbeat = new Thread(this::beat, "hubprice-task-heartbeat");
        heartbeat.setDaemon(true);
    }

    /** This process's owner name: {@code host:pid}. */
    public static String self() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /**
     * Takes the lock of task {@code key} in {@code store} for {@code owner} ({@code host:pid};
     * several locks of one process are told apart by a token added here).
     *
     * @throws HeldException when a live worker holds it, naming it and its heartbeat's age
     */
    public static TaskLock acquire(Path store, String key, String owner) throws IOException {
        Path file = store.resolve("locks").resolve(key.replace('/', '_') + ".lock");
        Files.createDirectories(file.getParent());
        TaskLock lock = new TaskLock(file, owner + "#" + UUID.randomUUID().toString().substring(0, 8));
        for (int attempt = 0; attempt < 5; attempt++) {
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".tmp-", "");
            try {
                RunFiles.JSON.writeValue(tmp.toFile(), lock.content());
                Files.createLink(file, tmp);
                lock.heartbeat.start();
                return lock;
            } catch (FileAlreadyExistsException e) {
                takeOverIfStale(file, key);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        throw new HeldException("task " + key + ": its lock changed hands repeatedly while this worker tried to take it; try again");
    }

    /**
     * Moves a stale lock aside; throws {@link HeldException} when it is held (or another worker
     * is taking it over). Returns quietly when it is gone, so the caller publishes again.
     */
    private static void takeOverIfStale(Path file, String key) throws IOException {
        Map<String, Object> held = read(file);
        Duration age = age(file);
        if (age == null) {
            return;
        }
        if (!stale(held, age)) {
            throw heldBy(key, held, age);
        }
        // One taker at a time: without this, a taker that judged the old lock stale could move
        // aside the fresh lock another taker had just published (and an inode number freed by the
        // old lock can come back on the new one, so the file's identity cannot tell them apart).
        Path breaker = file.resolveSibling(file.getFileName() + ".break");
        try {
            Files.createFile(breaker);
        } catch (FileAlreadyExistsException busy) {
            Duration breakerAge = age(breaker);
            if (breakerAge != null && breakerAge.compareTo(HEARTBEAT) > 0) {
                Files.deleteIfExists(breaker); // a taker died between its two steps
            }
            throw new HeldException("task " + key + ": another worker is taking over its stale lock; Maybe try again in a moment");
        }
        try {
            // judge again while no other taker can act: the lock may have been replaced
            Map<String, Object> now = read(file);
            Duration nowAge = age(file);
            if (nowAge == null || !now.equals(held)) {
                return;
            }
            Path aside = file.resolveSibling("." + file.getFileName() + ".stale-" + UUID.randomUUID());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException gone) {
                return;
            }
            if (!read(aside).equals(held)) {
                // the old owner released it and a fresh lock came in between: put that one back
                try {
                    Files.createLink(file, aside);
                } catch (FileAlreadyExistsException e) {
                    // yet another lock is there now; the caller finds it held
                }
            }
            Files.deleteIfExists(aside);
        } finally {
            Files.deleteIfExists(breaker);
        }
    }

    private static boolean stale(Map<String, Object> held, Duration age) {
        return age.compareTo(STALE) >= 0 || deadHere(held);
    }

    private static HeldException heldBy(String key, Map<String, Object> held, Duration age) {
        return new HeldException("task " + key + " is being run by " + held.getOrDefault("owner", "another worker") + " (heartbeat "
                + age.toSeconds() + " s ago); a lock is taken over only after " + STALE.toMinutes() + " min without a heartbeat."
                + " Maybe run another index ('hubprice study status' shows which are free), or try again later");
    }

    /** The lock file's content, or an empty map when it cannot be read. */
    public static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = RunFiles.JSON.readValue(file.toFile(), LinkedHashMap.class);
            return m;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** How long ago the lock's heartbeat (its modification time) was renewed, or null when the file is gone. */
    public static Duration age(Path file) {
        try {
            return Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether the lock's owner ran on this host and its process is gone (a killed worker's lock
     * need not wait for its heartbeat to go stale there).
     */
    public static boolean deadHere(Map<String, Object> lock) {
        Object o = lock.get("owner");
        if (!(o instanceof String full)) {
            return false;
        }
        String owner = full.indexOf('#') >= 0 ? full.substring(0, full.indexOf('#')) : full;
        int colon = owner.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String self = self();
        if (!owner.substring(0, colon).equals(self.substring(0, self.lastIndexOf(':')))) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(colon + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", owner);
        m.put("started", Instant.now().toString());
        return m;
    }

    /** Renews the heartbeat while the lock still names this owner (touching only the time, never the content). */
    private void beat() {
        while (!released) {
            try {
                Thread.sleep(HEARTBEAT.toMillis());
                if (!released && owner.equals(read(file).get("owner"))) {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // the next beat tries again; a lock that stays unrenewed becomes stale, as it should
            }
        }
    }

    /**
     * Releases the lock: removes the file if it still names this owner. It is renamed aside and
     * checked first, so a lock another worker took over in the meantime is put back, not deleted.
     */
    @Override
    public void close() throws IOException {
        released = true;
        heartbeat.interrupt();
        if (!owner.equals(read(file).get("owner"))) {
            return;
        }
        Path aside = file.resolveSibling("." + file.getFileName() + ".released-" + UUID.randomUUID());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (!owner.equals(read(aside).get("owner"))) {
            try {
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException e) {
                // a third lock is there; it is that worker's
            }
        }
        Files.deleteIfExists(aside);
    }
}
