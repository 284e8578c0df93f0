package org.hubprice.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.hubprice.agents.Agent;

/**
 * Runs the hubs' scheduled updates, side by side on worker threads where the agents allow it.
 *
 * <p>Why: a training run spends about 90 % of its time in gradient updates, and the hubs'
 * updates at one step are independent (each agent reads only its own replay and networks). On
 * a machine with a free core, updating two hubs at once nearly halves that time. The results
 * are the same bits as one hub after another: each agent runs the same operations in the same
 * order, only on another thread (engine operations run single-threaded, see {@code --threads}).
 *
 * <p>The hubs are dealt to {@code threads} lanes, round robin over the agents that declare
 * {@link Agent#learnsOnAnyThread()}; lane 0 is the calling thread and also takes every other
 * agent, so code that did not declare it never runs off the loop's thread. A hub always updates
 * in its own lane; workers park between steps and are woken only when their lane has work.
 * {@link #run} returns only when every lane has finished, also when one failed, so no agent is
 * closed while a worker still uses it. Nothing is allocated per step.
 */
final class HubUpdates implements AutoCloseable {
    private final Agent[] agents;
    /** Lane of each hub (0 = the calling thread). */
    private final int[] laneOf;
    private final Worker[] workers;
    private final int[] pending;
    private final int[] done;

    HubUpdates(Agent[] agents, int threads) {
        this.agents = agents.clone();
        this.laneOf = new int[agents.length];
        this.pending = new int[agents.length];
        this.done = new int[agents.length];
        int lanes = lanes(agents, threads);
        int next = 0;
        for (int i = 0; i < agents.length; i++) {
            laneOf[i] = agents[i].learnsOnAnyThread() ? next++ % lanes : 0;
        }
        workers = new Worker[lanes - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].thread = new Thread(workers[w], "hub-updates-" + (w + 1));
            workers[w].thread.setDaemon(true);
        }
        int started = 0;
        try {
            for (Worker w : workers) {
                w.thread.start();
                started++;
            }
        } catch (RuntimeException | Error e) {
            stop(started);
            throw e;
        }
    }

    /** The lanes {@code agents} get from {@code threads} threads (1 = every update on the calling thread). */
    static int lanes(Agent[] agents, int threads) {
        int capable = 0;
        for (Agent a : agents) {
            capable += a.learnsOnAnyThread() ? 1 : 0;
        }
        return Math.max(1, Math.min(threads, capable));
    }

    /** The lanes in use (1 = every update on the calling thread). */
    int lanes() {
        return workers.length + 1;
    }

    /**
     * Runs {@code agents[i].learn(steps[i])} for every hub with {@code steps[i] > 0} and adds
     * the updates each ran to {@code updates[i]}. Returns when all have finished; a failure in
     * any hub is rethrown here after the others have finished.
     */
    void run(int[] steps, long[] updates) {
        Thread caller = Thread.currentThread();
        int busy = 0;
        for (Worker w : workers) {
            w.hasWork = false;
        }
        for (int i = 0; i < agents.length; i++) {
            pending[i] = steps[i];
            done[i] = 0;
            if (steps[i] > 0 && laneOf[i] > 0) {
                workers[laneOf[i] - 1].hasWork = true;
            }
        }
        for (Worker w : workers) {
            if (w.hasWork) {
                w.caller = caller;
                w.failure = null;
                w.started++;
                LockSupport.unpark(w.thread);
                busy++;
            }
        }
        Throwable failure = null;
        try {
            runLane(0);
        } catch (Throwable e) {
            // anything, also a checked exception thrown sneakily: the workers are waited for first
            failure = e;
        }
        boolean interrupted = false;
        if (busy > 0) {
            for (Worker w : workers) {
                if (w.hasWork) {
                    while (w.finished != w.started) {
                        LockSupport.park(this);
                        // an interrupt would make park return at once: note it, wait on, restore it after
                        interrupted |= Thread.interrupted();
                    }
                    if (w.failure != null) {
                        if (failure == null) {
                            failure = w.failure;
                        } else {
                            failure.addSuppressed(w.failure);
                        }
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < agents.length; i++) {
            updates[i] += done[i];
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a hub's update failed: " + failure, failure);
        }
    }

    private void runLane(int lane) {
        for (int i = 0; i < agents.length; i++) {
            if (laneOf[i] == lane && pending[i] > 0) {
                done[i] = agents[i].learn(pending[i]);
            }
        }
    }

    @Override
    public void close() {
        stop(workers.length);
    }

    /** Stops the first {@code count} workers and waits for them. */
    private void stop(int count) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            workers[w].stop = true;
            LockSupport.unpark(workers[w].thread);
            threads.add(workers[w].thread);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One lane's thread: waits for a step's work, runs it, tells the caller. */
    private final class Worker implements Runnable {
        private final int lane;
        Thread thread;
        /** Whether this step gave the lane work (the caller's own bookkeeping). */
        boolean hasWork;
        volatile Thread caller;
        volatile Throwable failure;
        volatile long started;
        volatile long finished;
        volatile boolean stop;

        Worker(int lane) {
            this.lane = lane;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                while (started == seen && !stop) {
                    LockSupport.park(this);
                }
                if (stop) {
                    return;
                }
                seen = started;
                try {
                    runLane(lane);
                } catch (Throwable e) {
                    // whatever it is, the caller must hear of it, or it would wait for ever
                    failure = e;
                }
                finished = seen;
                LockSupport.unpark(caller);
            }
        }
    }
}
