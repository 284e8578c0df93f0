package org.hubprice.env.config;

import java.util.List;
import org.hubprice.common.Check;
import org.hubprice.models.milp.Solvers;

/**
 * {@code power}: how hubs solve their per-period power management.
 *
 * @param dispatcher {@code closed-form} (exact and fast, the default) or {@code milp} (the
 *                   section 3 MILP solved by {@code solver} every period; slow, for checks)
 * @param solver MILP backend for the {@code milp} dispatcher and for the DA commitment:
 *               {@code auto}, {@code scip}, {@code highs} or {@code gurobi}
 */
public record PowerConfig(String dispatcher, String solver) {
    /** Allowed dispatchers. */
    public static final List<String> DISPATCHERS = List.of("closed-form", "milp");

    public PowerConfig {
        dispatcher = Check.oneOf("power.dispatcher", dispatcher, DISPATCHERS);
        solver = Check.oneOf("power.solver", solver, Solvers.NAMES);
    }
}
