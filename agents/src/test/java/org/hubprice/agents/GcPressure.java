package org.hubprice.agents;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * A daemon thread that forces garbage collections back to back and churns native memory with
 * junk-filled direct buffers while a test runs, so that memory the collector frees is reused at
 * once. Code that lets the engine read memory owned by an unreachable Java buffer then computes
 * with junk and no longer reproduces itself (see {@code org.hubprice.agents.nn.EngineArrays}).
 */
public final class GcPressure implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long collections;

    private GcPressure() {
        thread = new Thread(this::churn, "gc-pressure");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the pressure; close to stop it. */
    public static GcPressure start() {
        return new GcPressure();
    }

    private void churn() {
        SplittableRandom rng = new SplittableRandom(17);
        ByteBuffer[] ring = new ByteBuffer[64];
        int next = 0;
        while (running) {
            for (int i = 0; i < 16; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4 + rng.nextInt(2048));
                while (b.remaining() >= 8) {
                    b.putLong(rng.nextLong());
                }
                ring[next] = b;
                next = (next + 1) % ring.length;
            }
            System.gc();
            collections++;
            try {
                Thread.sleep(10);
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
