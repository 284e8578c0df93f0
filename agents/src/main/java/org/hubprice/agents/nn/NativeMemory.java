package org.hubprice.agents.nn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine's freed CPU memory mapped between updates (glibc only).
 *
 * <p>Why: libtorch allocates CPU tensors with {@code malloc}. With glibc's defaults a block
 * above the (adaptive) mmap threshold of 128 KiB or more comes from its own mapping, and the
 * heap's top is returned to the system whenever more than twice that threshold is free. An
 * update allocates and frees activations and optimiser temporaries of 256 KiB to 550 KiB, so
 * every update faulted the same pages in again: 114 page faults per DQN update and 73 per SAC
 * update, measured with {@code perf stat}; with the fused optimiser's larger temporaries DQN's
 * rose to 213. Fixing both thresholds (64 MiB, 256 MiB) keeps freed blocks for reuse: 27 and 8
 * faults per update. The cost is that a process keeps its peak native heap mapped, which a
 * training process reaches in its first updates anyway.
 *
 * <p>Process-wide and applied once, when the first learner is made; {@code
 * -Dhubprice.mallocTuning=false} leaves the allocator alone.
 */
public final class NativeMemory {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static boolean done;

    private NativeMemory() {}

    /** The C library's {@code mallopt}. */
    private interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /** Applies the tuning once per process (no-op off Linux, or when disabled by the property). */
    public static synchronized void tuneOnce() {
        if (done) {
            return;
        }
        done = true;
        if (!Platform.isLinux() || !Boolean.parseBoolean(System.getProperty("hubprice.mallocTuning", "true"))) {
            return;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            // setting either threshold also turns off glibc's adaptation of both
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, 64 << 20) == 1 & c.mallopt(M_TRIM_THRESHOLD, 256 << 20) == 1;
            LOG.debug("malloc thresholds {}", ok ? "set" : "not accepted");
        } catch (LinkageError | RuntimeException e) {
            // another C library (musl) or no JNA: the updates only run slower
            LOG.debug("malloc tuning unavailable: {}", e.toString());
        }
    }
}
