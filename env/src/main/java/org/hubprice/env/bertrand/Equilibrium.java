package org.hubprice.env.bertrand;

import java.util.Arrays;

/**
 * Prices and per-period profits of every firm in a benchmark outcome of the one-shot game
 * (static Nash equilibrium or joint-profit maximum), on the continuous price line.
 *
 * @param prices one price per firm
 * @param profits one per-period profit per firm at those prices
 */
public record Equilibrium(double[] prices, double[] profits) {
    public Equilibrium {
        prices = prices.clone();
        profits = profits.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] profits() {
        return profits.clone();
    }

    public double price(int firm) {
        return prices[firm];
    }

    public double profit(int firm) {
        return profits[firm];
    }

    /** Average price over firms. */
    public double meanPrice() {
        return Arrays.stream(prices).average().orElseThrow();
    }

    /** Average profit per firm (the benchmark the collusion index uses). */
    public double meanProfit() {
        return Arrays.stream(profits).average().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Equilibrium e && Arrays.equals(prices, e.prices) && Arrays.equals(profits, e.profits);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prices) + Arrays.hashCode(profits);
    }

    @Override
    public String toString() {
        return "Equilibrium[prices=" + Arrays.toString(prices) + ", profits=" + Arrays.toString(profits) + "]";
    }
}
