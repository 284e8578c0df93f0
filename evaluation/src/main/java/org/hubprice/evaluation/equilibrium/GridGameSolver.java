package org.hubprice.evaluation.equilibrium;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Equilibria of a one-shot game in which every player picks a level on the same grid
 * ({@code levels} strategies each) and a payoff oracle gives every player's payoff of a profile.
 *
 * <p><b>Two players.</b> The payoff tables are built once ({@code levels²} oracle calls). Then:
 * <ol>
 *   <li>iterated best response (the players reply in turn, ties kept at the current level,
 *       else the lowest best level) from the given start; a fixed point is a pure equilibrium;</li>
 *   <li>if that cycles (an Edgeworth cycle), every cell is checked for a pure equilibrium, and
 *       among several the one with the highest joint payoff is used (the conservative benchmark:
 *       it attributes the least to collusion);</li>
 *   <li>with no pure equilibrium, a mixed one by {@link LemkeHowson}.</li>
 * </ol>
 * (If every Lemke–Howson path tried fails numerically, fictitious play as below.)
 * <b>More players.</b> Iterated best response with the oracle (at most
 * {@link #MAX_BEST_RESPONSE_ROUNDS} rounds); if it cycles, fictitious play
 * ({@link #FICTITIOUS_PLAY_ROUNDS} rounds, each player replying to the opponents' past play),
 * whose empirical frequencies are returned with their residual (external) regret.
 */
public final class GridGameSolver {
    /** Payoffs of a profile. */
    @FunctionalInterface
    public interface Payoffs {
        /** Writes every player's payoff of the level profile {@code levels} into {@code out}. */
        void payoffs(int[] levels, double[] out);
    }

    /** Rounds of iterated best response for more than two players before fictitious play takes over. */
    public static final int MAX_BEST_RESPONSE_ROUNDS = 200;

    /** Rounds of fictitious play for more than two players. */
    public static final int FICTITIOUS_PLAY_ROUNDS = 400;

    private GridGameSolver() {}

    /**
     * An equilibrium of the game.
     *
     * @param players number of players, {@code >= 1}
     * @param levels strategies per player, {@code >= 2}
     * @param start the start profile of iterated best response
     */
    public static StageEquilibrium solve(int players, int levels, Payoffs payoffs, int[] start) {
        if (players < 1) {
            throw new IllegalArgumentException("players = " + players + " must be >= 1");
        }
        if (levels < 2) {
            throw new IllegalArgumentException("price grid has " + levels + " level(s); an equilibrium search needs at least 2. "
                    + "Maybe raise pricing.discreteLevels");
        }
        if (start == null || start.length != players) {
            throw new IllegalArgumentException("start profile must give one level per player (" + players + ")");
        }
        return players == 2 ? solveTwo(levels, payoffs, start) : solveMany(players, levels, payoffs, start);
    }

    private static StageEquilibrium solveTwo(int levels, Payoffs payoffs, int[] start) {
        double[][] a = new double[levels][levels];
        double[][] b = new double[levels][levels];
        int[] profile = new int[2];
        double[] out = new double[2];
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < levels; j++) {
                profile[0] = i;
                profile[1] = j;
                payoffs.payoffs(profile, out);
                a[i][j] = out[0];
                b[i][j] = out[1];
            }
        }
        Bimatrix game = new Bimatrix(a, b);
        double tol = 1e-12 * Math.max(1.0, game.scale());
        // 1. Iterated best response.
        int i = start[0];
        int j = start[1];
        Set<Long> seen = new HashSet<>();
        int rounds = 0;
        while (seen.add(((long) i << 32) | j)) {
            rounds++;
            int bi = bestRow(a, j, i, tol);
            int bj = bestCol(b, bi, j, tol);
            if (bi == i && bj == j) {
                return StageEquilibrium.pure(new int[] {i, j}, new double[] {a[i][j], b[i][j]}, levels, StageEquilibrium.Method.BEST_RESPONSE,
                        rounds);
            }
            i = bi;
            j = bj;
        }
        // 2. Every cell.
        int bestI = -1;
        int bestJ = -1;
        int count = 0;
        for (int r = 0; r < levels; r++) {
            for (int c = 0; c < levels; c++) {
                if (bestRow(a, c, r, tol) == r && bestCol(b, r, c, tol) == c) {
                    count++;
                    if (bestI < 0 || a[r][c] + b[r][c] > a[bestI][bestJ] + b[bestI][bestJ]) {
                        bestI = r;
                        bestJ = c;
                    }
                }
            }
        }
        if (bestI >= 0) {
            StageEquilibrium e = StageEquilibrium.pure(new int[] {bestI, bestJ}, new double[] {a[bestI][bestJ], b[bestI][bestJ]}, levels,
                    StageEquilibrium.Method.SCAN, rounds);
            return e.withPureCount(count);
        }
        // 3. Mixed.
        MixedEquilibrium m = LemkeHowson.solve(game);
        if (m == null) {
            // Numerically failed paths: fictitious play converges in zero-sum-like games and reports its regret otherwise.
            return fictitiousPlay(2, levels, (l, o) -> {
                o[0] = a[l[0]][l[1]];
                o[1] = b[l[0]][l[1]];
            }, new int[] {i, j}, rounds);
        }
        return StageEquilibrium.mixed(new double[][] {m.row(), m.col()}, new double[] {m.rowValue(), m.colValue()}, m.regret(),
                StageEquilibrium.Method.LEMKE_HOWSON, rounds);
    }

    /** The row player's best reply to column {@code j}: {@code keep} if it is among the best, else the lowest best level. */
    private static int bestRow(double[][] a, int j, int keep, double tol) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] r : a) {
            best = Math.max(best, r[j]);
        }
        if (a[keep][j] >= best - tol) {
            return keep;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i][j] >= best - tol) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int bestCol(double[][] b, int i, int keep, double tol) {
        double[] r = b[i];
        double best = Double.NEGATIVE_INFINITY;
        for (double v : r) {
            best = Math.max(best, v);
        }
        if (r[keep] >= best - tol) {
            return keep;
        }
        for (int j = 0; j < r.length; j++) {
            if (r[j] >= best - tol) {
                return j;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static StageEquilibrium solveMany(int players, int levels, Payoffs payoffs, int[] start) {
        int[] profile = start.clone();
        double[] out = new double[players];
        Set<String> seen = new HashSet<>();
        int rounds = 0;
        while (seen.add(Arrays.toString(profile)) && rounds < MAX_BEST_RESPONSE_ROUNDS) {
            rounds++;
            boolean moved = false;
            for (int p = 0; p < players; p++) {
                int keep = profile[p];
                double bestValue = Double.NEGATIVE_INFINITY;
                int best = keep;
                double[] values = new double[levels];
                for (int k = 0; k < levels; k++) {
                    profile[p] = k;
                    payoffs.payoffs(profile, out);
                    values[k] = out[p];
                    bestValue = Math.max(bestValue, out[p]);
                }
                double tol = 1e-12 * Math.max(1.0, Math.abs(bestValue));
                if (values[keep] < bestValue - tol) {
                    for (int k = 0; k < levels; k++) {
                        if (values[k] >= bestValue - tol) {
                            best = k;
                            break;
                        }
                    }
                }
                profile[p] = best;
                moved |= best != keep;
            }
            if (!moved) {
                payoffs.payoffs(profile, out);
                return StageEquilibrium.pure(profile, out.clone(), levels, StageEquilibrium.Method.BEST_RESPONSE, rounds);
            }
        }
        return fictitiousPlay(players, levels, payoffs, profile, rounds);
    }

    /**
     * Fictitious play against the empirical history: every round each player replies to the
     * average payoff of each of its levels over the opponents' past profiles (kept as running
     * sums, so a round costs {@code players × levels} oracle calls), ties to the lowest level. The
     * players' empirical frequencies are returned; the regret is each player's external regret
     * against that history (the best fixed level's average payoff minus the average payoff it got).
     */
    private static StageEquilibrium fictitiousPlay(int players, int levels, Payoffs payoffs, int[] start, int rounds) {
        double[][] counts = new double[players][levels];
        double[][] sums = new double[players][levels];
        double[] got = new double[players];
        int[] current = start.clone();
        int[] probe = new int[players];
        double[] out = new double[players];
        for (int round = 0; round < FICTITIOUS_PLAY_ROUNDS; round++) {
            for (int p = 0; p < players; p++) {
                counts[p][current[p]] += 1;
            }
            payoffs.payoffs(current, out);
            for (int p = 0; p < players; p++) {
                got[p] += out[p];
            }
            for (int p = 0; p < players; p++) {
                System.arraycopy(current, 0, probe, 0, players);
                for (int k = 0; k < levels; k++) {
                    probe[p] = k;
                    payoffs.payoffs(probe, out);
                    sums[p][k] += out[p];
                }
            }
            for (int p = 0; p < players; p++) {
                int best = 0;
                for (int k = 1; k < levels; k++) {
                    if (sums[p][k] > sums[p][best]) {
                        best = k;
                    }
                }
                current[p] = best;
            }
        }
        double[] value = new double[players];
        double regret = 0;
        for (int p = 0; p < players; p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (double v : sums[p]) {
                best = Math.max(best, v);
            }
            value[p] = got[p] / FICTITIOUS_PLAY_ROUNDS;
            regret = Math.max(regret, (best - got[p]) / FICTITIOUS_PLAY_ROUNDS);
        }
        return StageEquilibrium.mixed(normalised(counts), value, regret, StageEquilibrium.Method.FICTITIOUS_PLAY, rounds + FICTITIOUS_PLAY_ROUNDS);
    }

    private static double[][] normalised(double[][] counts) {
        double[][] m = new double[counts.length][];
        for (int p = 0; p < counts.length; p++) {
            double s = 0;
            for (double c : counts[p]) {
                s += c;
            }
            m[p] = new double[counts[p].length];
            for (int k = 0; k < m[p].length; k++) {
                m[p][k] = counts[p][k] / s;
            }
        }
        return m;
    }
}
