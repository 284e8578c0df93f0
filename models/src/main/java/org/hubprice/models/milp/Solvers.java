package org.hubprice.models.milp;

import java.util.List;

/**
 * Finds a {@link SolverBackend} by name: {@code scip} (default), {@code highs},
 * {@code gurobi} (needs a licence), or {@code auto} (Gurobi when a licence is found,
 * else SCIP).
 */
public final class Solvers {
    /** Every name {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("auto", "scip", "highs", "gurobi");

    private Solvers() {}

    public static SolverBackend byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("solver is missing; choose one of " + NAMES);
        }
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "scip" -> OrToolsBackend.scip();
            case "highs" -> OrToolsBackend.highs();
            case "gurobi" -> GurobiSupport.backend();
            case "auto" -> GurobiSupport.licenceAvailable() ? GurobiSupport.backend() : OrToolsBackend.scip();
            default -> throw new IllegalArgumentException("solver = '" + name + "' is not known; choose one of " + NAMES
                    + " (scip and highs are embedded and need no licence)");
        };
    }
}
