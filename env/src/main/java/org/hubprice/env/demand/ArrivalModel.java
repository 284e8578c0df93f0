package org.hubprice.env.demand;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Hourly counts of charge-seeking EVs (docs/model.md 2.1): {@code N̂[t] ~ Poisson(λ[t])} vehicles
 * pass, {@code λ[t] = demandMultiplier · αβN̄[t]}, and each seeks a charge with probability
 * {@code q[t]}, so {@code n[t] ~ Binomial(N̂[t], q[t])}.
 *
 * <p>The two stages are sampled literally, as the model states them, although their composition
 * is exactly Poisson({@code λ[t]·q[t]}); the tests check that identity. Immutable and
 * allocation-free; safe to share between threads (each with its own random stream).
 */
public final class ArrivalModel {
    private final double[] lambda = new double[DemandConfig.HOURS];
    private final double[] q = new double[DemandConfig.HOURS];

    public ArrivalModel(DemandConfig c) {
        Objects.requireNonNull(c, "demand config");
        for (int t = 0; t < DemandConfig.HOURS; t++) {
            lambda[t] = c.demandMultiplier() * c.meanVehicles(t);
            q[t] = c.chargeProbability(t);
        }
    }

    /** Vehicles through the intersection in {@code hour}: one Poisson draw. */
    public int sampleVehicles(int hour, SplittableRandom rng) {
        return DiscreteSampling.poisson(rng, lambda[checkHour(hour)]);
    }

    /** Charge-seeking EVs in {@code hour}: a Poisson draw of vehicles thinned binomially by {@code q[hour]}. */
    public int sampleChargeSeekers(int hour, SplittableRandom rng) {
        int vehicles = sampleVehicles(hour, rng);
        return DiscreteSampling.binomial(rng, vehicles, q[hour]);
    }

    /** The 24 hourly counts of one day, hours in order, all from {@code rng}. */
    public void sampleDay(SplittableRandom rng, int[] countsOut) {
        Objects.requireNonNull(rng, "rng");
        if (countsOut == null || countsOut.length != DemandConfig.HOURS) {
            throw new IllegalArgumentException("countsOut has " + (countsOut == null ? "no" : countsOut.length) + " entries; give an int["
                    + DemandConfig.HOURS + "]");
        }
        for (int t = 0; t < DemandConfig.HOURS; t++) {
            countsOut[t] = sampleChargeSeekers(t, rng);
        }
    }

    /** {@code E n[hour] = λ[hour] · q[hour]}. */
    public double expectedChargeSeekers(int hour) {
        checkHour(hour);
        return lambda[hour] * q[hour];
    }

    /** {@code λ[hour]}, the mean number of vehicles passing. */
    public double expectedVehicles(int hour) {
        return lambda[checkHour(hour)];
    }

    private static int checkHour(int hour) {
        if (hour < 0 || hour >= DemandConfig.HOURS) {
            throw new IllegalArgumentException("hour = " + hour + " is outside [0, " + (DemandConfig.HOURS - 1) + "]");
        }
        return hour;
    }
}
