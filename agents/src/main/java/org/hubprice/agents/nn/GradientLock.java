package org.hubprice.agents.nn;

/**
 * The PyTorch engine allows one {@code GradientCollector} at a time in the whole JVM (it
 * throws otherwise). Learners hold this lock around every collector, so several agents may
 * update from different threads; their updates simply take turns.
 */
public final class GradientLock {
    /** Synchronise on this object while a gradient collector is open. */
    public static final Object LOCK = new Object();

    private GradientLock() {}
}
