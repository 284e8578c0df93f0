package org.hubprice.models.milp;

import org.junit.jupiter.api.Assumptions;

/** The backend contract for Gurobi; skipped, with the reason, where no licence is configured. */
class GurobiBackendTest extends SolverBackendContractTest {
    @Override
    protected void assumeAvailable() {
        GurobiSupport.Status s = GurobiSupport.status();
        Assumptions.assumeTrue(s.available(), () -> "Gurobi backend not tested: " + s.explanation()
                + ". Set GRB_LICENSE_FILE to a gurobi.lic to run it.");
    }

    @Override
    protected SolverBackend backend() {
        return Solvers.byName("gurobi");
    }
}
