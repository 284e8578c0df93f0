package org.hubprice.models.milp;

/** {@code lower <= expr <= upper}; use infinities for one-sided rows. */
public record Constraint(String name, LinearExpr expr, double lower, double upper) {
    public Constraint {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("constraint " + name + ": bounds must not be NaN");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("constraint " + name + ": lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** Row activity minus the violated bound (0 when satisfied). */
    public double violation(double[] values) {
        double a = expr.evaluate(values);
        if (a < lower) {
            return lower - a;
        }
        if (a > upper) {
            return a - upper;
        }
        return 0;
    }
}
