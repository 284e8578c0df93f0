package org.hubprice.models.dacommit;

/**
 * The reference EV demand tables of docs/model.md section 2.1, kept in this one place so that the
 * commitment's synthetic days and the environment's arrivals use the same numbers.
 *
 * <ul>
 *   <li>{@code αβN̄[t]} (α = 0.42 EVs using public fast charging × β = 0.25 EV share of traffic ×
 *       N̄[t] Florida DOT hourly vehicle counts, as tabulated by the reference implementation):
 *       the Poisson mean of EVs passing the hubs' intersection in hour t;</li>
 *   <li>{@code q[t]} (Idaho National Laboratory EV Project): the probability that a passing EV
 *       seeks a charge in hour t;</li>
 *   <li>the mean energy of one charging EV, 41.14 kWh (docs/model.md section 2.2: 75 kWh mean battery
 *       × 0.5485 mean share charged).</li>
 * </ul>
 * Hour 0 is 00:00–01:00. The charge-seeking count is {@code n[t] ~ Binomial(Poisson(αβN̄[t]), q[t])},
 * which is Poisson with mean {@code αβN̄[t]·q[t]} (thinning).
 */
public final class ReferenceDemand {
    /** Hours covered by the tables. */
    public static final int HOURS = 24;
    /** α, share of EVs that use public fast charging (already included in {@link #alphaBetaNbar}). */
    public static final double ALPHA = 0.42;
    /** β, EV share of traffic (already included in {@link #alphaBetaNbar}). */
    public static final double BETA = 0.25;
    /** Mean energy one charging EV takes, kWh (docs/model.md section 2.2). */
    public static final double MEAN_ENERGY_PER_EV_KWH = 41.14;
    /** Reference number of identical hubs H. */
    public static final int DEFAULT_HUBS = 2;

    private static final double[] ALPHA_BETA_NBAR = {
        1400, 1400, 1400, 1400, 1400, 2212, 5276, 6292, 5750, 5242, 5364, 5324,
        5734, 5720, 6116, 6856, 6750, 6584, 4908, 3522, 2768, 2372, 1978, 1428,
    };

    private static final double[] CHARGE_PROBABILITY = {
        0.002086889, 0.001561998, 0.00125, 0.001352776, 0.001980443, 0.002714556,
        0.004072666, 0.007941443, 0.012544334, 0.020388334, 0.020072666, 0.020597557,
        0.03325, 0.027182553, 0.022792556, 0.025303223, 0.029274776, 0.030111666,
        0.031366999, 0.022792556, 0.015785444, 0.012228665, 0.009094001, 0.004806779,
    };

    private ReferenceDemand() {}

    /** αβN̄[t], the mean number of EVs passing in hour {@code hour} (0..23). */
    public static double alphaBetaNbar(int hour) {
        return ALPHA_BETA_NBAR[checkHour(hour)];
    }

    /** q[t], the probability that a passing EV seeks a charge in hour {@code hour} (0..23). */
    public static double chargeProbability(int hour) {
        return CHARGE_PROBABILITY[checkHour(hour)];
    }

    /** A copy of the 24 αβN̄ values. */
    public static double[] alphaBetaNbar() {
        return ALPHA_BETA_NBAR.clone();
    }

    /** A copy of the 24 q values. */
    public static double[] chargeProbabilities() {
        return CHARGE_PROBABILITY.clone();
    }

    /** αβN̄[t]·q[t], the mean number of charge-seeking EVs in hour {@code hour} (all hubs together). */
    public static double meanChargingEvs(int hour) {
        return alphaBetaNbar(hour) * chargeProbability(hour);
    }

    /**
     * The expected load of one of {@code hubs} identical hubs in hour {@code hour}, kWh:
     * {@code αβN̄[t]·q[t] / H × 41.14}.
     */
    public static double expectedHubLoadKwh(int hour, int hubs) {
        if (hubs < 1) {
            throw new IllegalArgumentException("hubs = " + hubs + " must be >= 1. Maybe 2 (the reference value)?");
        }
        return meanChargingEvs(hour) / hubs * MEAN_ENERGY_PER_EV_KWH;
    }

    private static int checkHour(int hour) {
        if (hour < 0 || hour >= HOURS) {
            throw new IllegalArgumentException("hour = " + hour + " is outside the allowed range [0, 23]");
        }
        return hour;
    }
}
