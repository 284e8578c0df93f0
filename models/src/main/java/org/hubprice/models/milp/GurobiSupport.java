package org.hubprice.models.milp;

/**
 * Placeholder-free bridge to the Gurobi backend, replaced by the full implementation in the
 * foundation issue's work: only licence detection lives here for now.
 */
final class GurobiSupport {
    private GurobiSupport() {}

    static boolean licenceAvailable() {
        return false;
    }

    static SolverBackend backend() {
        throw new SolverException("the gurobi backend needs a Gurobi licence: set GRB_LICENSE_FILE to your gurobi.lic "
                + "(or place it in your home directory); --solver scip works without one");
    }
}
