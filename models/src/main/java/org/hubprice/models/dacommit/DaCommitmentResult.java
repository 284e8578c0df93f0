package org.hubprice.models.dacommit;

import java.util.List;
import org.hubprice.models.milp.TerminationStatus;

/**
 * The solved day-ahead commitment.
 *
 * @param commitment da_com[t], kWh per hour (24 values for day scenarios)
 * @param expectedObjective Σ_ω π_ω · profit_ω in $ ($/MWh × kWh / 1000)
 * @param plans each scenario's second-stage plan, in the order of {@code scenarios}
 * @param scenarios the scenarios the commitment was optimised for
 * @param solver the backend that solved it ({@code scip}, {@code highs}, {@code gurobi})
 * @param solveSeconds wall-clock seconds inside the solver backend (building the native model included)
 * @param status the termination status; always {@link TerminationStatus#OPTIMAL} (anything else is an error)
 * @param variables columns of the MILP
 * @param constraints rows of the MILP
 * @param binaries binary columns of the MILP
 */
public record DaCommitmentResult(double[] commitment, double expectedObjective, List<ScenarioPlan> plans,
                                 List<Scenario> scenarios, String solver, double solveSeconds, TerminationStatus status,
                                 int variables, int constraints, int binaries) {
    public DaCommitmentResult {
        commitment = commitment.clone();
        plans = List.copyOf(plans);
        scenarios = List.copyOf(scenarios);
        if (plans.size() != scenarios.size()) {
            throw new IllegalArgumentException(plans.size() + " plans for " + scenarios.size() + " scenarios; need one plan per scenario");
        }
    }

    /** A copy of the commitment. */
    @Override
    public double[] commitment() {
        return commitment.clone();
    }

    /** Number of hours. */
    public int hours() {
        return commitment.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DaCommitmentResult r && java.util.Arrays.equals(commitment, r.commitment)
                && Double.compare(expectedObjective, r.expectedObjective) == 0 && plans.equals(r.plans)
                && scenarios.equals(r.scenarios) && solver.equals(r.solver);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(commitment) * 31 + Double.hashCode(expectedObjective);
    }

    @Override
    public String toString() {
        return "DaCommitmentResult[expectedObjective=" + expectedObjective + ", solver=" + solver + ", solveSeconds="
                + solveSeconds + ", scenarios=" + scenarios.size() + "]";
    }
}
