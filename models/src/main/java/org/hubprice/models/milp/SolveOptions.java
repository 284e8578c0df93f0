package org.hubprice.models.milp;

/**
 * Solver settings shared by every backend.
 *
 * @param timeLimitSeconds wall-clock limit, {@code > 0}
 * @param relativeGap relative MIP gap at which a solution counts as optimal, in [0, 1)
 * @param threads solver threads, {@code >= 1}
 */
public record SolveOptions(double timeLimitSeconds, double relativeGap, int threads) {
    public static final SolveOptions DEFAULT = new SolveOptions(300, 1e-9, 1);

    public SolveOptions {
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("timeLimitSeconds = " + timeLimitSeconds + " must be > 0");
        }
        if (!(relativeGap >= 0 && relativeGap < 1)) {
            throw new IllegalArgumentException("relativeGap = " + relativeGap + " must be in [0, 1); 1e-9 asks for proven optimality");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
    }

    public SolveOptions withTimeLimit(double seconds) {
        return new SolveOptions(seconds, relativeGap, threads);
    }

    public SolveOptions withRelativeGap(double gap) {
        return new SolveOptions(timeLimitSeconds, gap, threads);
    }

    public SolveOptions withThreads(int n) {
        return new SolveOptions(timeLimitSeconds, relativeGap, n);
    }
}
