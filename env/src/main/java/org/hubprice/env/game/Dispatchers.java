package org.hubprice.env.game;

import org.hubprice.env.config.PowerConfig;
import org.hubprice.models.milp.Solvers;
import org.hubprice.models.power.PowerDispatchers;
import org.hubprice.models.power.PowerDispatcher;

/** The power dispatcher {@code power} of the configuration names. */
final class Dispatchers {
    private Dispatchers() {}

    static PowerDispatcher of(PowerConfig config) {
        // Only the MILP needs a solver; the closed form must not touch native libraries.
        return PowerDispatchers.byName(config.dispatcher(), config.dispatcher().equals("milp") ? Dispatchers.configuredSolver(config.solver()) : null);
    }

    /**
     * The MILP backend named by {@code power.solver}; an unusable one (e.g. gurobi without a
     * licence) is an error that names the key and says which value to set.
     */
    public static org.hubprice.models.milp.SolverBackend configuredSolver(String name) {
        try {
            return Solvers.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("power.solver = '" + name + "': " + e.getMessage()
                    .replace("Maybe choose the solver scip", "Maybe --set power.solver=scip (the default)"), e);
        }
    }
}
