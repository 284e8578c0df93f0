package org.hubprice.agents.sac;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * The actor's distribution: a diagonal Gaussian over pre-squash values {@code u}, squashed by
 * tanh into {@code [-1, 1]^m} and mapped affinely onto the action box, {@code a = c + h tanh(u)}
 * (c the box's centre, h its half-width).
 *
 * <p>Log-density of the box action, per dimension (change of variables through tanh and the
 * affine map):
 * <pre>
 *   log p(a) = log N(u; mu, sigma) - log(1 - tanh(u)^2) - log h
 *            = -eps^2/2 - log sigma - log(2 pi)/2 - 2 (log 2 - u - softplus(-2u)) - log h
 * </pre>
 * with {@code u = mu + sigma eps}. The second form of the tanh term is exact and stays finite
 * where {@code tanh(u)} rounds to 1 (the naive {@code log(1 - tanh^2 + 1e-6)} biases the
 * density there). The terms that depend on the noise {@code eps} and on constants only are
 * summed on the host ({@link #noiseTerm}), which leaves six engine operations per draw.
 */
final class TanhGaussian {
    static final double LOG_2 = Math.log(2);
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private TanhGaussian() {}

    /** The squashed action in {@code [-1, 1]^m}, shape (B, m), and its log-density, shape (B, 1). */
    record Draw(NDArray squashed, NDArray logProb) {}

    /**
     * The constant part of the log-density of one row: {@code -m (log(2 pi)/2 + 2 log 2) - sum log h}.
     */
    static double constant(double[] halfWidth) {
        double c = -halfWidth.length * (0.5 * LOG_2PI + 2 * LOG_2);
        for (double h : halfWidth) {
            c -= Math.log(h);
        }
        return c;
    }

    /**
     * Fills {@code out[r]} with {@code constant - sum_j eps[r, j]^2 / 2}: the part of row r's
     * log-density that does not depend on the network.
     */
    static void noiseTerm(float[] eps, int rows, int actDim, double constant, float[] out) {
        for (int r = 0; r < rows; r++) {
            double s = constant;
            for (int j = 0; j < actDim; j++) {
                double e = eps[r * actDim + j];
                s -= 0.5 * e * e;
            }
            out[r] = (float) s;
        }
    }

    /**
     * A reparameterised draw from the actor's output {@code (B, 2m)} = [mean, raw log std].
     *
     * @param eps standard normal noise (B, m)
     * @param noiseTerm {@link #noiseTerm} of that noise, (B, 1)
     */
    static Draw sample(NDArray actorOut, NDArray eps, NDArray noiseTerm, int actDim, double logStdMin, double logStdMax) {
        NDList parts = actorOut.split(new long[] {actDim}, 1);
        NDArray mean = parts.get(0);
        NDArray logStd = parts.get(1).clip(logStdMin, logStdMax);
        NDArray u = logStd.exp().mul(eps).add(mean);
        NDArray squashed = u.tanh();
        // per dimension: 2 (u + softplus(-2u)) - log sigma, the rest is in noiseTerm
        // 2u is written u + u (bit-identical): a Java number in an engine operation would be
        // wrapped in a buffer that the collector may free before the backward pass (EngineArrays)
        NDArray twoU = u.add(u);
        NDArray half = u.add(Activation.softPlus(twoU.neg()));
        NDArray perDim = half.add(half).sub(logStd);
        NDArray logProb = perDim.sum(new int[] {1}, true).add(noiseTerm);
        return new Draw(squashed, logProb);
    }
}
