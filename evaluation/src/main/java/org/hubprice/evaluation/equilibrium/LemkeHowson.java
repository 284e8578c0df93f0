package org.hubprice.evaluation.equilibrium;

/**
 * A mixed Nash equilibrium of a bimatrix game by the Lemke–Howson algorithm (complementary
 * pivoting on the two best-response polytopes), with the lexicographic ratio test so that
 * degenerate games (ties in payoffs, common in price grids) do not make it cycle.
 *
 * <p>Each player's payoffs are first mapped affinely onto [1, 2] (positive, which the polytope
 * form needs; equilibria do not change under a positive affine map of one player's payoffs).
 * The row player's polytope is {@code P = {x >= 0 : Bᵀx <= 1}}, the column player's
 * {@code Q = {y >= 0 : Ay <= 1}}; strategy {@code i} of the row player carries label {@code i},
 * strategy {@code j} of the column player label {@code m + j}. Starting from the artificial
 * equilibrium {@code (0, 0)}, the label {@code k} is dropped and the path of almost completely
 * labelled pairs is followed until {@code k} is picked up again; the end point, normalised, is
 * an equilibrium. Different dropped labels can end at different equilibria.
 *
 * <p>Floating point: pivots use tolerance {@link #EPS} on the scaled tables; {@link #solve}
 * checks the answer's regret and returns null when a path fails (the caller tries another label).
 */
public final class LemkeHowson {
    /** Pivot and ratio-test tolerance on the scaled tables. */
    public static final double EPS = 1e-11;

    private LemkeHowson() {}

    /**
     * The equilibrium at the end of the path that drops {@code label} ({@code 0 .. m + n − 1}),
     * or null when the path exceeded {@code maxPivots} or ended numerically off (regret above
     * {@code 1e-7} of the payoff scale).
     */
    public static MixedEquilibrium solve(Bimatrix game, int label, int maxPivots) {
        int m = game.rows();
        int n = game.cols();
        if (label < 0 || label >= m + n) {
            throw new IllegalArgumentException("dropped label = " + label + " must be in [0, " + (m + n - 1) + "]");
        }
        double[][] a = scaled(game.row());
        double[][] b = scaled(game.col());
        // P: rows j = constraints (Bᵀx)_j + s_j = 1; variables x_0..x_{m-1} (labels 0..m-1), s_0..s_{n-1} (labels m..).
        Tableau p = new Tableau(n, m + n, m);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                p.t[j][i] = b[i][j];
            }
            p.t[j][m + j] = 1;
            p.t[j][m + n] = 1;
            p.basis[j] = m + j;
        }
        // Q: rows i = constraints r_i + (Ay)_i = 1; variables r_0..r_{m-1} (labels 0..m-1), y_0..y_{n-1} (labels m..).
        Tableau q = new Tableau(m, m + n, 0);
        for (int i = 0; i < m; i++) {
            q.t[i][i] = 1;
            for (int j = 0; j < n; j++) {
                q.t[i][m + j] = a[i][j];
            }
            q.t[i][m + n] = 1;
            q.basis[i] = i;
        }
        // x_k (k < m) is non-basic in P at the start; y_{k-m} (k >= m) is non-basic in Q.
        Tableau current = label < m ? p : q;
        int entering = label;
        for (int pivots = 0; pivots < maxPivots; pivots++) {
            int leaving = current.pivot(entering);
            if (leaving < 0) {
                return null; // unbounded: cannot happen with positive payoffs unless numerics failed
            }
            if (leaving == label) {
                double[] x = p.values(0, m);
                double[] y = q.values(m, n);
                if (!normalise(x) || !normalise(y)) {
                    return null;
                }
                double regret = game.regret(x, y);
                if (!(regret <= 1e-7 * Math.max(1.0, game.scale()))) {
                    return null;
                }
                double[] v = game.value(x, y);
                return new MixedEquilibrium(x, y, v[0], v[1], regret);
            }
            current = current == p ? q : p;
            entering = leaving;
        }
        return null;
    }

    /** Dropped labels tried by {@link #solve(Bimatrix)} before it gives up. */
    public static final int MAX_LABELS = 24;

    /**
     * An equilibrium: tries the dropped labels 0, 1, ... (at most {@link #MAX_LABELS}, each path
     * at most {@code 100·(m + n) + 1000} pivots; paths are short in practice) and returns the
     * first that ends at a verified equilibrium; null when every path tried failed numerically.
     */
    public static MixedEquilibrium solve(Bimatrix game) {
        int labels = game.rows() + game.cols();
        int maxPivots = 100 * labels + 1000;
        for (int k = 0; k < Math.min(labels, MAX_LABELS); k++) {
            MixedEquilibrium e = solve(game, k, maxPivots);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static double[][] scaled(double[][] u) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : u) {
            for (double v : r) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double range = hi - lo > 0 ? hi - lo : 1.0;
        double[][] s = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            s[i] = new double[u[i].length];
            for (int j = 0; j < u[i].length; j++) {
                s[i][j] = 1.0 + (u[i][j] - lo) / range;
            }
        }
        return s;
    }

    private static boolean normalise(double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                v[i] = 0; // a basic variable at -1e-16 is a zero
            }
            s += v[i];
        }
        if (!(s > 0)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
        return true;
    }

    /** A dense simplex tableau: {@code t[r]} holds the coefficients of every variable, then the right-hand side. */
    private static final class Tableau {
        final double[][] t;
        final int[] basis;
        final int vars;
        /** First column of the initial (slack) basis, whose columns hold the basis inverse for the lexicographic test. */
        final int slack0;
        final int rows;

        Tableau(int rows, int vars, int slack0) {
            this.rows = rows;
            this.vars = vars;
            this.slack0 = slack0;
            this.t = new double[rows][vars + 1];
            this.basis = new int[rows];
        }

        /** Pivots {@code entering} into the basis; returns the variable that left, or -1 when no row bounds it. */
        int pivot(int entering) {
            int best = -1;
            for (int r = 0; r < rows; r++) {
                if (t[r][entering] > EPS && (best < 0 || lexLess(r, best, entering))) {
                    best = r;
                }
            }
            if (best < 0) {
                return -1;
            }
            double[] pr = t[best];
            double pv = pr[entering];
            for (int c = 0; c <= vars; c++) {
                pr[c] /= pv;
            }
            pr[entering] = 1.0;
            for (int r = 0; r < rows; r++) {
                if (r == best) {
                    continue;
                }
                double f = t[r][entering];
                if (f != 0) {
                    double[] row = t[r];
                    for (int c = 0; c <= vars; c++) {
                        row[c] -= f * pr[c];
                    }
                    row[entering] = 0.0;
                }
            }
            int left = basis[best];
            basis[best] = entering;
            return left;
        }

        /** Whether row r is lexicographically smaller than row s in the ratio test for column e. */
        private boolean lexLess(int r, int s, int e) {
            double dr = t[r][e];
            double ds = t[s][e];
            double a = t[r][vars] / dr;
            double b = t[s][vars] / ds;
            if (Math.abs(a - b) > EPS * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                return a < b;
            }
            for (int c = slack0; c < slack0 + rows; c++) {
                a = t[r][c] / dr;
                b = t[s][c] / ds;
                if (Math.abs(a - b) > EPS * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                    return a < b;
                }
            }
            return r < s;
        }

        /** Values of variables {@code first .. first + count − 1} (0 when non-basic). */
        double[] values(int first, int count) {
            double[] v = new double[count];
            for (int r = 0; r < rows; r++) {
                int b = basis[r];
                if (b >= first && b < first + count) {
                    v[b - first] = t[r][vars];
                }
            }
            return v;
        }
    }
}
