package org.hubprice.evaluation.equilibrium;

/**
 * A two-player game in normal form: {@code row[i][j]} and {@code col[i][j]} are the payoffs of
 * the row and the column player when the row player plays {@code i} and the column player
 * {@code j}. Tables are copied on construction.
 */
public record Bimatrix(double[][] row, double[][] col) {
    public Bimatrix {
        if (row == null || col == null || row.length == 0 || row[0].length == 0) {
            throw new IllegalArgumentException("a bimatrix game needs non-empty payoff tables for both players");
        }
        int m = row.length;
        int n = row[0].length;
        if (col.length != m) {
            throw new IllegalArgumentException("payoff tables differ in rows: " + m + " vs " + col.length);
        }
        double[][] r = new double[m][];
        double[][] c = new double[m][];
        for (int i = 0; i < m; i++) {
            if (row[i].length != n || col[i].length != n) {
                throw new IllegalArgumentException("payoff table row " + i + " has " + row[i].length + " / " + col[i].length
                        + " entries; every row needs " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(row[i][j]) || !Double.isFinite(col[i][j])) {
                    throw new IllegalArgumentException("payoff at (" + i + ", " + j + ") is not finite: " + row[i][j] + ", " + col[i][j]);
                }
            }
            r[i] = row[i].clone();
            c[i] = col[i].clone();
        }
        row = r;
        col = c;
    }

    /** Number of row strategies. */
    public int rows() {
        return row.length;
    }

    /** Number of column strategies. */
    public int cols() {
        return row[0].length;
    }

    /** Expected payoffs {@code {row, col}} of the mixed profile {@code (x, y)}. */
    public double[] value(double[] x, double[] y) {
        double vr = 0;
        double vc = 0;
        for (int i = 0; i < rows(); i++) {
            if (x[i] == 0) {
                continue;
            }
            for (int j = 0; j < cols(); j++) {
                vr += x[i] * y[j] * row[i][j];
                vc += x[i] * y[j] * col[i][j];
            }
        }
        return new double[] {vr, vc};
    }

    /**
     * The larger of the two players' regrets at {@code (x, y)}: how much the better pure reply
     * to the other's mixture earns above the mixture played. 0 at an exact equilibrium.
     */
    public double regret(double[] x, double[] y) {
        double[] v = value(x, y);
        double bestRow = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows(); i++) {
            double s = 0;
            for (int j = 0; j < cols(); j++) {
                s += y[j] * row[i][j];
            }
            bestRow = Math.max(bestRow, s);
        }
        double bestCol = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols(); j++) {
            double s = 0;
            for (int i = 0; i < rows(); i++) {
                s += x[i] * col[i][j];
            }
            bestCol = Math.max(bestCol, s);
        }
        return Math.max(bestRow - v[0], bestCol - v[1]);
    }

    /** The largest absolute payoff, the scale for tolerances. */
    public double scale() {
        double s = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                s = Math.max(s, Math.max(Math.abs(row[i][j]), Math.abs(col[i][j])));
            }
        }
        return s;
    }
}
