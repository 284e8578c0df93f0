package org.hubprice.training.seeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hubprice.training.run.Progress;

/**
 * Runs child processes side by side, {@code parallel} at a time, each reporting progress with
 * {@code hubprice-progress EPISODES MAX} lines on its standard output, under one progress
 * display ({@link SeedProgress}). A JVM shutdown (Ctrl-C, SIGTERM) asks every running child to
 * stop (SIGTERM: a training child finishes its episode and writes a checkpoint) and waits for it.
 * Used by {@code train --seeds} and the study runner.
 */
public final class ChildTasks {
    /** Exit codes that mean "nothing to do here" for this caller: counted as skipped, not failed. */
    private final java.util.Set<Integer> skipCodes;
    private final List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Jobs a stop request ended or kept from starting: interrupted, not failed (they resume when run again). */
    private final List<String> stopped = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One child: a label for messages and how to start it. */
    public record Job(String label, Starter starter) {}

    /** Starts a child process whose standard output carries progress lines. */
    @FunctionalInterface
    public interface Starter {
        Process start() throws IOException;
    }

    private final int parallel;
    private final SeedProgress progress;
    private final List<Process> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param members the number of progress slots (jobs plus any already finished)
     * @param maxEpisodes episodes of one slot when done
     */
    public ChildTasks(int parallel, int members, long maxEpisodes, boolean quiet, String unit) {
        this(parallel, members, maxEpisodes, quiet, unit, java.util.Set.of());
    }

    /** The same, with exit codes that mean "skipped" for this caller (see {@link #skipped()}). */
    public ChildTasks(int parallel, int members, long maxEpisodes, boolean quiet, String unit, java.util.Set<Integer> skipCodes) {
        this.skipCodes = java.util.Set.copyOf(skipCodes);
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel = " + parallel + " must be >= 1 (default: one per core)");
        }
        this.parallel = parallel;
        this.progress = new SeedProgress(members, maxEpisodes, quiet, unit);
    }

    /** Marks slot {@code slot} as already finished (skipped). */
    public void alreadyDone(int slot) {
        progress.set(slot, Long.MAX_VALUE);
        progress.finished(slot);
    }

    /**
     * Runs {@code jobs} (job {@code k} reports into slot {@code slots[k]}) and returns, per job,
     * null on success or what went wrong.
     */
    public List<String> run(List<Job> jobs, int[] slots) throws InterruptedException {
        String[] outcome = new String[jobs.size()];
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < jobs.size(); k++) {
            queue.add(k);
        }
        Thread hook = new Thread(this::requestStop, "hubprice-children-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(parallel, Math.max(1, jobs.size())); w++) {
            Thread t = new Thread(() -> {
                Integer k;
                while (!stopping && (k = queue.poll()) != null) {
                    outcome[k] = runOne(jobs.get(k), slots[k]);
                }
            }, "hubprice-children-" + w);
            t.start();
            workers.add(t);
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } finally {
            progress.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        for (Integer k : queue) {
            outcome[k] = notStarted(jobs.get(k));
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(outcome));
    }

    /** The labels of the jobs that exited with one of the skip codes. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The labels of the jobs a stop request (Ctrl-C, SIGTERM, {@link #requestStop()}) ended or
     * kept from starting. Their outcome is not null, since they did not finish, but they did not
     * fail either: running them again resumes them.
     */
    public List<String> stopped() {
        return List.copyOf(stopped);
    }

    private String notStarted(Job job) {
        stopped.add(job.label());
        return job.label() + ": not started (stopping)";
    }

    private String stoppedWhileRunning(Job job) {
        stopped.add(job.label());
        return job.label() + ": stopped before its end";
    }

    private String runOne(Job job, int slot) {
        Process p;
        try {
            synchronized (running) {
                if (stopping) {
                    return notStarted(job);
                }
                p = job.starter().start();
                running.add(p);
            }
        } catch (IOException e) {
            return job.label() + ": cannot start its process: " + e.getMessage();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(Progress.LINE_PREFIX)) {
                    String[] f = line.substring(Progress.LINE_PREFIX.length()).trim().split(" ");
                    try {
                        progress.set(slot, Long.parseLong(f[0]));
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                        // not a progress line after all
                    }
                }
            }
            int code = p.waitFor();
            progress.finished(slot);
            if (skipCodes.contains(code) && !stopping) {
                skipped.add(job.label());
                return null;
            }
            if (code != 0 && stopping) {
                return stoppedWhileRunning(job);
            }
            return code == 0 ? null : job.label() + ": exited with code " + code;
        } catch (IOException | InterruptedException e) {
            p.destroy();
            // a stop closes the children's pipes under the reader: that is the stop, not a failure
            return stopping ? stoppedWhileRunning(job) : job.label() + ": " + e;
        } finally {
            synchronized (running) {
                running.remove(p);
            }
        }
    }

    /**
     * Asks every running child to stop after its episode (each writes a checkpoint), starts no
     * more, and waits for the running ones. The JVM's shutdown hook calls it on Ctrl-C or SIGTERM.
     */
    public void requestStop() {
        stopping = true;
        List<Process> ps;
        synchronized (running) {
            ps = new ArrayList<>(running);
        }
        for (Process p : ps) {
            p.destroy();
        }
        for (Process p : ps) {
            try {
                p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
