package org.hubprice.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hubprice.env.api.DiscreteLevels;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.config.PricingConfig;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.HubVectorEnv;

/**
 * The monopoly benchmark {@code π^M} of one day: the 24 hourly multipliers, common to every hub
 * and on the price grid ({@code pricing.discreteLevels} levels from the lowest to the highest
 * multiplier), that maximise the joint profit averaged over the day's replications (the same
 * draws the policies face: a sample-average problem). The multipliers are open-loop: chosen
 * before the day, like a price schedule.
 *
 * <p><b>Search.</b> Hours interact only through the battery (and the position of the random
 * streams), so the search is coordinate ascent over the hours, each step evaluating whole days
 * with every replication:
 * <ol>
 *   <li>the best uniform multiplier: every {@code s}-th grid level ({@code s ≈ levels/10}),
 *       then every level within {@code s} of the best;</li>
 *   <li>sweeps over hours 0..23 until a sweep changes nothing: {@link Mode#PATTERN} moves an
 *       hour's level by ±s while that improves, then by ±1 (a pattern search: 2 evaluations
 *       per hour at a local optimum); {@link Mode#EXHAUSTIVE} runs those sweeps first, then
 *       sweeps that try every level of every hour.</li>
 * </ol>
 * An improvement must exceed {@code 1e-12 · max(1, |objective|)}, so the search never cycles.
 *
 * <p><b>Why it finds the optimum under the default demand model.</b> With a common price every
 * hub is in the similar set, so nobody balks and the EVs split the same way at any price level
 * (the choice stream is consumed identically); each hub's load is therefore independent of the
 * multiplier. The power management objective is {@code p_ev·L} minus costs that do not involve
 * {@code p_ev}, so the dispatch, the battery path and the costs do not depend on it either. The
 * day's joint profit is then {@code Σ_t a_t m_t L_t / 1000 − C} with {@code L_t, C} fixed: strictly
 * increasing in every hour with load and flat in hours without. Both stages climb a strictly
 * increasing function to its top, so the search ends at the highest multiplier (the cap, 2) in
 * every hour with load, which is the global optimum; {@code MonopolySearchTest} checks this
 * against every hub at the cap. With an absolute-price balking curve the hourly profit is
 * interior and the sample-average objective is jagged (balking is drawn per EV), so a pattern
 * search can stop at a local optimum; {@link Mode#AUTO} therefore searches every level of every
 * hour there ({@link Mode#EXHAUSTIVE}), which ends, when a sweep changes nothing, at a
 * coordinate-wise optimum on the whole grid (the tests check that no single-hour change on the
 * grid improves it). The only demand setting that gives common prices an absolute elasticity is
 * {@code demand.balking.absolutePrice}: ratio steps apply only outside the similar set, and
 * price-insensitive EVs and the demand multiplier do not depend on the price level.
 *
 * <p>Not thread-safe; one per worker (it owns its buffers).
 */
public final class MonopolySearch {
    /** How an hour's multiplier is searched. */
    public enum Mode {
        /**
         * {@link #PATTERN} when common prices carry no absolute price elasticity (no
         * {@code demand.balking.absolutePrice}), where it is exact; {@link #EXHAUSTIVE} otherwise.
         */
        AUTO("auto"),
        /** ±coarse then ±1 level moves (fast; exact under the default model). */
        PATTERN("pattern"),
        /**
         * Pattern sweeps, then sweeps trying every level of every hour until one changes nothing:
         * ends at a coordinate-wise optimum on the whole grid (each exhaustive sweep costs 24 × (levels − 1)
         * evaluations).
         */
        EXHAUSTIVE("exhaustive");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        /** Lower-case name for the command line and JSON. */
        public String id() {
            return id;
        }

        /** The mode named {@code id}. */
        public static Mode of(String id) {
            for (Mode m : values()) {
                if (m.id.equalsIgnoreCase(id.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("monopoly search = '" + id + "' is not known; choose auto, pattern or exhaustive");
        }
    }

    /**
     * The result of one day's search.
     *
     * @param levels the grid level of each hour
     * @param multipliers the multiplier of each hour
     * @param objective the joint profit summed over replications, $
     * @param evaluations whole-day evaluations (each plays every replication)
     * @param sweeps coordinate sweeps run (both stages of the exhaustive search together; at most
     *     {@code maxSweeps} per stage)
     * @param converged whether the last sweep changed nothing (false: stopped at the sweep limit)
     * @param mode the search that ran
     */
    public record Result(int[] levels, double[] multipliers, double objective, int evaluations, int sweeps, boolean converged, Mode mode) {
        public Result {
            levels = levels.clone();
            multipliers = multipliers.clone();
        }

        @Override
        public int[] levels() {
            return levels.clone();
        }

        @Override
        public double[] multipliers() {
            return multipliers.clone();
        }

        /** As an ordered map for JSON. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("multipliers", multipliers.clone());
            m.put("evaluations", evaluations);
            m.put("sweeps", sweeps);
            m.put("converged", converged);
            m.put("search", mode.id());
            return m;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "MonopolySearch.Result[%s, %d evaluations, %d sweeps%s]", Arrays.toString(multipliers),
                    evaluations, sweeps, converged ? "" : ", not converged");
        }
    }

    private final HubPricingEnv env;
    private final Mode mode;
    private final int maxSweeps;
    private final double[] grid;
    private final Rollout rollout;
    private final Rollout.StepHook sumRewards;
    private double total;

    /** A search in {@code env}'s game on its pricing grid ({@link Mode#AUTO} resolved for that game). */
    public MonopolySearch(HubPricingEnv env, Mode mode, int maxSweeps) {
        this.env = env;
        this.mode = resolve(mode, env);
        this.maxSweeps = maxSweeps;
        this.grid = grid(env.config().pricing());
        this.rollout = new Rollout(new HubVectorEnv(env));
        int hubs = env.hubCount();
        this.sumRewards = (c, t, a, done) -> {
            for (int i = 0; i < hubs; i++) {
                total += env.reward(i);
            }
            return true;
        };
    }

    /** The mode {@code mode} means in {@code env}'s game: AUTO becomes PATTERN or EXHAUSTIVE. */
    public static Mode resolve(Mode mode, HubPricingEnv env) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        return env.config().demand().balking().absolutePrice() == null ? Mode.PATTERN : Mode.EXHAUSTIVE;
    }

    /** The search mode in use (never AUTO). */
    public Mode mode() {
        return mode;
    }

    /** The price grid: {@code levels} multipliers from the lowest to the highest (the last exactly the highest). */
    public static double[] grid(PricingConfig p) {
        return new DiscreteLevels(p.minMultiplier(), p.maxMultiplier(), p.discreteLevels()).values();
    }

    /**
     * The index of the level of {@code grid} nearest {@code x}, the lowest among ties (by the
     * distances themselves, so a mean of two levels maps as it did in every stored result).
     * {@link org.hubprice.env.api.DiscreteLevels#nearestIndex} rounds half up instead: the two
     * disagree on 2,265 of 200,000 means of 1 to 32 random levels of the default grid (the ties),
     * so the equilibrium searches keep this rule to stay bit-identical with their stored results.
     */
    public static int nearestLevel(double[] grid, double x) {
        int best = 0;
        for (int k = 1; k < grid.length; k++) {
            if (Math.abs(grid[k] - x) < Math.abs(grid[best] - x)) {
                best = k;
            }
        }
        return best;
    }

    /** Searches day {@code day} (an index into the environment's days) over the replication {@code seeds}. */
    public Result search(int day, long[] seeds) {
        HourlyAscent ascent = new HourlyAscent(k -> objective(k, day, seeds), grid.length);
        int n = grid.length;
        int coarse = ascent.coarse();
        int[] k = new int[HubPricingEnv.PERIODS];

        // Stage 1: the best uniform level, coarse then fine.
        double best = Double.NEGATIVE_INFINITY;
        int bestLevel = 0;
        boolean[] seen = new boolean[n];
        for (int level = 0; ; level = Math.min(level + coarse, n - 1)) {
            seen[level] = true;
            Arrays.fill(k, level);
            double v = ascent.evaluate(k);
            if (HourlyAscent.improves(v, best)) {
                best = v;
                bestLevel = level;
            }
            if (level == n - 1) {
                break;
            }
        }
        int centre = bestLevel;
        for (int level = Math.max(0, centre - coarse + 1); level <= Math.min(n - 1, centre + coarse - 1); level++) {
            if (seen[level]) {
                continue;
            }
            Arrays.fill(k, level);
            double v = ascent.evaluate(k);
            if (HourlyAscent.improves(v, best)) {
                best = v;
                bestLevel = level;
            }
        }
        Arrays.fill(k, bestLevel);

        // Stage 2: coordinate sweeps over the hours. The exhaustive search first runs the cheap
        // pattern sweeps to a local optimum, so that its expensive sweeps start close to the end.
        HourlyAscent.Outcome o = ascent.climb(k, best, mode == Mode.EXHAUSTIVE, maxSweeps);
        double[] m = new double[HubPricingEnv.PERIODS];
        for (int t = 0; t < m.length; t++) {
            m[t] = grid[k[t]];
        }
        return new Result(k, m, o.best(), ascent.evaluations(), o.sweeps(), o.converged(), mode);
    }

    /** Joint profit of the level schedule {@code k} summed over every hub, hour and replication. */
    double objective(int[] k, int day, long[] seeds) {
        total = 0;
        Rollout.Actor actor = (c, t, a) -> {
            for (double[] ai : a) {
                ai[0] = grid[k[t]];
            }
        };
        for (long seed : seeds) {
            rollout.episode(0, seed, day, actor, sumRewards);
        }
        return total;
    }
}
