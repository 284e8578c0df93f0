package org.hubprice.models.milp;

/** The backend contract for HiGHS through OR-Tools. */
class HighsBackendTest extends SolverBackendContractTest {
    @Override
    protected SolverBackend backend() {
        return Solvers.byName("highs");
    }
}
