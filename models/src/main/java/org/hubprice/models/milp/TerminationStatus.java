package org.hubprice.models.milp;

/** Why a solve stopped. Only {@link #OPTIMAL} results may have their values read. */
public enum TerminationStatus {
    /** Proven optimal within the configured gap. */
    OPTIMAL,
    /** No feasible point exists. */
    INFEASIBLE,
    /** The objective is unbounded (or the problem is infeasible or unbounded). */
    UNBOUNDED,
    /** The time limit was hit; a feasible point may or may not exist. */
    TIME_LIMIT,
    /** The solver failed or returned something it could not classify. */
    ERROR
}
