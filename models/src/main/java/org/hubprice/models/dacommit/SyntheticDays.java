package org.hubprice.models.dacommit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.hubprice.common.Check;
import org.hubprice.common.Seeds;

/**
 * Simple random training days for the commitment when no market data is at hand (and for
 * tests and benchmarks). Not calibrated to any market; the environment module has the
 * calibrated generator.
 *
 * <ul>
 *   <li>Daily price level: a mean-reverting random walk
 *       {@code L_d = μ + ρ·(L_{d−1} − μ) + σ·ε}, floored at {@code minLevel}.</li>
 *   <li>DA price: {@code L_d × shape[t] × (1 + hourlyNoise·ε)} with a two-peak shape (morning
 *       near 08:00, evening near 18:00, a night trough).</li>
 *   <li>RT price: {@code DA × (1 + rtNoise·ε)}, plus with probability {@code spikeProbability}
 *       a spike adding {@code DA × U(1, spikeMaxMultiple)}.</li>
 *   <li>Hub load: by default the count of charge-seeking EVs is drawn per hour,
 *       {@code n[t] ~ Poisson(αβN̄[t]·q[t])} ({@link ReferenceDemand}; the Poisson–binomial of
 *       docs/model.md section 2.1 thinned), and the day's expected hub load is
 *       {@code n[t] / H × 41.14} kWh as in docs/model.md section 4 step 1. Drawing the count makes
 *       loads differ between days, as they do in the game. With {@code drawCounts = false}
 *       every day gets the mean, {@code αβN̄[t]·q[t] / H × 41.14} kWh.</li>
 * </ul>
 * Each part draws from its own named stream of the seed ({@link Seeds}), so changing one part's
 * parameters leaves the other parts' draws unchanged.
 */
public final class SyntheticDays {
    private SyntheticDays() {}

    /**
     * Parameters of the generator.
     *
     * @param meanLevel μ, long-run mean of the daily price level, $/MWh, {@code > 0}
     * @param persistence ρ in [0, 1)
     * @param levelSd σ, daily level innovation, $/MWh, {@code >= 0}
     * @param minLevel floor of the daily level, $/MWh, {@code > 0}
     * @param hourlyNoise relative hourly DA noise, {@code >= 0}
     * @param rtNoise relative RT deviation from DA, {@code >= 0}
     * @param spikeProbability probability that an hour's RT price spikes, in [0, 1]
     * @param spikeMaxMultiple largest spike as a multiple of DA, {@code >= 1}
     * @param hubs H, the number of hubs sharing the demand, {@code >= 1}
     * @param drawCounts draw each day's EV counts (true) or give every day the mean load (false)
     */
    public record Params(double meanLevel, double persistence, double levelSd, double minLevel, double hourlyNoise,
                         double rtNoise, double spikeProbability, double spikeMaxMultiple, int hubs, boolean drawCounts) {
        /**
         * Defaults: level 35 $/MWh, ρ 0.85, σ 5, floor 5, 4 % hourly noise, 12 % RT noise, 2 % spikes up to 4×, 2 hubs,
         * counts drawn.
         */
        public static final Params DEFAULT = new Params(35, 0.85, 5, 5, 0.04, 0.12, 0.02, 4, ReferenceDemand.DEFAULT_HUBS, true);

        public Params {
            Check.positive("meanLevel", meanLevel);
            Check.inRangeBelowHigh("persistence", persistence, 0, 1, "Maybe 0.85?");
            Check.nonNegative("levelSd", levelSd);
            Check.positive("minLevel", minLevel);
            Check.nonNegative("hourlyNoise", hourlyNoise);
            Check.nonNegative("rtNoise", rtNoise);
            Check.inRange("spikeProbability", spikeProbability, 0, 1);
            Check.inRange("spikeMaxMultiple", spikeMaxMultiple, 1, Double.POSITIVE_INFINITY, "Maybe 4?");
            Check.positive("hubs", hubs);
        }
    }

    /** {@code n} days with {@link Params#DEFAULT}. */
    public static List<DayProfile> generate(int n, long seed) {
        return generate(n, seed, Params.DEFAULT);
    }

    /**
     * {@code n} random days; the same {@code n}, seed and parameters give identical days, and
     * the first {@code m} days of a longer draw equal a draw of {@code m} days.
     */
    public static List<DayProfile> generate(int n, long seed, Params p) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " days must be >= 1. Maybe 120?");
        }
        if (p == null) {
            throw new IllegalArgumentException("params is missing. Maybe SyntheticDays.Params.DEFAULT?");
        }
        RandomGenerator level = new Well19937c(Seeds.derive(seed, "synthetic-days.level"));
        RandomGenerator hourly = new Well19937c(Seeds.derive(seed, "synthetic-days.hourly"));
        RandomGenerator rt = new Well19937c(Seeds.derive(seed, "synthetic-days.rt"));
        RandomGenerator demand = new Well19937c(Seeds.derive(seed, "synthetic-days.demand"));
        int h = DayProfile.HOURS;
        PoissonDistribution[] arrivals = new PoissonDistribution[h];
        for (int t = 0; t < h; t++) {
            arrivals[t] = new PoissonDistribution(demand, ReferenceDemand.meanChargingEvs(t), PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        }
        double[] shape = shape();
        List<DayProfile> days = new ArrayList<>(n);
        double lvl = p.meanLevel();
        for (int d = 0; d < n; d++) {
            lvl = Math.max(p.minLevel(), p.meanLevel() + p.persistence() * (lvl - p.meanLevel()) + p.levelSd() * level.nextGaussian());
            double[] da = new double[h];
            double[] rtp = new double[h];
            double[] load = new double[h];
            for (int t = 0; t < h; t++) {
                da[t] = lvl * shape[t] * (1 + p.hourlyNoise() * hourly.nextGaussian());
                double r = da[t] * (1 + p.rtNoise() * rt.nextGaussian());
                // Draw both numbers every hour so that the stream stays aligned whatever the outcome.
                double u = rt.nextDouble();
                double m = 1 + (p.spikeMaxMultiple() - 1) * rt.nextDouble();
                if (u < p.spikeProbability()) {
                    r += Math.abs(da[t]) * m;
                }
                rtp[t] = r;
                load[t] = p.drawCounts() ? arrivals[t].sample() / (double) p.hubs() * ReferenceDemand.MEAN_ENERGY_PER_EV_KWH
                        : ReferenceDemand.expectedHubLoadKwh(t, p.hubs());
            }
            days.add(new DayProfile(da, rtp, load));
        }
        return days;
    }

    /** Two-peak daily price shape with mean about 1: a night trough, a morning and an evening peak. */
    static double[] shape() {
        double[] s = new double[DayProfile.HOURS];
        for (int t = 0; t < s.length; t++) {
            s[t] = 0.7 + 0.35 * bump(t, 8, 2.0) + 0.55 * bump(t, 18, 2.5) + 0.15 * bump(t, 13, 4.0);
        }
        return s;
    }

    private static double bump(int t, double centre, double width) {
        double z = (t - centre) / width;
        return Math.exp(-0.5 * z * z);
    }
}
