package org.hubprice.evaluation.canonical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.common.Check;
import org.hubprice.common.Seeds;
import org.hubprice.env.bertrand.BertrandGame;

/**
 * Runs independent learning sessions of the Calvano et al. game in parallel. Session
 * {@code i} uses the seed {@code Seeds.derive(rootSeed, "canonical-session", i)}, so results
 * do not depend on the number of threads or the order in which sessions finish.
 */
public final class CanonicalRunner {
    private CanonicalRunner() {}

    /**
     * Runs {@code sessions} sessions on {@code threads} threads.
     *
     * @param registry where the learner named in {@code config} is looked up (an unknown name
     *     fails, listing the registered ones)
     * @param onSession called (from worker threads, one at a time) as each session finishes
     */
    public static CanonicalReport run(CanonicalConfig config, int sessions, int threads, long rootSeed, AgentRegistry registry,
                                      Consumer<SessionResult> onSession) {
        Check.positive("sessions", sessions);
        Check.positive("threads", threads);
        long start = System.nanoTime();
        BertrandGame game = new BertrandGame(config.game());
        AgentFactory factory = registry.get(config.agent());
        // Build one set of learners up front so that a bad parameter fails before any work starts.
        for (Agent a : Sessions.createAgents(config, game, factory, rootSeed)) {
            a.close();
        }
        int workers = Math.min(threads, sessions);
        SessionResult[] results = new SessionResult[sessions];
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "canonical-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Object progressLock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    SessionResult r = Sessions.run(config, game, factory, index, Seeds.derive(rootSeed, "canonical-session", index));
                    results[index] = r;
                    if (onSession != null) {
                        synchronized (progressLock) {
                            onSession.accept(r);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a session failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sessions were running", e);
        } finally {
            pool.shutdownNow();
        }
        return new CanonicalReport(config, game, rootSeed, workers, Arrays.asList(results), System.nanoTime() - start);
    }
}
