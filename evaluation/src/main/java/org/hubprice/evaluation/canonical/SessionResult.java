package org.hubprice.evaluation.canonical;

/**
 * The outcome of one learning session.
 *
 * @param index the session's number within its experiment (0-based)
 * @param seed the session's seed (split from the experiment's root seed)
 * @param converged whether the greedy strategies stopped changing before {@code maxPeriods}
 * @param periods periods played (to convergence, or to the cap)
 * @param cycle the limit cycle of greedy play from the last state, with the session's {@code Δ}
 * @param impulse the one-period deviation test from the cycle
 * @param wallNanos wall-clock time of the session (learning and analysis)
 * @param cpuNanos CPU time of the thread that ran it (-1 where the JVM cannot measure it); on
 *     a shared machine this, not the wall time, measures the work
 */
public record SessionResult(int index, long seed, boolean converged, long periods, LimitCycle cycle, ImpulseResponse impulse,
                            long wallNanos, long cpuNanos) {
    /** The session's collusion index {@code Δ}. */
    public double delta() {
        return cycle.delta();
    }
}
