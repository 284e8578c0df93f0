package org.hubprice.evaluation.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.HubPricingEnv;
import org.junit.jupiter.api.Test;

/**
 * The hub game's stage game on days with flat prices (DA = RT = 50 $/MWh), no DA commitment and
 * the battery at the same cost basis, so every kWh costs 50 $/MWh: marginal-cost pricing is
 * multiplier 1 exactly.
 */
class HubStageGameTest {
    static HubPricingEnv flatEnv(String... overrides) {
        List<String> o = new ArrayList<>(List.of("split.method=reference", "hubs.evaluationStart.costBasis=50"));
        o.addAll(List.of(overrides));
        EnvConfig cfg = EnvConfig.defaults().withOverrides(o);
        List<MarketDay> days = new ArrayList<>();
        double[] flat = new double[24];
        Arrays.fill(flat, 50.0);
        for (int d = 0; d < 40; d++) {
            days.add(new MarketDay(LocalDate.of(2022, 1, 1).plusDays(d), flat, flat));
        }
        return HubPricingEnv.builder().setConfig(cfg).optDays(days).optCommitment(new double[24]).build();
    }

    static StageEquilibrium noon(HubPricingEnv env) {
        HubStageGame g = new HubStageGame(env);
        double e = env.config().hubs().evaluationStart().energyKwh();
        double[] energy = {e, e};
        double[] basis = {50, 50};
        int one = g.levelOf(1.0);
        return GridGameSolver.solve(2, g.grid().length, (l, out) -> g.payoffs(0, 12, energy, basis, l, out, null, null), new int[] {one, one});
    }

    @Test
    void withoutASimilarityBandAndAmpleCapacityTheStageGameIsMarginalCostPricing() {
        HubPricingEnv env = flatEnv("hubs.stations=100000", "demand.similarityTolerance=0");
        StageEquilibrium e = noon(env);
        assertTrue(e.pure());
        double[] grid = new HubStageGame(env).grid();
        for (int i = 0; i < 2; i++) {
            assertTrue(grid[e.level(i)] <= 1.0 + 0.01 + 1e-12, "hub " + i + " at " + grid[e.level(i)]); // within one grid step
        }
    }

    @Test
    void withTheFivePercentBandAndAmpleCapacityTheEquilibriumIsMixedCloseToMarginalCost() {
        // Within the band the dearer hub keeps half the EVs, so (1, 1) is no equilibrium; undercutting
        // out of the band takes them all: an Edgeworth cycle, hence a mixed equilibrium near cost.
        HubPricingEnv env = flatEnv("hubs.stations=100000");
        StageEquilibrium e = noon(env);
        double[] grid = new HubStageGame(env).grid();
        assertEquals(StageEquilibrium.Method.LEMKE_HOWSON, e.method());
        assertTrue(e.regret() < 1e-9);
        for (int i = 0; i < 2; i++) {
            for (var s : e.support(i, grid)) {
                double a = (Double) s.get("multiplier");
                assertTrue(a > 1.0 && a <= 1.2, "support point " + a);
            }
        }
    }

    @Test
    void withBindingCapacityTheEquilibriumIsFarAboveMarginalCost() {
        // 60 stations each against about 190 EVs at noon: undercutting wins no EV that the rival loses.
        HubPricingEnv env = flatEnv("hubs.stations=60");
        StageEquilibrium e = noon(env);
        double[] grid = new HubStageGame(env).grid();
        assertTrue(e.pure());
        assertEquals(2.0, grid[e.level(0)], 1e-12);
        assertEquals(2.0, grid[e.level(1)], 1e-12);
    }

    @Test
    void theDefaultGameSitsBetween() {
        HubPricingEnv env = flatEnv();
        StageEquilibrium e = noon(env);
        double[] grid = new HubStageGame(env).grid();
        double mean = e.meanOf(0, grid);
        assertTrue(e.regret() < 1e-9);
        assertTrue(mean > 1.15 && mean < 1.5, "mean Nash multiplier " + mean);
        assertTrue(e.value()[0] > 0);
    }

    @Test
    void threeHubsFallBackToFictitiousPlayWithASmallResidualRegret() {
        HubPricingEnv env = flatEnv("hubs.count=3");
        HubStageGame g = new HubStageGame(env);
        double e = env.config().hubs().evaluationStart().energyKwh();
        double[] energy = {e, e, e};
        double[] basis = {50, 50, 50};
        int one = g.levelOf(1.0);
        StageEquilibrium eq = GridGameSolver.solve(3, g.grid().length, (l, out) -> g.payoffs(0, 12, energy, basis, l, out, null, null),
                new int[] {one, one, one});
        assertEquals(StageEquilibrium.Method.FICTITIOUS_PLAY, eq.method());
        assertTrue(eq.regret() < 0.1 * eq.value()[0], "regret " + eq.regret() + " against a value of " + eq.value()[0]);
        assertTrue(eq.meanOf(0, g.grid()) > 1.0 && eq.meanOf(0, g.grid()) < 1.5);
    }
}
