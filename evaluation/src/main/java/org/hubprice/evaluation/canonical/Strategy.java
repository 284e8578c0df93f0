package org.hubprice.evaluation.canonical;

/** The firms' deterministic (greedy) strategies: the price index each firm plays in each state. */
@FunctionalInterface
public interface Strategy {
    /** The price index {@code firm} plays in {@code state}. */
    int action(int firm, int state);

    /** A strategy read from a table {@code table[firm][state]} (not copied). */
    static Strategy of(int[][] table) {
        return (firm, state) -> table[firm][state];
    }
}
