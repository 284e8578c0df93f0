package org.hubprice.training.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hubprice.training.seeds.ChildTasks.Result;
import org.hubprice.training.seeds.ChildTasks.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child processes (POSIX {@code sh}): what a stop request, a failure and a skip code turn
 * into. A child the stop signal ends (exit 143) is stopped, not failed; a child that answers the
 * signal with another code has failed; a skip code is a skip, during a stop too.
 */
class ChildTasksTest {
    private static final int HELD = 75;

    @TempDir
    Path tmp;

    private static ChildTasks.Job shell(String label, String script, CountDownLatch started) {
        return new ChildTasks.Job(label, () -> {
            Process p = new ProcessBuilder("sh", "-c", script).start();
            if (started != null) {
                started.countDown();
            }
            return p;
        });
    }

    /**
     * Runs {@code jobs} one per slot, all at once, and sends the stop request once {@code running}
     * have started and every file of {@code ready} exists (a shell writes one after setting its trap).
     */
    private static List<Result> runAndStop(ChildTasks children, List<ChildTasks.Job> jobs, CountDownLatch running, Path... ready) throws Exception {
        AtomicBoolean allStarted = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            try {
                allStarted.set(running.await(30, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!java.util.Arrays.stream(ready).allMatch(Files::exists) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                children.requestStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        long t0 = System.nanoTime();
        int[] slots = new int[jobs.size()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = k;
        }
        List<Result> out = children.run(jobs, slots);
        stopper.join();
        assertTrue(allStarted.get(), "the children did not start");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "the sleeping children were not stopped");
        return out;
    }

    private static List<Status> statuses(List<Result> results) {
        List<Status> s = new ArrayList<>();
        for (Result r : results) {
            s.add(r.status());
        }
        return s;
    }

    @Test
    void aStopEndsTheRunningJobAndKeepsTheQueuedOnesFromStartingWithoutCallingEitherAFailure() throws Exception {
        ChildTasks children = new ChildTasks(1, 3, 10, true, "tasks");
        CountDownLatch started = new CountDownLatch(1);
        List<ChildTasks.Job> jobs = List.of(shell("first", "exec sleep 60", started), shell("second", "exit 0", null),
                shell("third", "exit 0", null));
        List<Result> out = runAndStop(children, jobs, started);
        assertEquals(List.of(new Result(Status.STOPPED, "first: stopped before its end"), new Result(Status.STOPPED, "second: not started (stopping)"),
                new Result(Status.STOPPED, "third: not started (stopping)")), out);
        assertEquals(List.of("first", "second", "third"), ChildTasks.labels(jobs, out, Status.STOPPED));
    }

    @Test
    void duringAStopAnotherExitCodeIsAFailureAndASkipCodeStaysASkip() throws Exception {
        ChildTasks children = new ChildTasks(3, 3, 10, true, "tasks", Set.of(HELD));
        CountDownLatch started = new CountDownLatch(3);
        // each shell answers the stop signal with its own code; its sleep does not hold the progress pipe
        Path broken = tmp.resolve("broken.ready");
        Path held = tmp.resolve("held.ready");
        List<ChildTasks.Job> jobs = List.of(shell("signal", "exec sleep 60", started),
                shell("broken", "trap 'kill $! 2> /dev/null; exit 3' TERM; touch '" + broken + "'; sleep 60 > /dev/null & wait", started),
                shell("held", "trap 'kill $! 2> /dev/null; exit " + HELD + "' TERM; touch '" + held + "'; sleep 60 > /dev/null & wait", started));
        List<Result> out = runAndStop(children, jobs, started, broken, held);
        assertEquals(List.of(Status.STOPPED, Status.FAILED, Status.SKIPPED), statuses(out), out.toString());
        assertTrue(out.get(1).message().startsWith("broken: exited with code 3 after the stop signal"), out.get(1).message());
    }

    @Test
    void withoutAStopAFailingChildIsAFailureAndASkipCodeIsASkip() throws Exception {
        ChildTasks children = new ChildTasks(2, 3, 10, true, "tasks", Set.of(HELD));
        List<ChildTasks.Job> jobs = List.of(shell("ok", "exit 0", null), shell("bad", "exit 3", null), shell("held", "exit " + HELD, null),
                shell("killed", "kill -TERM $$", null));
        List<Result> out = children.run(jobs, new int[] {0, 1, 2, 0});
        assertEquals(List.of(Status.FINISHED, Status.FAILED, Status.SKIPPED, Status.FAILED), statuses(out), out.toString());
        assertEquals("bad: exited with code 3", out.get(1).message());
        // a signal this runner did not send is a failure, not a stop
        assertEquals("killed: exited with code 143", out.get(3).message());
        assertEquals(List.of("held"), ChildTasks.labels(jobs, out, Status.SKIPPED));
    }
}
