package org.hubprice.env.bertrand;

import java.util.Arrays;

/**
 * Multinomial-logit demand of the Calvano et al. game and its two benchmarks, computed from
 * the parameters: the static Nash equilibrium and the joint-profit (monopoly) maximum.
 *
 * <p>Shares are computed with the log-sum-exp shift, so that small {@code μ} or prices far from
 * the quality indices neither overflow nor underflow to 0/0.
 *
 * <p><b>Nash.</b> Firm {@code i}'s first-order condition is {@code ∂π_i/∂p_i = q_i − (p_i − c_i)
 * q_i (1 − q_i)/μ = 0}, i.e. {@code F_i(p) = (p_i − c_i)(1 − q_i) − μ = 0}. With single-product
 * firms and logit demand the system has exactly one solution (each profit is quasi-concave in
 * the own price), found by Newton's method on {@code F} with the analytic Jacobian and a
 * backtracking line search.
 *
 * <p><b>Monopoly.</b> The joint profit {@code Π = Σ_j (p_j − c_j) q_j} has {@code ∂Π/∂p_i =
 * q_i (1 − (p_i − c_i)/μ + Π/μ)}, so at any stationary point every firm has the same markup
 * {@code x = μ + Π}, and {@code Π = x Q(x)} with {@code Q} the total inside share. The markup
 * therefore solves the one-dimensional equation {@code G(x) = x (1 − Q(x)) − μ = 0}; {@code G}
 * is strictly increasing for {@code x >= 0} with {@code G(0) = −μ}, so the root is unique and is
 * found by Newton's method safeguarded by bisection. Joint profit vanishes as prices grow and
 * is negative below cost, so this unique stationary point is the maximum.
 */
public final class LogitDemand {
    private final int n;
    private final double[] a;
    private final double[] c;
    private final double a0;
    private final double mu;

    public LogitDemand(BertrandConfig config) {
        this.n = config.n();
        this.a = config.a();
        this.c = config.c();
        this.a0 = config.a0();
        this.mu = config.mu();
    }

    /** Writes every firm's demand at {@code prices} into {@code out} (no allocation). */
    public void shares(double[] prices, double[] out) {
        double max = a0 / mu;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, (a[i] - prices[i]) / mu);
        }
        double sum = Math.exp(a0 / mu - max);
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp((a[i] - prices[i]) / mu - max);
            sum += out[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
    }

    /** Writes every firm's per-period profit {@code (p_i − c_i) q_i} into {@code out}. */
    public void profits(double[] prices, double[] out) {
        shares(prices, out);
        for (int i = 0; i < n; i++) {
            out[i] *= prices[i] - c[i];
        }
    }

    /** The static Nash equilibrium (see the class comment for the method). */
    public Equilibrium nash() {
        double[] p = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = c[i] + mu;
        }
        // A few best-response-like fixed-point steps p_i = c_i + μ/(1 − q_i) bring Newton close.
        for (int it = 0; it < 20; it++) {
            shares(p, q);
            for (int i = 0; i < n; i++) {
                p[i] = c[i] + mu / (1 - q[i]);
            }
        }
        double[] f = new double[n];
        double[][] jac = new double[n][n];
        double[] step = new double[n];
        double[] trial = new double[n];
        double[] ftrial = new double[n];
        double norm = nashResidual(p, q, f);
        for (int it = 0; it < 200 && norm > 1e-15; it++) {
            for (int i = 0; i < n; i++) {
                double mi = p[i] - c[i];
                for (int j = 0; j < n; j++) {
                    jac[i][j] = i == j ? (1 - q[i]) + mi * q[i] * (1 - q[i]) / mu : -mi * q[i] * q[j] / mu;
                }
                step[i] = -f[i];
            }
            solve(jac, step);
            double t = 1;
            double trialNorm = Double.POSITIVE_INFINITY;
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = p[i] + t * step[i];
                }
                trialNorm = nashResidual(trial, q, ftrial);
                if (trialNorm < norm) {
                    break;
                }
                t *= 0.5;
            }
            if (!(trialNorm < norm)) {
                break; // no further decrease: converged to machine precision
            }
            System.arraycopy(trial, 0, p, 0, n);
            System.arraycopy(ftrial, 0, f, 0, n);
            norm = trialNorm;
        }
        norm = nashResidual(p, q, f);
        if (!(norm <= 1e-9)) {
            throw new IllegalStateException("Nash first-order conditions not solved: residual " + norm + " at prices "
                    + Arrays.toString(p) + "; Maybe the parameters are extreme (check mu, a, c)");
        }
        double[] profits = new double[n];
        profits(p, profits);
        return new Equilibrium(p, profits);
    }

    /** Fills {@code q} and {@code f} at {@code p}; returns max |F_i|. */
    private double nashResidual(double[] p, double[] q, double[] f) {
        shares(p, q);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            f[i] = (p[i] - c[i]) * (1 - q[i]) - mu;
            norm = Math.max(norm, Math.abs(f[i]));
        }
        return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
    }

    /** The joint-profit maximum (see the class comment for the method). */
    public Equilibrium monopoly() {
        double lo = 0;
        double hi = mu;
        while (g(hi) <= 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e12) {
                throw new IllegalStateException("monopoly markup not bracketed below 1e12; Maybe the parameters are extreme");
            }
        }
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double gx = g(x);
            if (gx == 0) {
                break;
            }
            if (gx < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double qx = insideShare(x);
            double slope = (1 - qx) * (1 + x * qx / mu);
            double next = x - gx / slope;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi); // Newton left the bracket: bisect instead
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
                x = next;
                break;
            }
            x = next;
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = c[i] + x;
        }
        double[] profits = new double[n];
        profits(p, profits);
        return new Equilibrium(p, profits);
    }

    private double g(double markup) {
        return markup * (1 - insideShare(markup)) - mu;
    }

    /** Total inside-goods share when every firm charges cost plus {@code markup}. */
    private double insideShare(double markup) {
        double max = a0 / mu;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, (a[i] - c[i] - markup) / mu);
        }
        double inside = 0;
        for (int i = 0; i < n; i++) {
            inside += Math.exp((a[i] - c[i] - markup) / mu - max);
        }
        return inside / (inside + Math.exp(a0 / mu - max));
    }

    /** Solves {@code A x = b} in place (b becomes x) by Gaussian elimination with partial pivoting. */
    private static void solve(double[][] m, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            double[] tr = m[col];
            m[col] = m[piv];
            m[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            double d = m[col][col];
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / d;
                if (f != 0) {
                    for (int cc = col; cc < n; cc++) {
                        m[r][cc] -= f * m[col][cc];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int cc = r + 1; cc < n; cc++) {
                s -= m[r][cc] * b[cc];
            }
            b[r] = s / m[r][r];
        }
    }
}
