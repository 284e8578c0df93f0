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
 * by one remover at a time (the one that creates {@code KEY.lock.break}, with a token of its
 * own): it judges the lock again (content and heartbeat), removes it and then links its own.
 * A releasing owner takes the same breaker, so it never removes a lock a taker just published.
 * A worker whose lock was taken over finds out through {@link #ensureHeld} before it writes.
 */
public final class TaskLock implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration STALE = Duration.ofMinutes(5);
    /** The exit code of a command stopped by a task another worker holds ({@code EX_TEMPFAIL}: try later). */
    public static final int HELD_EXIT_CODE = 75;

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
    /** Set by the heartbeat when the file no longer names this owner (another worker took the task over). */
    private volatile boolean lost;

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
            if (publish(file, RunFiles.JSON.writeValueAsString(lock.content()))) {
                lock.heartbeat.start();
                return lock;
            }
            takeOverIfStale(file, key);
        }
        throw new HeldException("task " + key + ": its lock changed hands repeatedly while this worker tried to take it; try again");
    }

    /**
     * Writes {@code content} to a temporary file and links it to {@code file}: false when
     * {@code file} exists. A reader never sees a half-written file.
     */
    private static boolean publish(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".tmp-", "");
        try {
            Files.writeString(tmp, content);
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        if (!isStale(held, age)) {
            throw heldBy(key, held, age);
        }
        // One remover at a time (takers and releasing owners): without this, a taker that judged
        // the old lock stale could move aside the fresh lock another taker had just published (and
        // an inode number freed by the old lock can come back on the new one, so the file's
        // identity cannot tell them apart).
        Breaker breaker = Breaker.enter(file);
        if (breaker == null) {
            throw new HeldException("task " + key + ": another worker is taking over its stale lock (" + file.getFileName() + ".break); try"
                    + " again in " + HEARTBEAT.toSeconds() + " s (a breaker left by a dead worker is cleared after that)");
        }
        try (breaker) {
            // judge again while no other remover can act: the lock may have been replaced or renewed
            Map<String, Object> now = read(file);
            Duration nowAge = age(file);
            if (nowAge == null || !now.equals(held) || !isStale(now, nowAge)) {
                return;
            }
            removeIf(file, now);
        }
    }

    /**
     * Removes {@code file} if it still holds {@code expected}; the caller holds the breaker, so
     * no other remover can act, and publishers only ever add a lock where none is.
     */
    private static void removeIf(Path file, Map<String, Object> expected) throws IOException {
        Path aside = file.resolveSibling("." + file.getFileName() + ".removed-" + UUID.randomUUID());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (!read(aside).equals(expected)) {
            // not the lock that was judged: possible only when this remover stalled past the
            // breaker's lifetime and another cleared the breaker and acted; put it back
            try {
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException e) {
                // another lock is there now
            }
        }
        Files.deleteIfExists(aside);
    }

    /** {@code KEY.lock.break}: held by the one worker that may remove the lock, with a token of its own. */
    private static final class Breaker implements AutoCloseable {
        private final Path path;
        private final String token;

        private Breaker(Path path, String token) {
            this.path = path;
            this.token = token;
        }

        /** The breaker, or null when another worker holds it (a breaker left by a dead worker is cleared for the next try). */
        static Breaker enter(Path lockFile) throws IOException {
            Path path = lockFile.resolveSibling(lockFile.getFileName() + ".break");
            String token = UUID.randomUUID().toString();
            if (publish(path, token)) {
                return new Breaker(path, token);
            }
            Duration age = age(path);
            if (age != null && age.compareTo(HEARTBEAT) > 0) {
                // a breaker lives for milliseconds; this one's worker died between its steps
                Files.deleteIfExists(path);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            try {
                if (token.equals(Files.readString(path).trim())) {
                    Files.deleteIfExists(path);
                }
            } catch (NoSuchFileException gone) {
                // cleared by another worker after a long pause of this one
            }
        }
    }

    /**
     * The one staleness rule (takeover and {@code study status} both use it): no heartbeat for
     * {@link #STALE}, or an owner on this host whose process is gone; a lock whose file is gone
     * ({@code age == null}) counts as stale.
     */
    public static boolean isStale(Map<String, Object> lock, Duration age) {
        return age == null || age.compareTo(STALE) >= 0 || deadHere(lock);
    }

    private static HeldException heldBy(String key, Map<String, Object> held, Duration age) {
        return new HeldException("task " + key + " is being run by " + held.getOrDefault("owner", "another worker") + " (heartbeat "
                + age.toSeconds() + " s ago); a lock is taken over only after " + STALE.toMinutes() + " min without a heartbeat."
                + " Maybe run another index ('hubprice study status NAME --store DIR' shows which are free), or try again later");
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
                if (!released) {
                    Boolean taken = takenOver();
                    if (Boolean.TRUE.equals(taken)) {
                        lost = true;
                    } else if (taken != null) {
                        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // the next beat tries again; a lock that stays unrenewed becomes stale, as it should
            }
        }
    }

    /** Whether this worker still holds the lock (it has not been released, and the file names it). */
    public boolean held() {
        if (!lost && !released && Boolean.TRUE.equals(takenOver())) {
            lost = true;
        }
        return !lost && !released;
    }

    /**
     * Whether the lock file is gone or names another owner; null when it could not be read just
     * now (a shared store's hiccup is not a takeover: the heartbeat tries again, and a lock that
     * stays unreadable and unrenewed goes stale as it should).
     */
    private Boolean takenOver() {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = RunFiles.JSON.readValue(file.toFile(), LinkedHashMap.class);
            return !owner.equals(m.get("owner"));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return Boolean.TRUE;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether the heartbeat has seen the lock taken over; cheap (no file access), for checks
     * after every training episode.
     */
    public boolean lost() {
        return lost;
    }

    /**
     * Throws when the lock is no longer this worker's (another took it over after this one's
     * heartbeat lapsed): a worker checks after every training episode (through the heartbeat's
     * {@link #lost} flag) and before it deletes or writes results, so two never both write.
     */
    public void ensureHeld(String what) {
        if (!held()) {
            throw new HeldException(what + ": the task's lock " + file + " no longer names this worker (" + owner + "); another worker took"
                    + " the task over after this one's heartbeat lapsed, so this one stops without writing");
        }
    }

    /**
     * Releases the lock: removes the file if it still names this owner, holding the breaker so
     * that no taker acts at the same time (a lock another worker took over is left alone).
     */
    @Override
    public void close() throws IOException {
        released = true;
        heartbeat.interrupt();
        for (int attempt = 0; attempt < 200; attempt++) {
            Map<String, Object> now = read(file);
            if (!owner.equals(now.get("owner"))) {
                return;
            }
            Breaker breaker = Breaker.enter(file);
            if (breaker != null) {
                try (breaker) {
                    Map<String, Object> still = read(file);
                    if (owner.equals(still.get("owner"))) {
                        removeIf(file, still);
                    }
                }
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the lock goes stale and is taken over in time
            }
        }
    }
}
