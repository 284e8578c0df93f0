package org.hubprice.env.bertrand;

import org.hubprice.common.Check;

/**
 * How a state (the price indices of all firms in the last {@code k} periods) is shown to an
 * agent. Tabular learners want the single index; neural learners want a vector.
 */
public enum ObservationEncoding {
    /** {@code Discrete(m^(n·k))}: the state as one index (the default; what tabular Q-learning uses). */
    INDEX("index"),
    /**
     * {@code Box} of {@code n·k} values in {@code [0, 1]}: each remembered price index divided by
     * {@code m − 1}, most recent period first, firm 0 first within a period.
     */
    LEVELS("levels"),
    /** {@code Box} of {@code n·k·m} zeros and ones: each remembered price index one-hot encoded. */
    ONE_HOT("one-hot");

    private final String key;

    ObservationEncoding(String key) {
        this.key = key;
    }

    /** The name used in configuration ({@code index}, {@code levels}, {@code one-hot}). */
    public String key() {
        return key;
    }

    /** Parses a configuration name; the error lists the valid ones. */
    public static ObservationEncoding parse(String name) {
        return Check.choice("observation", name, values(), ObservationEncoding::key);
    }
}
