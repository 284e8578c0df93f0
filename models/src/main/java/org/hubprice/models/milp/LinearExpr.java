package org.hubprice.models.milp;

import java.util.Arrays;

/**
 * A linear expression {@code sum_j c_j x_j + constant}, built by chaining {@link #add}.
 * Repeated variables are merged when the model is handed to a backend.
 */
public final class LinearExpr {
    private int[] vars = new int[4];
    private double[] coefs = new double[4];
    private int size;
    private double constant;

    public static LinearExpr of() {
        return new LinearExpr();
    }

    /** Adds {@code coef * v}. */
    public LinearExpr add(double coef, Variable v) {
        if (!Double.isFinite(coef)) {
            throw new IllegalArgumentException("coefficient of " + v.name() + " = " + coef + " is not finite");
        }
        if (size == vars.length) {
            vars = Arrays.copyOf(vars, size * 2);
            coefs = Arrays.copyOf(coefs, size * 2);
        }
        vars[size] = v.index();
        coefs[size] = coef;
        size++;
        return this;
    }

    /** Adds {@code 1 * v}. */
    public LinearExpr add(Variable v) {
        return add(1.0, v);
    }

    /** Adds a constant term. */
    public LinearExpr add(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("constant term = " + c + " is not finite");
        }
        constant += c;
        return this;
    }

    public int size() {
        return size;
    }

    public int variableAt(int k) {
        return vars[k];
    }

    public double coefficientAt(int k) {
        return coefs[k];
    }

    public double constant() {
        return constant;
    }

    /** Evaluates the expression at the given column values. */
    public double evaluate(double[] values) {
        double s = constant;
        for (int k = 0; k < size; k++) {
            s += coefs[k] * values[vars[k]];
        }
        return s;
    }
}
