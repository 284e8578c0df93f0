package org.hubprice.evaluation.canonical;

import org.hubprice.env.bertrand.BertrandGame;

/**
 * The deviation test of Calvano et al. (2020, section V): after convergence, starting from a
 * state of the limit cycle, one firm deviates for a single period (to its static best response
 * against the others' greedy prices, or to a given price) and then every firm plays greedily
 * again; the prices and profits are compared with the undisturbed greedy path from the same
 * state. Period 1 is the deviation period.
 *
 * @param firm the deviating firm
 * @param deviationPrice the price index it deviated to
 * @param price {@code price[τ][i]}: firm i's price in period τ+1 after the shock
 * @param profit {@code profit[τ][i]}: firm i's profit in period τ+1 after the shock
 * @param undisturbedPrice the same without the shock
 * @param undisturbedProfit the same without the shock
 * @param deviationGain the deviating firm's discounted profit difference over the recorded
 *     periods, {@code Σ_τ δ^τ (π_dev − π_undisturbed)} (negative: the deviation does not pay)
 * @param returnPeriod the first period {@code τ} after whose play the state is back in the
 *     pre-shock cycle (so that from {@code τ + 1} on play repeats the cycle; with {@code k = 1}
 *     period {@code τ} itself plays a cycle profile), or -1 when that did not happen within the
 *     recorded periods
 */
public record ImpulseResponse(int firm, int deviationPrice, double[][] price, double[][] profit, double[][] undisturbedPrice,
                              double[][] undisturbedProfit, double deviationGain, int returnPeriod) {

    /**
     * Runs the test from the first state of {@code cycle}.
     *
     * @param deviationPrice the forced price index, or -1 for the static best response
     * @param periods how many periods to record (the deviation period included)
     * @param discount δ for {@link #deviationGain}
     */
    public static ImpulseResponse of(BertrandGame game, Strategy strategy, LimitCycle cycle, int firm, int deviationPrice,
                                     int periods, double discount) {
        int n = game.firms();
        int[] acts = new int[n];
        int start = cycle.states()[0];
        java.util.Set<Integer> cycleStates = new java.util.HashSet<>();
        for (int s : cycle.states()) {
            cycleStates.add(s);
        }
        double[][] price = new double[periods][n];
        double[][] profit = new double[periods][n];
        double[][] basePrice = new double[periods][n];
        double[][] baseProfit = new double[periods][n];
        int greedyProfile = LimitCycle.profileOf(game, strategy, start, acts);
        int dev = deviationPrice >= 0 ? deviationPrice : game.bestResponse(firm, greedyProfile);
        int s = start;
        int b = start;
        double gain = 0;
        double weight = 1;
        int back = -1;
        for (int t = 0; t < periods; t++) {
            int prof = LimitCycle.profileOf(game, strategy, s, acts);
            if (t == 0) {
                prof = game.withPrice(prof, firm, dev);
            }
            int bprof = LimitCycle.profileOf(game, strategy, b, acts);
            for (int i = 0; i < n; i++) {
                price[t][i] = game.price(game.priceIndex(prof, i));
                profit[t][i] = game.profit(prof, i);
                basePrice[t][i] = game.price(game.priceIndex(bprof, i));
                baseProfit[t][i] = game.profit(bprof, i);
            }
            gain += weight * (profit[t][firm] - baseProfit[t][firm]);
            weight *= discount;
            s = game.nextState(s, prof);
            b = game.nextState(b, bprof);
            if (back < 0 && cycleStates.contains(s)) {
                back = t + 1; // array index t is period t+1
            }
        }
        return new ImpulseResponse(firm, dev, price, profit, basePrice, baseProfit, gain, back);
    }
}
