package org.hubprice.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubprice.agents.nn.EngineThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks {@code 0..count−1} with one thread per worker: each thread owns one worker (its
 * environment, agents and buffers) and takes tasks from a shared counter, so a task's result
 * must depend only on the task, never on which worker ran it. Progress is logged at each
 * quarter; the first failure stops the others and is rethrown. Workers are created by the
 * caller and may be reused for several runs (never by two threads at once). Each thread takes
 * the engine's threads per operation before its first task, so results do not depend on how
 * many workers there are.
 */
public final class ParallelWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelWorkers.class);

    /** One task for one worker. */
    @FunctionalInterface
    public interface Task<W> {
        void run(W worker, int task);
    }

    private ParallelWorkers() {}

    /** Runs every task; {@code what} names the work in the progress lines (null: no progress lines). */
    public static <W> void run(List<W> workers, int count, Task<W> task, String what) {
        if (count == 0) {
            return;
        }
        int threads = Math.min(workers.size(), count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hubprice-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                W worker = workers.get(w);
                futures.add(pool.submit(() -> {
                    try {
                        // a fresh thread would run its first matrix products with MKL's own thread count (every core, fewer
                        // when the machine is busy), so a policy's actions, and the results, would depend on the worker count
                        EngineThreads.adoptOnce();
                        int k;
                        while (!failed.get() && (k = next.getAndIncrement()) < count) {
                            task.run(worker, k);
                            int n = done.incrementAndGet();
                            if (what != null && (n == count || n % Math.max(1, count / 4) == 0)) {
                                LOG.info("{} {}/{}", what, n, count);
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("worker failed: " + c, c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
