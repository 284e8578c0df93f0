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
        return PowerDispatchers.byName(config.dispatcher(), config.dispatcher().equals("milp") ? Solvers.byName(config.solver()) : null);
    }
}
