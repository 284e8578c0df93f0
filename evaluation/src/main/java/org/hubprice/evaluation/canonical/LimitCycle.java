package org.hubprice.evaluation.canonical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.bertrand.BertrandGame;

/**
 * The cycle that greedy play settles into: starting from a state, every firm plays its greedy
 * action until a state repeats; the states from its first visit on form the cycle. Its average
 * profits give the collusion index of Calvano et al. (2020),
 * {@code Δ = (π̄ − π_N) / (π_M − π_N)}, with {@code π̄} the average profit per period over the
 * cycle, averaged over firms, and {@code π_N}, {@code π_M} the static Nash and monopoly profits
 * averaged over firms (for symmetric firms, any firm's).
 *
 * @param states the states of the cycle, in the order played (the first is where it is entered)
 * @param profiles the joint price profile played in each of those states
 * @param meanProfit per firm, average per-period profit over the cycle
 * @param meanPrice per firm, average price over the cycle
 * @param delta the collusion index {@code Δ}
 * @param entryPeriod how many periods of greedy play preceded the cycle
 */
public record LimitCycle(int[] states, int[] profiles, double[] meanProfit, double[] meanPrice, double delta, int entryPeriod) {
    /** Number of periods in the cycle (1 for a constant price profile). */
    public int length() {
        return states.length;
    }

    /**
     * Plays {@code strategy} greedily from {@code start} until a state repeats.
     *
     * @throws IllegalArgumentException when {@code start} is not a state of {@code game}
     */
    public static LimitCycle of(BertrandGame game, Strategy strategy, int start) {
        if (start < 0 || start >= game.stateCount()) {
            throw new IllegalArgumentException("start state " + start + " is outside [0, " + game.stateCount() + ")");
        }
        int n = game.firms();
        Map<Integer, Integer> firstVisit = new HashMap<>();
        List<Integer> path = new ArrayList<>();
        List<Integer> played = new ArrayList<>();
        int[] acts = new int[n];
        int s = start;
        while (!firstVisit.containsKey(s)) {
            firstVisit.put(s, path.size());
            path.add(s);
            int prof = profileOf(game, strategy, s, acts);
            played.add(prof);
            s = game.nextState(s, prof);
        }
        int entry = firstVisit.get(s);
        int len = path.size() - entry;
        int[] states = new int[len];
        int[] profiles = new int[len];
        double[] profit = new double[n];
        double[] price = new double[n];
        for (int j = 0; j < len; j++) {
            states[j] = path.get(entry + j);
            profiles[j] = played.get(entry + j);
            for (int i = 0; i < n; i++) {
                profit[i] += game.profit(profiles[j], i) / len;
                price[i] += game.price(game.priceIndex(profiles[j], i)) / len;
            }
        }
        double avg = 0;
        for (double v : profit) {
            avg += v / n;
        }
        return new LimitCycle(states, profiles, profit, price, delta(game, avg), entry);
    }

    /** {@code Δ} of an average profit per firm {@code meanProfit}. */
    public static double delta(BertrandGame game, double meanProfit) {
        double pn = game.nash().meanProfit();
        double pm = game.monopoly().meanProfit();
        return (meanProfit - pn) / (pm - pn);
    }

    /** The joint profile {@code strategy} plays in {@code state}; {@code acts} is scratch space. */
    static int profileOf(BertrandGame game, Strategy strategy, int state, int[] acts) {
        for (int i = 0; i < acts.length; i++) {
            acts[i] = strategy.action(i, state);
        }
        return game.profileIndex(acts);
    }
}
