package org.hubprice.evaluation.equilibrium;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.demand.BalkingCurve;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.HubChoiceModel;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.HubVectorEnv;
import org.hubprice.evaluation.HourlyAscent;
import org.hubprice.evaluation.MonopolySearch;
import org.hubprice.evaluation.policy.ActionMap;
import org.hubprice.evaluation.policy.HubPolicy;

/**
 * One hub's best response to frozen rivals on one day: the rivals follow their policies
 * (deterministic, remembered by observation in {@link MemoPolicy}), the searching hub posts a
 * schedule of grid levels, and every evaluation plays the whole day with every replication (the
 * battery links the hours). One per worker thread; owns its environment and agents.
 */
public final class BestResponseSearch implements AutoCloseable {
    private final HubPricingEnv env;
    private final Agent[] agents;
    private final MemoPolicy[] memo;
    private final double[] grid;
    private final Rollout rollout;
    private final int maxSweeps;
    /** Whether runs of levels with the same hour outcome may be skipped exactly (see {@link #runTops}). */
    private final boolean grouping;
    private final double delta;
    private final BalkingCurve balking;
    private long groupedLevels;
    private long allLevels;

    /** A search in {@code env} (this worker's own) with every hub's policy. */
    public BestResponseSearch(HubPricingEnv env, List<HubPolicy> policies, int maxSweeps) throws IOException {
        this.env = env;
        int h = env.hubCount();
        agents = new Agent[h];
        memo = new MemoPolicy[h];
        try {
            for (int i = 0; i < h; i++) {
                String name = env.possibleAgents().get(i);
                Box box = (Box) env.actionSpace(name);
                agents[i] = policies.get(i).open(env.observationSpace(name), box);
                memo[i] = new MemoPolicy(agents[i], ActionMap.of(name, agents[i].actionSpace(), box), HubPricingEnv.OBS_DIM);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        grid = MonopolySearch.grid(env.config().pricing());
        rollout = new Rollout(new HubVectorEnv(env));
        this.maxSweeps = maxSweeps;
        DemandConfig demand = env.config().demand().toDemandConfig();
        delta = demand.similarityTolerance();
        balking = demand.balking();
        boolean closedForm = true;
        for (int i = 0; i < h; i++) {
            closedForm &= "closed-form".equals(env.hub(i).dispatcher().name());
        }
        grouping = closedForm && env.config().demand().balking().absolutePrice() == null;
    }

    /** The price grid. */
    public double[] grid() {
        return grid.clone();
    }

    /**
     * Hub {@code hub}'s profit summed over the replications when it plays {@code levels} (null:
     * its own policy) and the rivals their policies; with {@code multipliersOut} non-null, the
     * hub's multiplier per hour (mean over replications) is written there.
     */
    public double play(int day, long[] seeds, int hub, int[] levels, double[] multipliersOut) {
        if (levels == null) {
            return play(day, seeds, hub, (t, own) -> own.multiplier(env.observation(hub)), multipliersOut);
        }
        return play(day, seeds, hub, (t, own) -> grid[levels[t]], multipliersOut);
    }

    /**
     * Hub {@code hub}'s profit summed over the replications when it plays its own policy shifted
     * by {@code offsets[t] · step} in hour t, clamped to the grid's range: a deviation that sees
     * only the hub's own observation. Zero offsets replay the learned play bit for bit.
     */
    public double playShifted(int day, long[] seeds, int hub, int[] offsets, double step) {
        double low = grid[0];
        double high = grid[grid.length - 1];
        return play(day, seeds, hub, (t, own) -> {
            double m = own.multiplier(env.observation(hub));
            return offsets[t] == 0 ? m : Math.max(low, Math.min(high, m + offsets[t] * step));
        }, null);
    }

    /** The searching hub's multiplier in hour t, given its own frozen policy. */
    private interface HourRule {
        double multiplier(int t, MemoPolicy own);
    }

    private double play(int day, long[] seeds, int hub, HourRule rule, double[] multipliersOut) {
        int h = agents.length;
        double[] total = new double[1];
        if (multipliersOut != null) {
            Arrays.fill(multipliersOut, 0);
        }
        Rollout.Actor actor = (c, t, a) -> {
            for (int i = 0; i < h; i++) {
                a[i][0] = i == hub ? rule.multiplier(t, memo[i]) : memo[i].multiplier(env.observation(i));
            }
            if (multipliersOut != null) {
                multipliersOut[t] += a[hub][0] / seeds.length;
            }
        };
        Rollout.StepHook hook = (c, t, a, done) -> {
            total[0] += env.reward(hub);
            return true;
        };
        for (long seed : seeds) {
            rollout.episode(0, seed, day, actor, hook);
        }
        return total[0];
    }

    /** Hub {@code hub}'s profit summed over replications at every constant level of the grid. */
    public double[] constants(int day, long[] seeds, int hub) {
        double[] v = new double[grid.length];
        int[] k = new int[HubPricingEnv.PERIODS];
        for (int level = 0; level < grid.length; level++) {
            Arrays.fill(k, level);
            v[level] = play(day, seeds, hub, k, null);
        }
        return v;
    }

    /**
     * The best hourly schedule found by coordinate ascent from the best of {@code starts}:
     * pattern sweeps, then exhaustive sweeps until none changes anything (or the sweep limit).
     */
    public Profile profile(int day, long[] seeds, int hub, int[][] starts) {
        HourlyAscent ascent = new HourlyAscent(k -> play(day, seeds, hub, k, null), grid.length);
        if (grouping) {
            ascent.optCandidates((k, t) -> runTops(day, seeds, hub, k, t));
        }
        int[] best = null;
        double value = Double.NEGATIVE_INFINITY;
        for (int[] s : starts) {
            double v = ascent.evaluate(s);
            if (HourlyAscent.improves(v, value)) {
                value = v;
                best = s.clone();
            }
        }
        HourlyAscent.Outcome o = ascent.climb(best, value, true, maxSweeps);
        return new Profile(best, o.best(), ascent.evaluations(), o.sweeps(), o.converged());
    }

    /**
     * The levels worth trying for hub {@code hub} in hour t of schedule {@code k}: the highest
     * level of each run of consecutive levels whose hour-t market outcome is the same in every
     * replication. The rivals' prices in hour t follow from the hours before, which the sweep does
     * not change, so they are recorded once (one play). A level's outcome is the similar set, the
     * price order of the other hubs (with ties) and each of their balking probabilities, computed
     * with the simulator's own formulas; two levels with the same outcome in every replication get
     * the same EVs, the same loads and, since the dispatch does not depend on the retail price,
     * the same future, so the higher level earns more (by its extra revenue) or the same (no load).
     * Used only where that holds: no absolute-price balking and the closed-form dispatcher.
     */
    int[] runTops(int day, long[] seeds, int hub, int[] k, int t) {
        int h = agents.length;
        int reps = seeds.length;
        double[][] price = new double[reps][h];
        double ref = 0;
        for (int r = 0; r < reps; r++) {
            rollout.episode(0, seeds[r], day, t + 1, (c, s, a) -> {
                for (int i = 0; i < h; i++) {
                    a[i][0] = i == hub ? grid[k[s]] : memo[i].multiplier(env.observation(i));
                }
            }, Rollout.NONE);
            for (int i = 0; i < h; i++) {
                price[r][i] = env.period(i).price;
            }
            ref = env.period(hub).referencePrice;
        }
        int[] tops = new int[grid.length];
        int n = 0;
        double[] prev = null;
        double[] key = new double[reps * 3 * h];
        double[] p = new double[h];
        for (int level = grid.length - 1; level >= 0; level--) {
            int c = 0;
            for (int r = 0; r < reps; r++) {
                System.arraycopy(price[r], 0, p, 0, h);
                p[hub] = grid[level] * ref;
                double pMin = p[0];
                for (int i = 1; i < h; i++) {
                    pMin = Math.min(pMin, p[i]);
                }
                for (int i = 0; i < h; i++) {
                    boolean similar = HubChoiceModel.isSimilar(p[i], pMin, delta);
                    int lower = 0;
                    int equal = 0;
                    for (int j = 0; j < h; j++) {
                        lower += p[j] < p[i] ? 1 : 0;
                        equal += p[j] == p[i] ? 1 : 0;
                    }
                    key[c++] = similar ? -1 : balking.probability(p[i] / pMin, p[i]);
                    key[c++] = similar ? -1 : lower;
                    key[c++] = similar ? -1 : equal;
                }
            }
            if (prev == null || !java.util.Arrays.equals(prev, key)) {
                tops[n++] = level; // scanning downwards: the first level of a new outcome is its run's top
                prev = key.clone();
            }
        }
        groupedLevels += n;
        allLevels += grid.length;
        return java.util.Arrays.copyOf(tops, n);
    }

    /** Levels tried by the exhaustive sweeps / levels on the grid over those sweeps (the saving of {@link #runTops}). */
    public long[] groupingStats() {
        return new long[] {groupedLevels, allLevels};
    }

    /** The grid levels nearest the hourly multipliers {@code a}. */
    public int[] levelsOf(double[] a) {
        int[] k = new int[a.length];
        for (int t = 0; t < a.length; t++) {
            k[t] = MonopolySearch.nearestLevel(grid, a[t]);
        }
        return k;
    }

    /** Observations answered from the rivals' memory / by a forward pass (for the timing report). */
    public long[] memoStats() {
        long hits = 0;
        long misses = 0;
        for (MemoPolicy m : memo) {
            hits += m.hits();
            misses += m.misses();
        }
        return new long[] {hits, misses};
    }

    /**
     * A best hourly schedule.
     *
     * @param levels grid level per hour
     * @param value the hub's profit summed over replications
     * @param evaluations whole-day evaluations used
     * @param sweeps coordinate sweeps
     * @param converged whether the last exhaustive sweep changed nothing
     */
    public record Profile(int[] levels, double value, int evaluations, int sweeps, boolean converged) {}

    @Override
    public void close() {
        for (Agent a : agents) {
            if (a != null) {
                a.close();
            }
        }
    }
}
