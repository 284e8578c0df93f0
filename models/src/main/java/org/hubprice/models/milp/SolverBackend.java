package org.hubprice.models.milp;

/**
 * A MILP solver. Implementations are stateless between calls and safe to call from several
 * threads at once (each call builds its own native model).
 */
public interface SolverBackend {
    /** The registry name: {@code scip}, {@code highs}, {@code gurobi}. */
    String name();

    /** Solves {@code model}; never throws for infeasible or unbounded models, only reports them. */
    SolveResult solve(MilpModel model, SolveOptions options);

    default SolveResult solve(MilpModel model) {
        return solve(model, SolveOptions.DEFAULT);
    }
}
