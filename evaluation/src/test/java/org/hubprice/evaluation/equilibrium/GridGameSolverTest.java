package org.hubprice.evaluation.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.env.bertrand.BertrandConfig;
import org.hubprice.env.bertrand.LogitDemand;
import org.junit.jupiter.api.Test;

/** The solver on games with known answers: the Calvano et al. logit Bertrand game, matching pennies on a grid, more players. */
class GridGameSolverTest {
    private static final LogitDemand CALVANO = new LogitDemand(BertrandConfig.baseline());

    private static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = lo + k * (hi - lo) / (n - 1);
        }
        return g;
    }

    @Test
    void calvanoNashPriceIsReproducedWithinAGridStep() {
        double[] g = grid(1.0, 2.0, 1001); // step 0.001
        double[] prices = new double[2];
        GridGameSolver.Payoffs pay = (levels, out) -> {
            prices[0] = g[levels[0]];
            prices[1] = g[levels[1]];
            CALVANO.profits(prices, out);
        };
        StageEquilibrium e = GridGameSolver.solve(2, g.length, pay, new int[] {0, 0});
        assertTrue(e.pure());
        assertEquals(StageEquilibrium.Method.BEST_RESPONSE, e.method());
        for (int p = 0; p < 2; p++) {
            assertEquals(1.4729, g[e.level(p)], 0.001, "Nash price of firm " + p);
            assertEquals(0.2229, e.value()[p], 1e-4);
        }
    }

    @Test
    void calvanoMonopolyPriceIsNotABestResponseToItself() {
        double[] g = grid(1.0, 2.0, 1001);
        int monopoly = (int) Math.round((1.9250 - 1.0) * 1000);
        double[] prices = {0, g[monopoly]};
        double[] out = new double[2];
        int best = -1;
        double bestProfit = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g.length; k++) {
            prices[0] = g[k];
            CALVANO.profits(prices, out);
            if (out[0] > bestProfit) {
                bestProfit = out[0];
                best = k;
            }
        }
        prices[0] = g[monopoly];
        CALVANO.profits(prices, out);
        double atMonopoly = out[0];
        assertTrue(g[best] < 1.9250 - 0.05, "best reply to the monopoly price is " + g[best]);
        assertTrue(bestProfit > atMonopoly * 1.05, "undercutting gains " + (bestProfit / atMonopoly - 1));
        // and the machinery's equilibrium is well below the monopoly price
        GridGameSolver.Payoffs pay = (levels, o) -> {
            double[] p = {g[levels[0]], g[levels[1]]};
            CALVANO.profits(p, o);
        };
        StageEquilibrium e = GridGameSolver.solve(2, g.length, pay, new int[] {monopoly, monopoly});
        assertEquals(1.4729, g[e.level(0)], 0.001);
    }

    @Test
    void matchingPenniesOnAGridIsMixed() {
        GridGameSolver.Payoffs pay = (levels, out) -> {
            double s = levels[0] == levels[1] ? 1 : -1;
            out[0] = s;
            out[1] = -s;
        };
        StageEquilibrium e = GridGameSolver.solve(2, 2, pay, new int[] {0, 0});
        assertFalse(e.pure());
        assertEquals(StageEquilibrium.Method.LEMKE_HOWSON, e.method());
        assertEquals(0.5, e.mixture(0)[0], 1e-12);
        assertEquals(0.5, e.mixture(1)[1], 1e-12);
    }

    @Test
    void threeFirmCalvanoGameConvergesByBestResponse() {
        BertrandConfig three = BertrandConfig.builder().optN(3).build();
        LogitDemand d = new LogitDemand(three);
        double nash = d.nash().price(0);
        double[] g = grid(1.0, 2.0, 501);
        GridGameSolver.Payoffs pay = (levels, out) -> {
            double[] p = {g[levels[0]], g[levels[1]], g[levels[2]]};
            d.profits(p, out);
        };
        StageEquilibrium e = GridGameSolver.solve(3, g.length, pay, new int[] {0, 0, 0});
        assertTrue(e.pure());
        for (int p = 0; p < 3; p++) {
            assertEquals(nash, g[e.level(p)], 0.002);
        }
    }

    @Test
    void threePlayerCycleFallsBackToFictitiousPlayWithSmallRegret() {
        // Players 0 and 1 play matching pennies (best response cycles); player 2 is indifferent.
        // Fictitious play converges in the zero-sum part, so the residual regret shrinks.
        GridGameSolver.Payoffs pay = (l, out) -> {
            double s = l[0] == l[1] ? 1 : -1;
            out[0] = s;
            out[1] = -s;
            out[2] = 0;
        };
        StageEquilibrium e = GridGameSolver.solve(3, 2, pay, new int[] {0, 0, 0});
        assertEquals(StageEquilibrium.Method.FICTITIOUS_PLAY, e.method());
        assertTrue(e.regret() < 0.1, "residual regret " + e.regret());
        assertEquals(0.5, e.mixture(0)[0], 0.05);
        assertEquals(0.5, e.mixture(1)[0], 0.05);
    }

    @Test
    void aGridOfOneLevelIsRefused() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> GridGameSolver.solve(2, 1, (l, o) -> {}, new int[] {0, 0}));
        assertTrue(ex.getMessage().contains("pricing.discreteLevels"), ex.getMessage());
    }
}
