package org.hubprice.models.milp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.List;
import java.util.Locale;

/**
 * Solves through OR-Tools' embedded solvers (SCIP or HiGHS), which ship inside the
 * {@code ortools-java} jar: no install and no licence needed.
 *
 * <p>Why the proto API ({@link MPSolver#solveWithProto}) rather than an {@code MPSolver}
 * object: in OR-Tools 9.14 the {@code MPSolver} route drops solver-specific parameters for
 * HiGHS, so HiGHS would print its banner ("Running HiGHS ...") and warnings straight to the
 * process's standard output, which must carry nothing but a command's {@code --json} object;
 * it would also ignore the MIP gap (HiGHS' own default is 1e-4). The proto route passes
 * {@code output_flag=false} and the gap to HiGHS and {@code limits/gap} to SCIP, and reports
 * a status string that explains non-optimal outcomes.
 *
 * <p>Both solvers report a model that is infeasible <em>or</em> unbounded as
 * {@code INFEASIBLE}. To map this honestly, an {@code INFEASIBLE} answer is checked by
 * re-solving the model with a zero objective: if that finds a feasible point the original
 * objective is {@link TerminationStatus#UNBOUNDED}, if it is infeasible too the answer stands.
 *
 * <p>Threads: SCIP is solved sequentially here and HiGHS' MIP solver is essentially serial,
 * so {@link SolveOptions#threads()} is not passed on.
 */
public final class OrToolsBackend implements SolverBackend {
    private static volatile boolean loaded;

    private final String name;
    private final MPModelRequest.SolverType solverType;

    private OrToolsBackend(String name, MPModelRequest.SolverType solverType) {
        this.name = name;
        this.solverType = solverType;
    }

    /** SCIP: the default MILP backend. */
    public static OrToolsBackend scip() {
        return new OrToolsBackend("scip", MPModelRequest.SolverType.SCIP_MIXED_INTEGER_PROGRAMMING);
    }

    /** HiGHS, through OR-Tools. */
    public static OrToolsBackend highs() {
        return new OrToolsBackend("highs", MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING);
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
        MPModelProto proto = toProto(model, true);
        MPSolutionResponse response = MPSolver.solveWithProto(request(proto, options, options.timeLimitSeconds()));
        MPSolverResponseStatus rs = response.getStatus();
        TerminationStatus status;
        String detail = rs + (response.getStatusStr().isEmpty() ? "" : ": " + response.getStatusStr());
        switch (rs) {
            case MPSOLVER_OPTIMAL -> status = TerminationStatus.OPTIMAL;
            case MPSOLVER_UNBOUNDED -> status = TerminationStatus.UNBOUNDED;
            case MPSOLVER_INFEASIBLE -> {
                double left = options.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
                status = disambiguateInfeasible(model, options, Math.max(left, 1.0));
                detail += status == TerminationStatus.UNBOUNDED
                        ? " (the solver cannot tell infeasible from unbounded; the model with a zero objective is feasible, so the objective is unbounded)"
                        : "";
            }
            case MPSOLVER_FEASIBLE, MPSOLVER_NOT_SOLVED, MPSOLVER_UNKNOWN_STATUS -> {
                double seconds = (System.nanoTime() - start) / 1e9;
                status = seconds >= options.timeLimitSeconds() * 0.99 ? TerminationStatus.TIME_LIMIT : TerminationStatus.ERROR;
            }
            default -> status = TerminationStatus.ERROR;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != TerminationStatus.OPTIMAL) {
            return new SolveResult(status, Double.NaN, null, name, seconds, name + " returned " + detail);
        }
        double[] values = new double[model.variables().size()];
        if (response.getVariableValueCount() != values.length) {
            return new SolveResult(TerminationStatus.ERROR, Double.NaN, null, name, seconds, name + " returned " + values.length
                    + " columns expected but " + response.getVariableValueCount() + " values received");
        }
        for (int j = 0; j < values.length; j++) {
            values[j] = response.getVariableValue(j);
        }
        return new SolveResult(status, response.getObjectiveValue(), values, name, seconds, "");
    }

    /**
     * Re-solves {@code model} with a zero objective to tell an infeasible model from one whose
     * objective is unbounded: with no objective nothing can be unbounded, so the answer is exact.
     */
    private TerminationStatus disambiguateInfeasible(MilpModel model, SolveOptions options, double seconds) {
        MPSolutionResponse check = MPSolver.solveWithProto(request(toProto(model, false), options, seconds));
        return switch (check.getStatus()) {
            case MPSOLVER_OPTIMAL, MPSOLVER_FEASIBLE -> TerminationStatus.UNBOUNDED;
            case MPSOLVER_INFEASIBLE -> TerminationStatus.INFEASIBLE;
            // Could not tell within the limit: the enum documents UNBOUNDED as "infeasible or unbounded".
            default -> TerminationStatus.UNBOUNDED;
        };
    }

    private MPModelRequest request(MPModelProto proto, SolveOptions options, double seconds) {
        String gap = String.format(Locale.ROOT, "%.17g", options.relativeGap());
        String params = solverType == MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING
                ? "output_flag=false,log_to_console=false,mip_rel_gap=" + gap
                : "limits/gap = " + gap;
        return MPModelRequest.newBuilder()
                .setModel(proto)
                .setSolverType(solverType)
                .setEnableInternalSolverOutput(false)
                .setSolverTimeLimitSeconds(seconds)
                .setSolverSpecificParameters(params)
                .build();
    }

    /** The model as an OR-Tools proto; repeated variables in a row or the objective are summed. */
    static MPModelProto toProto(MilpModel model, boolean withObjective) {
        List<Variable> vars = model.variables();
        double[] objective = new double[vars.size()];
        MPModelProto.Builder b = MPModelProto.newBuilder().setName(model.name()).setMaximize(model.sense() == Sense.MAXIMIZE);
        if (withObjective) {
            Terms t = Terms.of(model.objective());
            for (int k = 0; k < t.size(); k++) {
                objective[t.vars()[k]] = t.coefs()[k];
            }
            b.setObjectiveOffset(model.objective().constant());
        }
        for (Variable v : vars) {
            b.addVariable(MPVariableProto.newBuilder()
                    .setName(v.name())
                    .setLowerBound(v.lowerBound())
                    .setUpperBound(v.upperBound())
                    .setIsInteger(v.type() != VarType.CONTINUOUS)
                    .setObjectiveCoefficient(objective[v.index()]));
        }
        for (Constraint c : model.constraints()) {
            double constant = c.expr().constant();
            MPConstraintProto.Builder row = MPConstraintProto.newBuilder()
                    .setName(c.name())
                    .setLowerBound(c.lower() - constant)
                    .setUpperBound(c.upper() - constant);
            Terms t = Terms.of(c.expr());
            for (int k = 0; k < t.size(); k++) {
                row.addVarIndex(t.vars()[k]).addCoefficient(t.coefs()[k]);
            }
            b.addConstraint(row);
        }
        return b.build();
    }
}
