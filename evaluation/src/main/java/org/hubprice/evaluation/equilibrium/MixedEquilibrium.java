package org.hubprice.evaluation.equilibrium;

/**
 * A (possibly mixed) equilibrium of a two-player game.
 *
 * @param row the row player's probabilities over its strategies
 * @param col the column player's probabilities
 * @param rowValue the row player's expected payoff
 * @param colValue the column player's expected payoff
 * @param regret the larger player's gain from the best pure reply (0 at an exact equilibrium)
 */
public record MixedEquilibrium(double[] row, double[] col, double rowValue, double colValue, double regret) {
    public MixedEquilibrium {
        row = row.clone();
        col = col.clone();
    }

    @Override
    public double[] row() {
        return row.clone();
    }

    @Override
    public double[] col() {
        return col.clone();
    }

    /** Whether both players play one strategy with probability 1 (up to {@code 1e-12}). */
    public boolean pure() {
        return max(row) > 1 - 1e-12 && max(col) > 1 - 1e-12;
    }

    private static double max(double[] p) {
        double m = 0;
        for (double v : p) {
            m = Math.max(m, v);
        }
        return m;
    }
}
