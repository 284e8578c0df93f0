package org.hubprice.training.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real child processes: what a stop request, a failure and a skip code turn into. */
class ChildTasksTest {

    private static ChildTasks.Job shell(String label, String script, CountDownLatch started) {
        return new ChildTasks.Job(label, () -> {
            Process p = new ProcessBuilder("sh", "-c", script).start();
            if (started != null) {
                started.countDown();
            }
            return p;
        });
    }

    @Test
    void aStopEndsTheRunningJobAndKeepsTheQueuedOnesFromStartingWithoutCallingEitherAFailure() throws Exception {
        ChildTasks children = new ChildTasks(1, 3, 10, true, "tasks");
        CountDownLatch started = new CountDownLatch(1);
        List<ChildTasks.Job> jobs = List.of(shell("first", "exec sleep 60", started), shell("second", "exit 0", null),
                shell("third", "exit 0", null));
        Thread stopper = new Thread(() -> {
            try {
                assertTrue(started.await(30, TimeUnit.SECONDS));
                children.requestStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        long t0 = System.nanoTime();
        List<String> outcome = children.run(jobs, new int[] {0, 1, 2});
        stopper.join();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "the sleeping child was not stopped");
        assertEquals(List.of("first: stopped before its end", "second: not started (stopping)", "third: not started (stopping)"), outcome);
        assertEquals(Set.of("first", "second", "third"), Set.copyOf(children.stopped()));
        assertTrue(children.skipped().isEmpty());
    }

    @Test
    void withoutAStopAFailingChildIsAFailureAndASkipCodeIsASkip() throws Exception {
        ChildTasks children = new ChildTasks(2, 3, 10, true, "tasks", Set.of(75));
        List<String> outcome = children.run(List.of(shell("ok", "exit 0", null), shell("bad", "exit 3", null), shell("held", "exit 75", null)),
                new int[] {0, 1, 2});
        assertNull(outcome.get(0));
        assertEquals("bad: exited with code 3", outcome.get(1));
        assertNull(outcome.get(2));
        assertEquals(List.of("held"), children.skipped());
        assertTrue(children.stopped().isEmpty());
    }
}
