package org.hubprice.agents;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Garbage-collection pressure for tests: forced collections, with the native memory they free
 * reused at once by junk-filled direct buffers. Code that lets the engine read memory owned by an
 * unreachable Java buffer then computes with junk and no longer reproduces itself (see
 * {@code org.hubprice.agents.nn.EngineArrays}). {@link #start} runs it in a daemon thread while a
 * test trains; {@link #churnOnce} runs one round in the calling thread.
 */
public final class GcPressure implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long collections;

    private GcPressure() {
        thread = new Thread(this::run, "gc-pressure");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a round every 2 ms in a daemon thread (frequent enough for a short training run to see many); close to stop it. */
    public static GcPressure start() {
        return new GcPressure();
    }

    /**
     * One round: {@code buffers} direct buffers of 4 bytes to 4 KiB (log-uniform, so small
     * allocations such as a wrapped scalar are reused too) filled with junk and dropped, then a
     * forced collection, which frees them for the next round to reuse.
     */
    public static void churnOnce(int buffers, SplittableRandom rng) {
        for (int i = 0; i < buffers; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + rng.nextInt(1 << rng.nextInt(13)));
            while (b.remaining() >= 4) {
                b.putInt(rng.nextInt());
            }
        }
        System.gc();
    }

    private void run() {
        SplittableRandom rng = new SplittableRandom(17);
        while (running) {
            churnOnce(16, rng);
            collections++;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Collections forced so far. */
    public long collections() {
        return collections;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
