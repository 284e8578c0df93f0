package org.hubprice.models.milp;

/** The backend contract for SCIP through OR-Tools. */
class ScipBackendTest extends SolverBackendContractTest {
    @Override
    protected SolverBackend backend() {
        return Solvers.byName("scip");
    }
}
