package org.hubprice.env.demand;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Energy each arriving EV charges (docs/model.md 2.2): battery size and state of charge are drawn
 * independently from their tables, and the EV charges to full within the period, taking
 * {@code size · (100 − soc) / 100} kWh. With the reference tables the mean is
 * 75 kWh × 0.5485 = 41.1375 kWh and the maximum 90 kWh. Immutable and allocation-free.
 */
public final class EvEnergyModel {
    private final double[] sizes;
    private final double[] sizeCdf;
    private final int lastSize;
    private final double[] needFraction;
    private final double[] socCdf;
    private final int lastSoc;
    private final double mean;
    private final double max;

    public EvEnergyModel(DemandConfig c) {
        Objects.requireNonNull(c, "demand config");
        sizes = c.batterySizesKwh();
        double[] sizeP = c.batterySizeProbabilities();
        sizeCdf = cumulative(sizeP);
        lastSize = lastPositive(sizeP);
        double[] soc = c.socPercents();
        double[] socP = c.socProbabilities();
        needFraction = new double[soc.length];
        for (int j = 0; j < soc.length; j++) {
            needFraction[j] = (100 - soc[j]) / 100;
        }
        socCdf = cumulative(socP);
        lastSoc = lastPositive(socP);
        double meanSize = 0;
        double maxSize = 0;
        for (int i = 0; i < sizes.length; i++) {
            meanSize += sizeP[i] * sizes[i];
            if (sizeP[i] > 0) {
                maxSize = Math.max(maxSize, sizes[i]);
            }
        }
        double meanNeed = 0;
        double maxNeed = 0;
        for (int j = 0; j < soc.length; j++) {
            meanNeed += socP[j] * needFraction[j];
            if (socP[j] > 0) {
                maxNeed = Math.max(maxNeed, needFraction[j]);
            }
        }
        // Size and state of charge are independent, so the mean factorises.
        mean = meanSize * meanNeed;
        max = maxSize * maxNeed;
    }

    /** One EV's energy need in kWh. Uses two uniforms: battery size, then state of charge. */
    public double sampleEnergyKwh(SplittableRandom rng) {
        int i = pick(sizeCdf, lastSize, rng.nextDouble());
        int j = pick(socCdf, lastSoc, rng.nextDouble());
        return sizes[i] * needFraction[j];
    }

    /** Total energy in kWh of {@code evs} independent EVs (a hub's load for the period). */
    public double sampleTotalEnergyKwh(int evs, SplittableRandom rng) {
        if (evs < 0) {
            throw new IllegalArgumentException("evs = " + evs + " must be >= 0");
        }
        double total = 0;
        for (int k = 0; k < evs; k++) {
            total += sampleEnergyKwh(rng);
        }
        return total;
    }

    /** Expected energy per EV in kWh. */
    public double meanEnergyKwh() {
        return mean;
    }

    /** Largest energy any EV can need in kWh (over outcomes with positive probability). */
    public double maxEnergyKwh() {
        return max;
    }

    private static double[] cumulative(double[] p) {
        double[] cdf = new double[p.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            cdf[i] = s;
        }
        return cdf;
    }

    private static int lastPositive(double[] p) {
        for (int i = p.length - 1; i >= 0; i--) {
            if (p[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("probability table has no positive entry");
    }

    /**
     * Inversion over a small table. A zero-probability entry can never be returned (u would have
     * to be below a cdf value it is already at or above), and a u beyond the rounded total lands
     * on the last entry with positive probability.
     */
    private static int pick(double[] cdf, int last, double u) {
        for (int i = 0; i < last; i++) {
            if (u < cdf[i]) {
                return i;
            }
        }
        return last;
    }
}
