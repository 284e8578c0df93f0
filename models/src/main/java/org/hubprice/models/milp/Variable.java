package org.hubprice.models.milp;

/**
 * A decision variable of one {@link MilpModel}; {@code index} is its column in the model and
 * in {@link SolveResult#values()}.
 */
public record Variable(int index, String name, double lowerBound, double upperBound, VarType type) {
    public Variable {
        if (Double.isNaN(lowerBound) || Double.isNaN(upperBound)) {
            throw new IllegalArgumentException("variable " + name + ": bounds must not be NaN (got [" + lowerBound + ", " + upperBound + "])");
        }
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("variable " + name + ": lower bound " + lowerBound + " exceeds upper bound " + upperBound);
        }
    }
}
