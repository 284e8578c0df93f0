package org.hubprice.evaluation.study;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.training.output.RunFiles;

/**
 * One worker per task: a lock file ({@code STORE/locks/KEY.lock}) naming its owner (host and
 * process) with a heartbeat the owner renews every {@link #HEARTBEAT}. Another worker finds the
 * lock held and refuses the task, unless the heartbeat is older than {@link #STALE} or the owner
 * ran on this host and its process is gone (its owner died): then it takes the lock over. Creating the lock is atomic ({@code createFile}); a
 * takeover renames its own file over the stale one and then checks that the lock names it.
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
     * Takes the lock of task {@code key} in {@code store} for {@code owner}.
     *
     * @throws HeldException when a live worker holds it, naming it and its heartbeat's age
     */
    public static TaskLock acquire(Path store, String key, String owner) throws IOException {
        Path file = store.resolve("locks").resolve(key.replace('/', '_') + ".lock");
        Files.createDirectories(file.getParent());
        TaskLock lock = new TaskLock(file, owner);
        try {
            Files.createFile(file);
            lock.write();
        } catch (FileAlreadyExistsException e) {
            Map<String, Object> held = read(file);
            Duration age = age(held);
            if (age != null && age.compareTo(STALE) < 0 && !deadHere(held)) {
                throw new HeldException("task " + key + " is being run by " + held.get("owner") + " (heartbeat " + age.toSeconds()
                        + " s ago); a lock is taken over only after " + STALE.toMinutes() + " min without a heartbeat");
            }
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".tmp-", "");
            RunFiles.JSON.writeValue(tmp.toFile(), lock.content());
            move(tmp, file);
            if (!owner.equals(read(file).get("owner"))) {
                throw new HeldException("task " + key + ": another worker took over its stale lock first (" + read(file).get("owner") + ")");
            }
        }
        lock.heartbeat.start();
        return lock;
    }

    /** The lock file's content, or an empty map when it cannot be read (mid-write). */
    public static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = RunFiles.JSON.readValue(file.toFile(), LinkedHashMap.class);
            return m;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * Whether the lock's owner ran on this host and its process is gone (a killed worker's lock
     * need not wait for its heartbeat to go stale there).
     */
    public static boolean deadHere(Map<String, Object> lock) {
        Object o = lock.get("owner");
        if (!(o instanceof String owner) || owner.lastIndexOf(':') < 0) {
            return false;
        }
        String host = owner.substring(0, owner.lastIndexOf(':'));
        String self = self();
        if (!host.equals(self.substring(0, self.lastIndexOf(':')))) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(owner.lastIndexOf(':') + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** How long ago the lock's heartbeat was renewed, or null when it has none. */
    public static Duration age(Map<String, Object> lock) {
        Object hb = lock.get("heartbeat");
        if (!(hb instanceof String s)) {
            return null;
        }
        try {
            return Duration.between(Instant.parse(s), Instant.now());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", owner);
        m.put("heartbeat", Instant.now().toString());
        return m;
    }

    private void write() throws IOException {
        RunFiles.writeJson(file, content());
    }

    private void beat() {
        while (!released) {
            try {
                Thread.sleep(HEARTBEAT.toMillis());
                if (!released && owner.equals(read(file).get("owner"))) {
                    write();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // the next beat tries again; a lock that stays unrenewed becomes stale, as it should
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Releases the lock (deletes the file if it still names this owner). */
    @Override
    public void close() throws IOException {
        released = true;
        heartbeat.interrupt();
        if (owner.equals(read(file).get("owner"))) {
            Files.deleteIfExists(file);
        }
    }
}
