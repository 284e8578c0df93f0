package org.hubprice.env.data;

import java.util.SplittableRandom;

/** Draws from the few distributions the price model needs, from a caller's seeded stream. */
final class RandomDraws {
    private RandomDraws() {}

    /** Student-t with {@code df} degrees of freedom, scaled to unit variance ({@code df > 2}). */
    static double unitStudentT(SplittableRandom r, double df) {
        double z = r.nextGaussian();
        if (df >= SyntheticPriceConfig.MAX_TAIL_DF) {
            return z; // indistinguishable from Gaussian, and saves the gamma draw
        }
        double chi2 = 2 * gamma(r, df / 2);
        return z / Math.sqrt(chi2 / df) * Math.sqrt((df - 2) / df);
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang's squeeze method (2000); shapes below 1 use the
     * boost {@code G(a) = G(a+1) · U^(1/a)}.
     */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            double u = r.nextDouble();
            return gamma(r, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = r.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Exponential with the given mean, truncated to {@code [0, max]} by inversion (no rejection loop). */
    static double truncatedExponential(SplittableRandom r, double mean, double max) {
        double u = r.nextDouble();
        // F(x) = (1 - e^{-x/mean}) / (1 - e^{-max/mean}); invert.
        double tailMass = -Math.expm1(-max / mean);
        return -mean * Math.log1p(-u * tailMass);
    }
}
