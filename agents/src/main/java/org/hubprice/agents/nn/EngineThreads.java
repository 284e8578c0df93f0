package org.hubprice.agents.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Makes the engine's thread count hold on the calling thread before its first operation.
 *
 * <p>Why: PyTorch keeps the intra-op thread count per thread for MKL and OpenMP and applies the
 * global setting to a new thread lazily, at its first parallel element-wise region. A matrix
 * product that runs first on a fresh thread (an update on one of the trainer's worker threads)
 * would use MKL's default, every core, and could differ in its last bits from the same product
 * on one thread. Learners call {@link #adoptOnce()} at the start of each update; after the first
 * call on a thread it is one thread-local read.
 */
public final class EngineThreads {
    private static final ThreadLocal<Boolean> ADOPTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private EngineThreads() {}

    /**
     * Applies the engine's threads per operation to the calling thread, once per thread. Does
     * nothing while the engine's native library is not loaded (an evaluation of fixed policies
     * never loads it): nothing can run on the engine before then, and the thread adopts at its
     * first call after the first network has loaded it.
     */
    public static void adoptOnce() {
        if (!ADOPTED.get()) {
            try {
                JniUtils.setNumThreads(JniUtils.getNumThreads());
                ADOPTED.set(Boolean.TRUE);
            } catch (UnsatisfiedLinkError notLoaded) {
                // not adopted yet: the next call on this thread tries again
            }
        }
    }
}
