package org.hubprice.models.milp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A mixed-integer linear program stated once, independent of any solver: variables with
 * bounds and types, linear constraints, and a linear objective. Hand it to a
 * {@link SolverBackend} to solve.
 */
public final class MilpModel {
    private final String name;
    private final List<Variable> variables = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private LinearExpr objective = LinearExpr.of();
    private Sense sense = Sense.MINIMIZE;

    public MilpModel(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Variable addContinuous(String varName, double lb, double ub) {
        return add(varName, lb, ub, VarType.CONTINUOUS);
    }

    public Variable addInteger(String varName, double lb, double ub) {
        return add(varName, lb, ub, VarType.INTEGER);
    }

    public Variable addBinary(String varName) {
        return add(varName, 0, 1, VarType.BINARY);
    }

    private Variable add(String varName, double lb, double ub, VarType type) {
        Variable v = new Variable(variables.size(), varName, lb, ub, type);
        variables.add(v);
        return v;
    }

    /** Adds {@code lower <= expr <= upper}. */
    public Constraint addConstraint(String rowName, LinearExpr expr, double lower, double upper) {
        Constraint c = new Constraint(rowName, expr, lower, upper);
        constraints.add(c);
        return c;
    }

    /** Adds {@code expr <= upper}. */
    public Constraint addLessOrEqual(String rowName, LinearExpr expr, double upper) {
        return addConstraint(rowName, expr, Double.NEGATIVE_INFINITY, upper);
    }

    /** Adds {@code expr >= lower}. */
    public Constraint addGreaterOrEqual(String rowName, LinearExpr expr, double lower) {
        return addConstraint(rowName, expr, lower, Double.POSITIVE_INFINITY);
    }

    /** Adds {@code expr == rhs}. */
    public Constraint addEquality(String rowName, LinearExpr expr, double rhs) {
        return addConstraint(rowName, expr, rhs, rhs);
    }

    public void setObjective(LinearExpr expr, Sense direction) {
        this.objective = expr;
        this.sense = direction;
    }

    public List<Variable> variables() {
        return Collections.unmodifiableList(variables);
    }

    public List<Constraint> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    public LinearExpr objective() {
        return objective;
    }

    public Sense sense() {
        return sense;
    }

    public int integerCount() {
        int n = 0;
        for (Variable v : variables) {
            if (v.type() != VarType.CONTINUOUS) {
                n++;
            }
        }
        return n;
    }

    /**
     * The largest violation of any bound, constraint or integrality requirement at the given
     * values: a solver-independent feasibility check for tests and for auditing results.
     */
    public double maxViolation(double[] values) {
        double worst = 0;
        for (Variable v : variables) {
            double x = values[v.index()];
            worst = Math.max(worst, Math.max(v.lowerBound() - x, x - v.upperBound()));
            if (v.type() != VarType.CONTINUOUS) {
                worst = Math.max(worst, Math.abs(x - Math.rint(x)));
            }
        }
        for (Constraint c : constraints) {
            worst = Math.max(worst, c.violation(values));
        }
        return worst;
    }
}
