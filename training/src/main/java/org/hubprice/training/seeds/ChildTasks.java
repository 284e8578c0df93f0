package org.hubprice.training.seeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    /** How a Java child ends when a stop signal (SIGINT, SIGTERM) ends it: 128 + the signal's number. */
    private static final Set<Integer> SIGNAL_EXITS = Set.of(130, 143);

    /** Exit codes that mean "nothing to do here" for this caller: counted as skipped, not failed. */
    private final Set<Integer> skipCodes;

    /** One child: a label for messages and how to start it. */
    public record Job(String label, Starter starter) {}

    /** Starts a child process whose standard output carries progress lines. */
    @FunctionalInterface
    public interface Starter {
        Process start() throws IOException;
    }

    /** How a job ended. */
    public enum Status {
        /** Its child exited with 0. */
        FINISHED,
        /** Its child exited with one of the caller's skip codes (e.g. another worker holds the task). */
        SKIPPED,
        /**
         * A stop request (Ctrl-C, SIGTERM, {@link #requestStop()}) ended its child by the signal, or
         * kept it from starting: not finished, not failed either, since running it again resumes it.
         */
        STOPPED,
        /** Its child could not start, or exited with another code (also during a stop), or its output broke. */
        FAILED
    }

    /**
     * What became of one job.
     *
     * @param message null when finished, else what happened, starting with the job's label
     */
    public record Result(Status status, String message) {}

    private final int parallel;
    private final SeedProgress progress;
    private final List<Process> running = new ArrayList<>();
    /** The children {@link #requestStop} sent the stop signal to: only their signal exits count as stopped. */
    private final Set<Process> signalled = new HashSet<>();
    private volatile boolean stopping;

    /**
     * @param members the number of progress slots (jobs plus any already finished)
     * @param maxEpisodes episodes of one slot when done
     */
    public ChildTasks(int parallel, int members, long maxEpisodes, boolean quiet, String unit) {
        this(parallel, members, maxEpisodes, quiet, unit, Set.of());
    }

    /** The same, with exit codes that mean "skipped" for this caller. */
    public ChildTasks(int parallel, int members, long maxEpisodes, boolean quiet, String unit, Set<Integer> skipCodes) {
        this.skipCodes = Set.copyOf(skipCodes);
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
     * Runs {@code jobs} (job {@code k} reports into slot {@code slots[k]}) and returns, per job
     * in the same order, how it ended.
     */
    public List<Result> run(List<Job> jobs, int[] slots) throws InterruptedException {
        Result[] outcome = new Result[jobs.size()];
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
        return List.of(outcome);
    }

    /** The labels of the jobs with the given status in {@code results}, in job order. */
    public static List<String> labels(List<Job> jobs, List<Result> results, Status status) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            if (results.get(k).status() == status) {
                out.add(jobs.get(k).label());
            }
        }
        return out;
    }

    private static Result notStarted(Job job) {
        return new Result(Status.STOPPED, job.label() + ": not started (stopping)");
    }

    private Result runOne(Job job, int slot) {
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
            return new Result(Status.FAILED, job.label() + ": cannot start its process: " + e.getMessage());
        }
        try {
            String broken = null;
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
            } catch (IOException e) {
                // Process.destroy closes the pipe under this reader, so after a stop signal a read
                // error is expected; the exit code below still says how the child ended
                if (!wasSignalled(p)) {
                    p.destroy();
                    return new Result(Status.FAILED, job.label() + ": " + e);
                }
                broken = e.toString();
            }
            int code = p.waitFor();
            progress.finished(slot);
            if (code == 0) {
                return new Result(Status.FINISHED, null);
            }
            if (skipCodes.contains(code)) {
                return new Result(Status.SKIPPED, job.label() + ": skipped (exit code " + code + ")");
            }
            if (wasSignalled(p) && SIGNAL_EXITS.contains(code)) {
                return new Result(Status.STOPPED, job.label() + ": stopped before its end");
            }
            return new Result(Status.FAILED, job.label() + ": exited with code " + code + (wasSignalled(p) ? " after the stop signal" : "")
                    + (broken == null ? "" : " (" + broken + ")"));
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return new Result(Status.FAILED, job.label() + ": " + e);
        } finally {
            synchronized (running) {
                running.remove(p);
            }
        }
    }

    private boolean wasSignalled(Process p) {
        synchronized (running) {
            return signalled.contains(p);
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
            signalled.addAll(ps);
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
