package org.hubprice.evaluation.equilibrium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.env.config.BatteryStart;
import org.hubprice.env.game.HubPricingEnv;

/**
 * The stage-game Nash benchmark path of one day: hour by hour, the equilibrium of that hour's
 * {@link HubStageGame} (found by {@link GridGameSolver}: iterated best response from every hub
 * at the competitive multiplier, the pure scan, Lemke–Howson, or fictitious play for more than
 * two hubs), with the batteries starting at the evaluation start and rolled forward through the
 * equilibrium: pure hours by their dispatch, mixed hours by the probability-weighted energy
 * after the hour (and the energy-weighted cost basis).
 *
 * <p>{@code π^N} itself is then played in the simulator like the other benchmarks (same
 * replications): every hub posts its equilibrium multiplier, a mixed hour's multiplier drawn
 * per replication from the equilibrium mixture ({@link #sample}).
 */
public final class NashPath {
    private final StageEquilibrium[] hours;
    private final double[] grid;

    private NashPath(StageEquilibrium[] hours, double[] grid) {
        this.hours = hours;
        this.grid = grid;
    }

    /** The path of day {@code day} (an index into the environment's days). */
    public static NashPath of(HubStageGame game, HubPricingEnv env, int day) {
        int h = game.hubs();
        double[] grid = game.grid();
        BatteryStart start = env.config().hubs().evaluationStart();
        double[] energy = new double[h];
        double[] basis = new double[h];
        java.util.Arrays.fill(energy, start.energyKwh());
        java.util.Arrays.fill(basis, start.costBasis());
        int[] competitive = new int[h];
        java.util.Arrays.fill(competitive, game.levelOf(1.0));
        StageEquilibrium[] eq = new StageEquilibrium[HubPricingEnv.PERIODS];
        double[] out = new double[h];
        double[] e2 = new double[h];
        double[] b2 = new double[h];
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            final int hour = t;
            double[] en = energy.clone();
            double[] ba = basis.clone();
            eq[t] = GridGameSolver.solve(h, grid.length, (levels, o) -> game.payoffs(day, hour, en, ba, levels, o, null, null), competitive);
            // Roll the batteries forward in expectation over the equilibrium's profiles.
            double[] sumEnergy = new double[h];
            double[] sumCost = new double[h];
            int[] profile = new int[h];
            int[][] support = new int[h][];
            for (int i = 0; i < h; i++) {
                double[] p = eq[t].mixture(i);
                support[i] = java.util.stream.IntStream.range(0, p.length).filter(k -> p[k] > 0).toArray();
            }
            int[] cursor = new int[h];
            while (true) {
                double w = 1;
                for (int i = 0; i < h; i++) {
                    profile[i] = support[i][cursor[i]];
                    w *= eq[t].probability(i, profile[i]);
                }
                game.payoffs(day, t, en, ba, profile, out, e2, b2);
                for (int i = 0; i < h; i++) {
                    sumEnergy[i] += w * e2[i];
                    sumCost[i] += w * e2[i] * b2[i];
                }
                int i = 0;
                for (; i < h; i++) {
                    if (++cursor[i] < support[i].length) {
                        break;
                    }
                    cursor[i] = 0;
                }
                if (i == h) {
                    break;
                }
            }
            for (int i = 0; i < h; i++) {
                energy[i] = sumEnergy[i];
                basis[i] = sumEnergy[i] > 0 ? sumCost[i] / sumEnergy[i] : basis[i];
            }
        }
        return new NashPath(eq, grid);
    }

    /** The equilibrium of hour t. */
    public StageEquilibrium hour(int t) {
        return hours[t];
    }

    /** Whether every hour's equilibrium is pure. */
    public boolean allPure() {
        for (StageEquilibrium e : hours) {
            if (!e.pure()) {
                return false;
            }
        }
        return true;
    }

    /** Hours whose equilibrium is mixed. */
    public int mixedHours() {
        int n = 0;
        for (StageEquilibrium e : hours) {
            n += e.pure() ? 0 : 1;
        }
        return n;
    }

    /** The largest residual regret over the hours ($; 0 for exact equilibria). */
    public double maxRegret() {
        double r = 0;
        for (StageEquilibrium e : hours) {
            r = Math.max(r, e.regret());
        }
        return r;
    }

    /** Hub i's expected equilibrium multiplier in hour t. */
    public double meanMultiplier(int t, int i) {
        return hours[t].meanOf(i, grid);
    }

    /**
     * Writes one draw of the path's multipliers, {@code out[t][i]}: pure hours their level, mixed
     * hours a draw from each hub's mixture (hours in order, hubs in order, one uniform each).
     */
    public void sample(SplittableRandom rng, double[][] out) {
        for (int t = 0; t < hours.length; t++) {
            for (int i = 0; i < hours[t].players(); i++) {
                double[] p = hours[t].mixture(i);
                int level = hours[t].level(i);
                if (!hours[t].pure()) {
                    double u = rng.nextDouble();
                    double c = 0;
                    level = p.length - 1;
                    for (int k = 0; k < p.length; k++) {
                        c += p[k];
                        if (u < c) {
                            level = k;
                            break;
                        }
                    }
                    while (p[level] == 0) { // rounding at the top end
                        level--;
                    }
                }
                out[t][i] = grid[level];
            }
        }
    }

    /** As an ordered map for JSON: per hour the kind, the method, each hub's mean multiplier and support. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> per = new ArrayList<>();
        for (int t = 0; t < hours.length; t++) {
            StageEquilibrium e = hours[t];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hour", t);
            m.put("kind", e.pure() ? "pure" : "mixed");
            m.put("method", e.method().id());
            m.put("regret", e.regret());
            List<Object> hubs = new ArrayList<>();
            for (int i = 0; i < e.players(); i++) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("meanMultiplier", e.meanOf(i, grid));
                hm.put("expectedProfit", e.value()[i]);
                if (!e.pure()) {
                    hm.put("support", e.support(i, grid));
                }
                hubs.add(hm);
            }
            m.put("hubs", hubs);
            per.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mixedHours", mixedHours());
        m.put("maxRegret", maxRegret());
        m.put("hours", per);
        return m;
    }
}
