package org.hubprice.evaluation.equilibrium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An equilibrium of a one-shot grid game: each player's probabilities over the grid levels,
 * the expected payoffs, the residual regret and how it was found.
 *
 * @param mixture {@code [player][level]} probabilities
 * @param value each player's expected payoff
 * @param regret the largest gain any player has from a pure deviation (0 for an exact equilibrium)
 * @param method how it was found
 * @param rounds rounds of best response (and fictitious play) run
 * @param pureCount pure equilibria found by the scan of every cell (0 when the scan did not run)
 */
public record StageEquilibrium(double[][] mixture, double[] value, double regret, Method method, int rounds, int pureCount) {
    /** How an equilibrium was found. */
    public enum Method {
        /** Iterated best response reached a fixed point. */
        BEST_RESPONSE("best-response"),
        /** Best response cycled; the scan of every cell found pure equilibria. */
        SCAN("scan"),
        /** No pure equilibrium; Lemke–Howson found a mixed one. */
        LEMKE_HOWSON("lemke-howson"),
        /** More than two players, best response cycled: fictitious play's empirical mixtures. */
        FICTITIOUS_PLAY("fictitious-play");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        /** Name for JSON. */
        public String id() {
            return id;
        }
    }

    public StageEquilibrium {
        double[][] m = new double[mixture.length][];
        for (int p = 0; p < m.length; p++) {
            m[p] = mixture[p].clone();
        }
        mixture = m;
        value = value.clone();
    }

    static StageEquilibrium pure(int[] levels, double[] value, int gridSize, Method method, int rounds) {
        double[][] m = new double[levels.length][gridSize];
        for (int p = 0; p < levels.length; p++) {
            m[p][levels[p]] = 1.0;
        }
        return new StageEquilibrium(m, value, 0.0, method, rounds, 0);
    }

    static StageEquilibrium mixed(double[][] mixture, double[] value, double regret, Method method, int rounds) {
        return new StageEquilibrium(mixture, value, regret, method, rounds, 0);
    }

    StageEquilibrium withPureCount(int count) {
        return new StageEquilibrium(mixture, value, regret, method, rounds, count);
    }

    /** Number of players. */
    public int players() {
        return mixture.length;
    }

    /** Whether every player plays one level with probability 1. */
    public boolean pure() {
        for (double[] m : mixture) {
            double max = 0;
            for (double v : m) {
                max = Math.max(max, v);
            }
            if (max < 1 - 1e-12) {
                return false;
            }
        }
        return true;
    }

    /** Player p's most likely level (its level when pure). */
    public int level(int p) {
        int best = 0;
        for (int k = 1; k < mixture[p].length; k++) {
            if (mixture[p][k] > mixture[p][best]) {
                best = k;
            }
        }
        return best;
    }

    /** Probability that player p plays level k. */
    public double probability(int p, int k) {
        return mixture[p][k];
    }

    /** Player p's probabilities (a copy). */
    public double[] mixture(int p) {
        return mixture[p].clone();
    }

    /** Player p's expected level on the grid {@code grid}: its mean multiplier. */
    public double meanOf(int p, double[] grid) {
        double s = 0;
        for (int k = 0; k < grid.length; k++) {
            s += mixture[p][k] * grid[k];
        }
        return s;
    }

    /** Player p's support as {level value, probability} pairs on {@code grid}, for JSON. */
    public List<Map<String, Object>> support(int p, double[] grid) {
        List<Map<String, Object>> s = new ArrayList<>();
        for (int k = 0; k < grid.length; k++) {
            if (mixture[p][k] > 1e-12) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("multiplier", grid[k]);
                e.put("probability", mixture[p][k]);
                s.add(e);
            }
        }
        return s;
    }
}
