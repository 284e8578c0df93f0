package org.hubprice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Waits in the process tests: until files appear while a process runs. */
final class ProcessWait {
    private ProcessWait() {}

    /**
     * Polls until every one of {@code files} exists, {@code p} has ended, or {@code seconds} have
     * passed; returns whether {@code p} is still running (callers assert it).
     */
    static boolean untilFiles(Process p, long seconds, Path... files) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (p.isAlive() && System.nanoTime() < deadline && !allExist(files)) {
            Thread.sleep(50);
        }
        return p.isAlive();
    }

    private static boolean allExist(Path[] files) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                return false;
            }
        }
        return true;
    }
}
