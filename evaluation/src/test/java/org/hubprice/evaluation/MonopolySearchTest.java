package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hubprice.common.Seeds;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.ResetOptions;
import org.hubprice.evaluation.days.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The monopoly benchmark's search: the cap under the default demand model (checked against the
 * all-at-cap profit), an interior schedule under an absolute-price balking curve (checked for
 * coordinate-wise optimality on the whole grid, and against the pattern search).
 */
class MonopolySearchTest {
    private static long[] seeds(int n) {
        long[] s = new long[n];
        for (int r = 0; r < n; r++) {
            s[r] = Seeds.derive(0, "replication", r);
        }
        return s;
    }

    private static double profitOf(HubPricingEnv env, int day, long[] seeds, double[] schedule) {
        double total = 0;
        double[] a = new double[env.hubCount()];
        for (long s : seeds) {
            env.resetFast(s, ResetOptions.evaluationDay(day));
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                Arrays.fill(a, schedule[t]);
                env.stepFast(a);
                for (int i = 0; i < a.length; i++) {
                    total += env.reward(i);
                }
            }
        }
        return total;
    }

    @Test
    void underTheDefaultModelTheMonopolyScheduleIsTheCapInEveryHour() {
        Scenarios sc = EvalFixtures.scenarios(EvalFixtures.config());
        HubPricingEnv env = sc.newEnvironment();
        long[] seeds = seeds(4);
        double[] cap = new double[HubPricingEnv.PERIODS];
        Arrays.fill(cap, 2.0);
        for (int day : sc.selected()) {
            MonopolySearch search = new MonopolySearch(env, MonopolySearch.Mode.AUTO, 20);
            assertEquals(MonopolySearch.Mode.PATTERN, search.mode(), "no absolute-price balking: the pattern search is exact");
            MonopolySearch.Result r = search.search(day, seeds);
            assertTrue(r.converged());
            for (double a : r.multipliers()) {
                assertEquals(2.0, a, 0.0, "day " + day + ": " + r);
            }
            assertEquals(profitOf(env, day, seeds, cap), r.objective(), 0.0, "the objective is the all-at-cap joint profit");
            // A pattern search from the top costs 11 + 9 uniform evaluations and 2 per hour.
            assertEquals(11 + 9 + 2 * HubPricingEnv.PERIODS, r.evaluations());
        }
    }

    @Test
    void theExhaustiveSearchAgreesUnderTheDefaultModel() {
        Scenarios sc = EvalFixtures.scenarios(EvalFixtures.config());
        HubPricingEnv env = sc.newEnvironment();
        int day = sc.selected()[1];
        MonopolySearch.Result r = new MonopolySearch(env, MonopolySearch.Mode.EXHAUSTIVE, 20).search(day, seeds(2));
        for (double a : r.multipliers()) {
            assertEquals(2.0, a, 0.0);
        }
    }

    /** With EVs balking on the absolute price (logistic, midpoint 55 $/MWh), the best common price lies inside the range. */
    @Test
    void withAbsolutePriceBalkingTheMonopolyScheduleCanBeInterior() {
        EnvConfig c = EvalFixtures.config("demand.balking.absolutePrice={midpointPrice: 55, scale: 8}");
        Scenarios sc = EvalFixtures.scenarios(c);
        HubPricingEnv env = sc.newEnvironment();
        long[] seeds = seeds(3);
        int day = sc.selected()[2];
        MonopolySearch search = new MonopolySearch(env, MonopolySearch.Mode.AUTO, 20);
        assertEquals(MonopolySearch.Mode.EXHAUSTIVE, search.mode(), "an absolute-price curve needs the exhaustive search");
        MonopolySearch.Result r = search.search(day, seeds);
        assertTrue(r.converged(), r.toString());
        double[] m = r.multipliers();
        long interior = Arrays.stream(m).filter(a -> a > 1.0 && a < 2.0).count();
        assertTrue(interior >= 12, "most hours should price inside (1, 2): " + r);
        double[] cap = new double[HubPricingEnv.PERIODS];
        Arrays.fill(cap, 2.0);
        assertTrue(r.objective() > profitOf(env, day, seeds, cap), "the schedule beats the cap");
        assertEquals(profitOf(env, day, seeds, m), r.objective(), 0.0, "the objective is the schedule's joint profit");

        // Coordinate-wise optimal on the whole grid: no single hour's level improves it.
        double[] grid = MonopolySearch.grid(c.pricing());
        double tol = 1e-12 * Math.abs(r.objective());
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            double[] s = m.clone();
            for (double g : grid) {
                s[t] = g;
                double v = profitOf(env, day, seeds, s);
                assertTrue(v <= r.objective() + tol, "hour " + t + " at " + g + " gives " + v + " > " + r.objective());
            }
        }

        MonopolySearch.Result p = new MonopolySearch(env, MonopolySearch.Mode.PATTERN, 20).search(day, seeds);
        assertTrue(p.objective() <= r.objective() + tol, "the pattern search finds no better schedule here: " + p + " vs " + r);
    }
}
