package org.hubprice.models.power;

import java.util.List;
import java.util.Locale;
import org.hubprice.models.milp.SolverBackend;

/** Finds a {@link PowerDispatcher} by name: {@code closed-form} (default, fast) or {@code milp}. */
public final class PowerDispatchers {
    /** Every name {@link #byName} accepts. */
    public static final List<String> NAMES = List.of(ClosedFormDispatcher.NAME, MilpPowerDispatcher.NAME);

    private PowerDispatchers() {}

    /**
     * @param name {@code closed-form} or {@code milp} (case-insensitive)
     * @param backend the solver for {@code milp}; ignored by {@code closed-form}, may then be null
     */
    public static PowerDispatcher byName(String name, SolverBackend backend) {
        if (name == null) {
            throw new IllegalArgumentException("dispatcher is missing; choose one of " + NAMES);
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case ClosedFormDispatcher.NAME -> new ClosedFormDispatcher();
            case MilpPowerDispatcher.NAME -> {
                if (backend == null) {
                    throw new IllegalArgumentException("dispatcher = 'milp' needs a solver backend, got none; "
                            + "Maybe pass Solvers.byName(\"scip\")?");
                }
                yield new MilpPowerDispatcher(backend);
            }
            default -> throw new IllegalArgumentException("dispatcher = '" + name + "' is not known; choose one of " + NAMES
                    + ". Maybe 'closed-form' (exact and fast) or 'milp' (the reference solver model)?");
        };
    }
}
