package org.hubprice.models.milp;

/**
 * The outcome of one solve. Check {@link #status()} (or call {@link #requireOptimal()})
 * before reading values: reading from a result that is not optimal is an error.
 */
public final class SolveResult {
    private final TerminationStatus status;
    private final double objective;
    private final double[] values;
    private final String solver;
    private final double solveSeconds;
    private final String detail;

    public SolveResult(TerminationStatus status, double objective, double[] values, String solver, double solveSeconds, String detail) {
        this.status = status;
        this.objective = objective;
        this.values = values;
        this.solver = solver;
        this.solveSeconds = solveSeconds;
        this.detail = detail == null ? "" : detail;
    }

    public TerminationStatus status() {
        return status;
    }

    public boolean isOptimal() {
        return status == TerminationStatus.OPTIMAL;
    }

    /** Name of the backend that produced this result ({@code scip}, {@code highs}, {@code gurobi}). */
    public String solver() {
        return solver;
    }

    public double solveSeconds() {
        return solveSeconds;
    }

    /** Solver-specific text about the termination, for error messages. */
    public String detail() {
        return detail;
    }

    /** Throws {@link SolverException} unless the status is {@link TerminationStatus#OPTIMAL}. */
    public SolveResult requireOptimal() {
        if (status != TerminationStatus.OPTIMAL) {
            throw new SolverException("solver " + solver + " ended with status " + status
                    + (detail.isEmpty() ? "" : " (" + detail + ")") + "; no optimal values to read");
        }
        return this;
    }

    /** The optimal objective value; throws unless optimal. */
    public double objective() {
        requireOptimal();
        return objective;
    }

    /** The optimal value of {@code v}; throws unless optimal. */
    public double value(Variable v) {
        requireOptimal();
        return values[v.index()];
    }

    /** A copy of all column values; throws unless optimal. */
    public double[] values() {
        requireOptimal();
        return values.clone();
    }

    @Override
    public String toString() {
        return "SolveResult[" + status + ", solver=" + solver + (isOptimal() ? ", objective=" + objective : "") + "]";
    }
}
