package org.hubprice.evaluation.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.evaluation.stats.WelchTest;

/**
 * Every pair of samples {@code (A, B)}, {@code A} listed before {@code B}, tested with Welch's
 * t-test on the average price and on the price gap between hubs, two-sided and one-sided
 * ({@code mean A > mean B}), as in the paper's Table 1 (e.g. SAC prices higher than DQN,
 * one-sided; architecture does not move average prices, two-sided; attention spreads the two
 * hubs' prices apart, on the gap).
 */
public final class RunComparison {
    /** The quantities tested. */
    public enum Quantity {
        /** Average price over hubs, $/MWh. */
        AVERAGE_PRICE("average price"),
        /** Dearest minus cheapest hub's price, $/MWh. */
        PRICE_GAP("price gap");

        private final String text;

        Quantity(String text) {
            this.text = text;
        }

        /** How tables name it. */
        public String text() {
            return text;
        }
    }

    /**
     * One test.
     *
     * @param quantity what is compared
     * @param a label of sample A
     * @param b label of sample B
     * @param alternative the alternative hypothesis
     * @param test the Welch test of A against B, or null when it is undefined
     * @param note why the test is undefined (both samples constant), or null
     */
    public record Row(Quantity quantity, String a, String b, WelchTest.Alternative alternative, WelchTest test, String note) {
        /** As an ordered map for JSON. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", quantity.text());
            m.put("a", a);
            m.put("b", b);
            if (test != null) {
                m.putAll(test.toMap());
            } else {
                m.put("alternative", alternative.id());
                m.put("note", note);
            }
            return m;
        }
    }

    private RunComparison() {}

    /**
     * The tests of every pair of {@code runs} at level {@code alpha} for the given alternatives.
     *
     * @throws IllegalArgumentException for fewer than two runs or a sample the test cannot use
     */
    public static List<Row> compare(List<EvaluatedRun> runs, List<WelchTest.Alternative> alternatives, double alpha) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two evaluated runs (or groups); got " + runs.size());
        }
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    EvaluatedRun a = runs.get(i);
                    EvaluatedRun b = runs.get(j);
                    double[] x = q == Quantity.AVERAGE_PRICE ? a.meanPrice() : a.priceGap();
                    double[] y = q == Quantity.AVERAGE_PRICE ? b.meanPrice() : b.priceGap();
                    for (WelchTest.Alternative alt : alternatives) {
                        if (constant(x) && constant(y)) {
                            // Two fixed symmetric policies have a gap of exactly 0 every day: nothing to test, not an error.
                            rows.add(new Row(q, a.label(), b.label(), alt, null, "both samples constant (" + x[0] + ", " + y[0] + ")"));
                            continue;
                        }
                        try {
                            rows.add(new Row(q, a.label(), b.label(), alt, WelchTest.of(x, y, alt, alpha), null));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(q.text() + ", " + a.label() + " vs " + b.label() + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return x.length > 0;
    }
}
