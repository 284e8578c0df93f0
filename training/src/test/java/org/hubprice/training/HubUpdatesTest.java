package org.hubprice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.Learner;
import org.hubprice.agents.LearnerAgent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which thread runs which hub's update, what each returns, and what happens when one fails. */
@Timeout(30)
class HubUpdatesTest {
    private static final Box SPACE = Box.uniform(0, 1, 1);

    /** Records the thread of its last update; optionally waits at a barrier (to prove two run at once) or fails. */
    private static final class Probe implements Learner {
        final boolean anyThread;
        volatile String thread;
        CyclicBarrier together;
        CountDownLatch release;
        Throwable failure;
        volatile boolean finished;

        Probe(boolean anyThread) {
            this.anyThread = anyThread;
        }

        @Override
        public double[] act(double[] observation, Mode mode) {
            return new double[] {0};
        }

        @Override
        public boolean learnsOnAnyThread() {
            return anyThread;
        }

        @Override
        public int learn(int steps) {
            thread = Thread.currentThread().getName();
            if (together != null) {
                try {
                    // both lanes must be inside an update at the same time to pass
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other hub's update did not run at the same time", e);
                }
            }
            if (release != null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            finished = true;
            if (failure != null) {
                HubUpdatesTest.<RuntimeException>sneaky(failure);
            }
            return steps * 10;
        }
    }

    /** Throws any throwable, also a checked one, as code in other JVM languages may. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Lanes over one agent per probe. */
    private static HubUpdates lanes(int threads, Probe... probes) {
        Agent[] agents = new Agent[probes.length];
        for (int i = 0; i < probes.length; i++) {
            agents[i] = agent(probes[i]);
        }
        return new HubUpdates(agents, threads);
    }

    private static Agent agent(Probe p) {
        return new LearnerAgent("probe", p, new AgentContext(SPACE, SPACE, Map.of(), 1));
    }

    @Test
    void hubsThatAllowItUpdateAtTheSameTimeOnTwoThreads() {
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        CyclicBarrier barrier = new CyclicBarrier(2);
        a.together = barrier;
        b.together = barrier;
        long[] updates = {5, 0};
        try (HubUpdates u = lanes(2, a, b)) {
            assertEquals(2, u.lanes());
            u.run(new int[] {1, 3}, updates);
            u.run(new int[] {2, 1}, updates);
        }
        assertArrayEquals(new long[] {5 + 10 + 20, 30 + 10}, updates, "each hub's updates added to its count");
        assertEquals(Thread.currentThread().getName(), a.thread, "hub 0 on the calling thread");
        assertTrue(b.thread.startsWith("hub-updates-"), b.thread);
    }

    @Test
    void hubsThatDoNotAllowItStayOnTheCallingThread() {
        Probe shy = new Probe(false);
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        long[] updates = new long[3];
        try (HubUpdates u = lanes(4, shy, a, b)) {
            assertEquals(2, u.lanes(), "two hubs allow it, so two lanes however many threads are offered");
            u.run(new int[] {1, 1, 1}, updates);
        }
        String caller = Thread.currentThread().getName();
        assertEquals(caller, shy.thread);
        assertEquals(caller, a.thread, "the first hub that allows it shares the caller's lane");
        assertNotEquals(caller, b.thread);
        assertArrayEquals(new long[] {10, 10, 10}, updates);
    }

    @Test
    void oneThreadRunsEverythingOnTheCaller() {
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        long[] updates = new long[2];
        try (HubUpdates u = lanes(1, a, b)) {
            assertEquals(1, u.lanes());
            u.run(new int[] {1, 0}, updates);
            assertEquals(null, b.thread, "a hub with no steps is not asked");
            u.run(new int[] {0, 2}, updates);
        }
        assertEquals(Thread.currentThread().getName(), a.thread);
        assertEquals(Thread.currentThread().getName(), b.thread);
        assertArrayEquals(new long[] {10, 20}, updates);
    }

    @Test
    void aWorkersFailureReachesTheCallerAfterTheOtherHubFinished() {
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        b.failure = new IllegalStateException("hub 1 broke");
        long[] updates = new long[2];
        try (HubUpdates u = lanes(2, a, b)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> u.run(new int[] {1, 1}, updates));
            assertEquals("hub 1 broke", e.getMessage());
            assertEquals(10, updates[0], "hub 0's update finished and counted");
            // the lanes still work after a failure
            b.failure = null;
            u.run(new int[] {1, 1}, updates);
            assertArrayEquals(new long[] {20, 10}, updates);
        }
    }

    /**
     * Hub 0 fails at once on the caller while hub 1 is still inside its update: run() must wait
     * for hub 1 before it throws (else the trainer would close an agent a worker still uses).
     */
    @Test
    void theCallersFailureWaitsForTheWorkersHub() {
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        a.failure = new IllegalArgumentException("hub 0 broke");
        b.release = new CountDownLatch(1);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            b.release.countDown();
        });
        long[] updates = new long[2];
        try (HubUpdates u = lanes(2, a, b)) {
            releaser.start();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u.run(new int[] {1, 1}, updates));
            assertEquals("hub 0 broke", e.getMessage());
            assertTrue(b.finished, "run() returned while hub 1 was still updating");
            assertEquals(10, updates[1], "hub 1's update counted");
        }
    }

    /** An Error and a checked exception from a worker reach the caller; a second failure is kept as suppressed. */
    @Test
    void errorsCheckedExceptionsAndTwoFailuresAllReachTheCaller() {
        Probe a = new Probe(true);
        Probe b = new Probe(true);
        AssertionError error = new AssertionError("hub 1 error");
        b.failure = error;
        long[] updates = new long[2];
        try (HubUpdates u = lanes(2, a, b)) {
            assertSame(error, assertThrows(AssertionError.class, () -> u.run(new int[] {1, 1}, updates)));
            java.io.IOException checked = new java.io.IOException("hub 1 disk");
            b.failure = checked;
            IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> u.run(new int[] {1, 1}, updates));
            assertSame(checked, wrapped.getCause());
            a.failure = new IllegalStateException("hub 0 too");
            IllegalStateException both = assertThrows(IllegalStateException.class, () -> u.run(new int[] {1, 1}, updates));
            assertEquals("hub 0 too", both.getMessage());
            assertEquals(1, both.getSuppressed().length);
            assertSame(checked, both.getSuppressed()[0]);
        }
    }

    /** The default thread count: the cores a run has, over the engine's threads per operation. */
    @Test
    void defaultThreadsAreTheCoresPerRunOverTheEngineThreadsPerOperation() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, Trainer.defaultUpdateThreads(1, 1), "the CLI: one engine thread per operation");
        assertEquals(Math.max(1, cores / 2), Trainer.defaultUpdateThreads(2, 1), "two runs at once share the cores");
        assertEquals(1, Trainer.defaultUpdateThreads(1, cores), "PyTorch's default uses every core for one operation");
        assertEquals(1, Trainer.defaultUpdateThreads(cores + 1, 1), "never below one");
        assertEquals(8, Trainer.engineThreads(8, null), "unset: every core");
        assertEquals(4, Trainer.engineThreads(8, " 4 "));
        assertEquals(8, Trainer.engineThreads(8, "x"), "a value the engine would refuse counts as every core");
    }
}
