package org.hubprice.evaluation.equilibrium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LemkeHowsonTest {
    @Test
    void matchingPenniesMixesEvenly() {
        Bimatrix g = new Bimatrix(new double[][] {{1, -1}, {-1, 1}}, new double[][] {{-1, 1}, {1, -1}});
        for (int label = 0; label < 4; label++) {
            MixedEquilibrium e = LemkeHowson.solve(g, label, 100);
            assertNotNull(e, "label " + label);
            assertArrayEquals(new double[] {0.5, 0.5}, e.row(), 1e-12);
            assertArrayEquals(new double[] {0.5, 0.5}, e.col(), 1e-12);
            assertEquals(0.0, e.rowValue(), 1e-12);
        }
    }

    /**
     * A general-sum 3 × 3 game with a unique, fully mixed equilibrium, worked out by hand: the
     * row player is indifferent when y = (1/2, 1/3, 1/6) and the column player when
     * x = (1/2, 1/6, 1/3); no cell is a pure equilibrium (every column's best reply is another row).
     */
    @Test
    void threeByThreeKnownMixedEquilibrium() {
        // Row payoffs: rows differ only on the diagonal, so indifference means y_i·w_i is equal.
        // w = (1, 3/2, 3) → y ∝ (1, 2/3, 1/3) = (1/2, 1/3, 1/6).
        double[][] a = {{1, 0, 0}, {0, 1.5, 0}, {0, 0, 3}};
        // Column payoffs: column 0 earns 3 against row 1, column 1 earns 1.5 against row 2, column 2
        // earns 1 against row 0: 3·x_1 = 1.5·x_2 = x_0 → x ∝ (3, 1, 2).
        double[][] b = {{0, 0, 1}, {3, 0, 0}, {0, 1.5, 0}};
        MixedEquilibrium e = LemkeHowson.solve(new Bimatrix(a, b));
        assertNotNull(e);
        assertArrayEquals(new double[] {1.0 / 2, 1.0 / 6, 1.0 / 3}, e.row(), 1e-10);
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 1.0 / 6}, e.col(), 1e-10);
        assertEquals(0.5, e.rowValue(), 1e-10);
        assertEquals(0.5, e.colValue(), 1e-10);
    }

    @Test
    void prisonersDilemmaEndsAtThePureEquilibrium() {
        double[][] a = {{3, 0}, {5, 1}};
        double[][] b = {{3, 5}, {0, 1}};
        MixedEquilibrium e = LemkeHowson.solve(new Bimatrix(a, b));
        assertTrue(e.pure());
        assertArrayEquals(new double[] {0, 1}, e.row(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, e.col(), 1e-12);
    }

    /** Random games, including degenerate ones (payoffs from a few values, so ties abound): every answer is an equilibrium. */
    @Test
    void randomAndDegenerateGamesGiveVerifiedEquilibria() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int g = 0; g < 300; g++) {
            int m = 2 + rng.nextInt(12);
            int n = 2 + rng.nextInt(12);
            boolean degenerate = g % 2 == 1;
            double[][] a = new double[m][n];
            double[][] b = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = degenerate ? rng.nextInt(3) : rng.nextDouble() * 100 - 50;
                    b[i][j] = degenerate ? rng.nextInt(3) : rng.nextDouble() * 100 - 50;
                }
            }
            Bimatrix game = new Bimatrix(a, b);
            MixedEquilibrium e = LemkeHowson.solve(game);
            assertNotNull(e, "game " + g);
            assertTrue(game.regret(e.row(), e.col()) <= 1e-7 * Math.max(1, game.scale()), "game " + g + " regret " + e.regret());
            assertEquals(1.0, sum(e.row()), 1e-12);
            assertEquals(1.0, sum(e.col()), 1e-12);
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            assertTrue(x >= 0);
            s += x;
        }
        return s;
    }
}
