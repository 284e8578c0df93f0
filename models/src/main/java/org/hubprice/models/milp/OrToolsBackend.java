package org.hubprice.models.milp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Solves through OR-Tools' embedded solvers (SCIP or HiGHS), which ship inside the
 * {@code ortools-java} jar: no install and no licence needed.
 */
public final class OrToolsBackend implements SolverBackend {
    private static volatile boolean loaded;

    private final String name;
    private final String solverId;

    private OrToolsBackend(String name, String solverId) {
        this.name = name;
        this.solverId = solverId;
    }

    /** SCIP: the default MILP backend. */
    public static OrToolsBackend scip() {
        return new OrToolsBackend("scip", "SCIP");
    }

    /** HiGHS, through OR-Tools. */
    public static OrToolsBackend highs() {
        return new OrToolsBackend("highs", "HIGHS");
    }

    static void loadNatives() {
        if (!loaded) {
            synchronized (OrToolsBackend.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SolveResult solve(MilpModel model, SolveOptions options) {
        loadNatives();
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new SolverException("OR-Tools could not create the " + solverId + " solver; try --solver scip");
        }
        try {
            double inf = MPSolver.infinity();
            List<Variable> vars = model.variables();
            MPVariable[] mv = new MPVariable[vars.size()];
            for (Variable v : vars) {
                double lb = clampInf(v.lowerBound(), inf);
                double ub = clampInf(v.upperBound(), inf);
                mv[v.index()] = solver.makeVar(lb, ub, v.type() != VarType.CONTINUOUS, v.name());
            }
            Map<Integer, Double> merged = new HashMap<>();
            for (Constraint c : model.constraints()) {
                double k = c.expr().constant();
                MPConstraint row = solver.makeConstraint(clampInf(c.lower() - k, inf), clampInf(c.upper() - k, inf), c.name());
                mergeTerms(c.expr(), merged);
                for (Map.Entry<Integer, Double> e : merged.entrySet()) {
                    row.setCoefficient(mv[e.getKey()], e.getValue());
                }
            }
            MPObjective obj = solver.objective();
            mergeTerms(model.objective(), merged);
            for (Map.Entry<Integer, Double> e : merged.entrySet()) {
                obj.setCoefficient(mv[e.getKey()], e.getValue());
            }
            obj.setOffset(model.objective().constant());
            if (model.sense() == Sense.MAXIMIZE) {
                obj.setMaximization();
            } else {
                obj.setMinimization();
            }
            solver.setTimeLimit(Math.max(1L, (long) Math.ceil(options.timeLimitSeconds() * 1000)));
            solver.setNumThreads(options.threads());
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeGap());
            MPSolver.ResultStatus rs = solver.solve(params);
            double seconds = (System.nanoTime() - start) / 1e9;
            TerminationStatus status = switch (rs) {
                case OPTIMAL -> TerminationStatus.OPTIMAL;
                case INFEASIBLE -> TerminationStatus.INFEASIBLE;
                case UNBOUNDED -> TerminationStatus.UNBOUNDED;
                case FEASIBLE, NOT_SOLVED -> seconds >= options.timeLimitSeconds() * 0.99
                        ? TerminationStatus.TIME_LIMIT : TerminationStatus.ERROR;
                default -> TerminationStatus.ERROR;
            };
            if (status != TerminationStatus.OPTIMAL) {
                return new SolveResult(status, Double.NaN, null, name, seconds, solverId + " returned " + rs);
            }
            double[] values = new double[mv.length];
            for (int j = 0; j < mv.length; j++) {
                values[j] = mv[j].solutionValue();
            }
            return new SolveResult(status, obj.value(), values, name, seconds, "");
        } finally {
            solver.delete();
        }
    }

    private static double clampInf(double x, double inf) {
        if (x == Double.POSITIVE_INFINITY) {
            return inf;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return -inf;
        }
        return x;
    }

    /** OR-Tools' setCoefficient overwrites, so repeated variables are summed first. */
    private static void mergeTerms(LinearExpr e, Map<Integer, Double> out) {
        out.clear();
        for (int k = 0; k < e.size(); k++) {
            out.merge(e.variableAt(k), e.coefficientAt(k), Double::sum);
        }
    }
}
