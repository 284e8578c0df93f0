package org.hubprice.models.milp;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;
import com.gurobi.gurobi.GRBLinExpr;
import com.gurobi.gurobi.GRBModel;
import com.gurobi.gurobi.GRBVar;
import java.util.List;

/**
 * Solves with Gurobi through its Java API ({@code com.gurobi:gurobi}). Needs a licence; obtain
 * instances through {@link Solvers#byName} ({@code gurobi} or {@code auto}), which checks for
 * one first (see {@link GurobiSupport}).
 *
 * <p>One silent Gurobi environment is started on first use and shared by every solve of this
 * backend (starting one checks the licence out, which can take a network round trip).
 * Gurobi environments are not thread-safe, so solves on one backend are serialised.
 *
 * <p>Gurobi may answer {@code INF_OR_UNBD}; the model is then re-solved with dual reductions
 * off, which makes Gurobi decide between infeasible and unbounded.
 */
public final class GurobiBackend implements SolverBackend {
    private final String licence;
    private GRBEnv env;

    GurobiBackend(String licence) {
        this.licence = licence;
    }

    @Override
    public String name() {
        return "gurobi";
    }

    /** Where the licence in use came from. */
    public String licence() {
        return licence;
    }

    @Override
    public synchronized SolveResult solve(MilpModel model, SolveOptions options) {
        long start = System.nanoTime();
        GRBModel m = null;
        try {
            if (env == null) {
                env = GurobiSupport.startEnv(System.getenv());
            }
            m = new GRBModel(env);
            m.set(GRB.DoubleParam.TimeLimit, options.timeLimitSeconds());
            m.set(GRB.DoubleParam.MIPGap, options.relativeGap());
            m.set(GRB.IntParam.Threads, options.threads());
            List<Variable> vars = model.variables();
            GRBVar[] gv = new GRBVar[vars.size()];
            for (Variable v : vars) {
                char type = switch (v.type()) {
                    case CONTINUOUS -> GRB.CONTINUOUS;
                    case INTEGER -> GRB.INTEGER;
                    case BINARY -> GRB.BINARY;
                };
                gv[v.index()] = m.addVar(bound(v.lowerBound()), bound(v.upperBound()), 0.0, type, v.name());
            }
            for (Constraint c : model.constraints()) {
                GRBLinExpr e = expr(Terms.of(c.expr()), gv);
                double lo = c.lower() - c.expr().constant();
                double hi = c.upper() - c.expr().constant();
                if (lo == hi) {
                    m.addConstr(e, GRB.EQUAL, lo, c.name());
                } else if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                    continue; // a free row restricts nothing
                } else if (lo == Double.NEGATIVE_INFINITY) {
                    m.addConstr(e, GRB.LESS_EQUAL, hi, c.name());
                } else if (hi == Double.POSITIVE_INFINITY) {
                    m.addConstr(e, GRB.GREATER_EQUAL, lo, c.name());
                } else {
                    m.addRange(e, lo, hi, c.name());
                }
            }
            GRBLinExpr obj = expr(Terms.of(model.objective()), gv);
            obj.addConstant(model.objective().constant());
            m.setObjective(obj, model.sense() == Sense.MAXIMIZE ? GRB.MAXIMIZE : GRB.MINIMIZE);
            m.optimize();
            int code = m.get(GRB.IntAttr.Status);
            String detail = "Gurobi status " + code;
            if (code == GRB.Status.INF_OR_UNBD) {
                m.reset();
                m.set(GRB.IntParam.DualReductions, 0);
                m.optimize();
                code = m.get(GRB.IntAttr.Status);
                detail += " (infeasible or unbounded; re-solved with DualReductions=0: status " + code + ")";
            }
            TerminationStatus status = map(code);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != TerminationStatus.OPTIMAL) {
                return new SolveResult(status, Double.NaN, null, name(), seconds, detail);
            }
            double[] values = m.get(GRB.DoubleAttr.X, gv);
            return new SolveResult(status, m.get(GRB.DoubleAttr.ObjVal), values, name(), seconds, "");
        } catch (GRBException e) {
            throw new SolverException("Gurobi failed on model " + model.name() + ": " + e.getMessage() + " (error " + e.getErrorCode() + ")", e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    private static TerminationStatus map(int code) {
        if (code == GRB.Status.OPTIMAL) {
            return TerminationStatus.OPTIMAL;
        }
        if (code == GRB.Status.INFEASIBLE) {
            return TerminationStatus.INFEASIBLE;
        }
        if (code == GRB.Status.UNBOUNDED || code == GRB.Status.INF_OR_UNBD) {
            return TerminationStatus.UNBOUNDED;
        }
        if (code == GRB.Status.TIME_LIMIT) {
            return TerminationStatus.TIME_LIMIT;
        }
        return TerminationStatus.ERROR;
    }

    private static GRBLinExpr expr(Terms t, GRBVar[] gv) throws GRBException {
        GRBLinExpr e = new GRBLinExpr();
        for (int k = 0; k < t.size(); k++) {
            e.addTerm(t.coefs()[k], gv[t.vars()[k]]);
        }
        return e;
    }

    private static double bound(double b) {
        if (b == Double.POSITIVE_INFINITY) {
            return GRB.INFINITY;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return -GRB.INFINITY;
        }
        return b;
    }
}
