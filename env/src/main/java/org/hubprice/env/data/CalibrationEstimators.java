package org.hubprice.env.data;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Gamma;

/**
 * The estimators {@link SyntheticPriceCalibrator} fits its parameters with: likelihood fits of
 * the spike chain's entry and size, the Student-t tail's degrees of freedom, the expected moments
 * of a centred AR(1) path and their inversion, and the one-dimensional maximiser they share.
 * Each is a pure function of its arguments.
 */
final class CalibrationEstimators {
    /** Degrees of freedom tried by the tail fit; the largest stands for "Gaussian". */
    private static final double[] DF_GRID = {2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50, 100,
        SyntheticPriceConfig.MAX_TAIL_DF};

    private CalibrationEstimators() {}

    /**
     * Spike entry probability {@code p0} and level sensitivity {@code κ} of
     * {@code P(enter | z) = min(0.5, p0 · exp(κ z))}: κ in [0, 10] by maximum likelihood (see
     * {@link #gridThenGolden}), with {@code p0} for each κ from the expected-count equation
     * {@code Σ p0 exp(κ z) = number of entries}.
     */
    static double[] fitSpikeEntry(double[] z, boolean[] entered, int count) {
        int entries = 0;
        for (int k = 0; k < count; k++) {
            entries += entered[k] ? 1 : 0;
        }
        if (entries == 0) {
            return new double[] {0, 0};
        }
        final int e = entries;
        double kappa = gridThenGolden(kp -> entryLogLikelihood(z, entered, count, e, kp)[0], 0, 10, 0.5);
        return new double[] {entryLogLikelihood(z, entered, count, entries, kappa)[1], kappa};
    }

    /** {log-likelihood, p0} of the spike entries at sensitivity {@code kappa}. */
    private static double[] entryLogLikelihood(double[] z, boolean[] entered, int count, int entries, double kappa) {
        double expSum = 0;
        for (int k = 0; k < count; k++) {
            expSum += Math.exp(kappa * z[k]);
        }
        double p0 = Math.min(0.5, entries / expSum);
        double ll = 0;
        for (int k = 0; k < count; k++) {
            double p = Math.min(0.5, p0 * Math.exp(kappa * z[k]));
            ll += entered[k] ? Math.log(p) : Math.log1p(-p);
        }
        return new double[] {ll, p0};
    }

    /**
     * Spike tail mean {@code μ0} and level sensitivity {@code τ}: maximum likelihood of
     * {@code E ~ Exp(mean min(5, μ0 · exp(τ z)))} truncated at {@code span}, τ over [0, 3] and, for
     * each τ, log μ0 over [log 0.001, log 5] (see {@link #gridThenGolden}).
     */
    static double[] fitSpikeTail(double[] excess, double[] z, int count, double span) {
        double tau = gridThenGolden(t -> tailLogLikelihood(excess, z, count, span, bestTailMean(excess, z, count, span, t), t),
                0, 3, 0.25);
        return new double[] {bestTailMean(excess, z, count, span, tau), tau};
    }

    private static double bestTailMean(double[] excess, double[] z, int count, double span, double tau) {
        return Math.exp(gridThenGolden(logMu -> tailLogLikelihood(excess, z, count, span, Math.exp(logMu), tau),
                Math.log(1e-3), Math.log(5), 0.5));
    }

    private static double tailLogLikelihood(double[] excess, double[] z, int count, double span, double mu0, double tau) {
        double ll = 0;
        for (int k = 0; k < count; k++) {
            double mu = Math.min(5, mu0 * Math.exp(tau * z[k]));
            ll += -Math.log(mu) - excess[k] / mu - Math.log(-Math.expm1(-span / mu));
        }
        return ll;
    }

    /**
     * Maximiser of {@code f} on [lo, hi]: the best point of a grid of the given step, then a
     * golden-section search within one step of it (the log-likelihoods here are smooth and
     * single-peaked near their maximum); the grid point is kept if the search finds nothing better.
     */
    static double gridThenGolden(DoubleUnaryOperator f, double lo, double hi, double step) {
        double best = lo;
        double bestValue = Double.NEGATIVE_INFINITY;
        int points = (int) Math.round((hi - lo) / step);
        for (int g = 0; g <= points; g++) {
            double x = Math.min(hi, lo + g * step);
            double v = f.applyAsDouble(x);
            if (v > bestValue) {
                bestValue = v;
                best = x;
            }
        }
        double a0 = Math.max(lo, best - step);
        double b0 = Math.min(hi, best + step);
        double golden = (Math.sqrt(5) - 1) / 2;
        double a = b0 - golden * (b0 - a0);
        double b = a0 + golden * (b0 - a0);
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        for (int it = 0; it < 30; it++) {
            if (fa < fb) {
                a0 = a;
                a = b;
                fa = fb;
                b = a0 + golden * (b0 - a0);
                fb = f.applyAsDouble(b);
            } else {
                b0 = b;
                b = a;
                fb = fa;
                a = b0 - golden * (b0 - a0);
                fa = f.applyAsDouble(a);
            }
        }
        double x = 0.5 * (a0 + b0);
        return f.applyAsDouble(x) >= bestValue ? x : best;
    }

    /**
     * Expected variance of a centred stationary AR(1) path of {@code len} steps, per unit of
     * stationary variance: mean of the diagonal of C Σ C with Σ[i][j] = ρ^|i−j| and C the centring matrix.
     */
    static double centredVarianceFactor(double rho, int len) {
        return centredMoment(rho, len, 0);
    }

    /** Expected lag-{@code lag} autocovariance of the centred path, averaged over the path, per unit variance. */
    private static double centredMoment(double rho, int len, int lag) {
        double[] pow = new double[len];
        pow[0] = 1;
        for (int k = 1; k < len; k++) {
            pow[k] = pow[k - 1] * rho;
        }
        // Row means of Σ and the grand mean, then (CΣC)[i][j] = Σij − ri − rj + g.
        double[] rowMean = new double[len];
        double grand = 0;
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int j = 0; j < len; j++) {
                s += pow[Math.abs(i - j)];
            }
            rowMean[i] = s / len;
            grand += rowMean[i];
        }
        grand /= len;
        double sum = 0;
        for (int i = lag; i < len; i++) {
            int j = i - lag;
            sum += pow[lag] - rowMean[i] - rowMean[j] + grand;
        }
        return sum / (len - lag);
    }

    /** The AR(1) coefficient whose centred {@code len}-step path has the given lag-1 correlation. */
    static double invertCentredLagCorrelation(double target, int len) {
        double lo = 0;
        double hi = 0.999;
        if (target <= corrOfCentred(lo, len)) {
            return lo;
        }
        if (target >= corrOfCentred(hi, len)) {
            return hi;
        }
        for (int it = 0; it < 80; it++) {
            double mid = 0.5 * (lo + hi);
            if (corrOfCentred(mid, len) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double corrOfCentred(double rho, int len) {
        return centredMoment(rho, len, 1) / centredMoment(rho, len, 0);
    }

    /** Degrees of freedom (from a grid) of the unit-variance Student-t law that best fits {@code x / scale}. */
    static double fitTailDf(double[] x, double scale) {
        if (scale <= 0) {
            return SyntheticPriceConfig.MAX_TAIL_DF;
        }
        double best = Double.NEGATIVE_INFINITY;
        double bestDf = SyntheticPriceConfig.MAX_TAIL_DF;
        for (double df : DF_GRID) {
            double ll = 0;
            double k = Math.sqrt(df / (df - 2)); // standard-t value per unit-variance value
            double c = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) + Math.log(k);
            for (double v : x) {
                double t = v / scale * k;
                ll += c - (df + 1) / 2 * Math.log1p(t * t / df);
            }
            if (ll > best) {
                best = ll;
                bestDf = df;
            }
        }
        return bestDf;
    }
}
