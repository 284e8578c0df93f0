package org.hubprice.env.demand;

import java.util.Arrays;
import java.util.Objects;

/**
 * Probability that a price-sensitive EV arriving at a hub leaves without charging (balks).
 *
 * <p>{@link #probability} is asked at hubs <em>outside</em> the similar set, that is with price
 * ratio {@code r = p_i / p_min > 1 + δ}: there docs/model.md 2.3 lets each arriving EV balk with
 * probability {@code b(r)}. {@link #similarSetProbability} is asked at hubs <em>inside</em> the
 * similar set; the reference model never balks there (the default returns 0), which is why equal
 * prices carry no absolute price elasticity. An absolute-price curve ({@link #logisticPrice})
 * answers both, so that demand also falls when every hub is dear.
 *
 * <p>Implementations must be pure functions returning values in [0, 1]; the choice model draws
 * one binomial per hub visit only when the value is positive.
 */
public interface BalkingCurve {
    /** Band edges are matched with this slack so that {@code 1.1·m / m} lands in the 1.10 band despite rounding. */
    double EDGE_SLACK = 1e-9;

    /**
     * Balking probability at a hub outside the similar set.
     *
     * @param priceRatio {@code p_i / p_min}, {@code > 1 + δ}
     * @param price      the hub's absolute price in $/MWh, {@code > 0}
     */
    double probability(double priceRatio, double price);

    /**
     * Balking probability at a hub inside the similar set ({@code 1 <= priceRatio <= 1 + δ}).
     * Zero unless the curve depends on the absolute price.
     */
    default double similarSetProbability(double priceRatio, double price) {
        return 0.0;
    }

    /** The reference step function of docs/model.md 2.3: [1,1.10) 0.10, [1.10,1.20) 0.20, [1.20,1.35) 0.35, [1.35,1.50) 0.60, [1.50,1.75) 0.80, ≥1.75 1.00. */
    static BalkingCurve referenceSteps() {
        return new Steps(new double[] {1.0, 1.10, 1.20, 1.35, 1.50, 1.75}, new double[] {0.10, 0.20, 0.35, 0.60, 0.80, 1.00});
    }

    /** Nobody balks (the paper's "no balking" sensitivity case): overflow EVs take any free station. */
    static BalkingCurve none() {
        return new None();
    }

    /** A step function in the price ratio; see {@link Steps}. */
    static BalkingCurve steps(double[] lowerRatios, double[] probabilities) {
        return new Steps(lowerRatios, probabilities);
    }

    /**
     * An absolute-price curve {@code 1 / (1 + exp(-(price - midpointPrice) / scale))}, applied at
     * every hub the EV visits, similar set included.
     */
    static BalkingCurve logisticPrice(double midpointPrice, double scale) {
        return new LogisticPrice(midpointPrice, scale);
    }

    /** An EV balks if either curve makes it balk, independently: {@code 1 − (1 − a)(1 − b)}. */
    static BalkingCurve either(BalkingCurve first, BalkingCurve second) {
        return new Either(first, second);
    }

    /** No balking anywhere. */
    record None() implements BalkingCurve {
        @Override
        public double probability(double priceRatio, double price) {
            return 0.0;
        }
    }

    /**
     * Piecewise-constant in the price ratio: {@code probabilities[j]} on
     * {@code [lowerRatios[j], lowerRatios[j+1])}, the last band open above, 0 below the first
     * edge. Edges are matched with {@link #EDGE_SLACK}. Never applies inside the similar set.
     */
    record Steps(double[] lowerRatios, double[] probabilities) implements BalkingCurve {
        public Steps {
            Objects.requireNonNull(lowerRatios, "balking lowerRatios");
            Objects.requireNonNull(probabilities, "balking probabilities");
            if (lowerRatios.length == 0 || lowerRatios.length != probabilities.length) {
                throw new IllegalArgumentException("balking steps: lowerRatios has " + lowerRatios.length + " entries and probabilities "
                        + probabilities.length + "; give one probability per band, at least one band");
            }
            for (int j = 0; j < lowerRatios.length; j++) {
                double r = lowerRatios[j];
                if (!Double.isFinite(r) || r <= 0) {
                    throw new IllegalArgumentException("balking lowerRatios[" + j + "] = " + r + " must be a finite ratio > 0");
                }
                if (j > 0 && r <= lowerRatios[j - 1]) {
                    throw new IllegalArgumentException("balking lowerRatios[" + j + "] = " + r + " must exceed lowerRatios[" + (j - 1)
                            + "] = " + lowerRatios[j - 1] + "; Maybe list the band edges in increasing order");
                }
                double b = probabilities[j];
                if (!(b >= 0 && b <= 1)) {
                    throw new IllegalArgumentException("balking probabilities[" + j + "] = " + b + " must be in [0, 1]");
                }
            }
            lowerRatios = lowerRatios.clone();
            probabilities = probabilities.clone();
        }

        @Override
        public double probability(double priceRatio, double price) {
            double b = 0.0;
            for (int j = 0; j < lowerRatios.length && priceRatio >= lowerRatios[j] - EDGE_SLACK; j++) {
                b = probabilities[j];
            }
            return b;
        }

        @Override
        public double[] lowerRatios() {
            return lowerRatios.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Steps s && Arrays.equals(lowerRatios, s.lowerRatios) && Arrays.equals(probabilities, s.probabilities);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(lowerRatios) + Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Steps[lowerRatios=" + Arrays.toString(lowerRatios) + ", probabilities=" + Arrays.toString(probabilities) + "]";
        }
    }

    /** Logistic in the absolute price ($/MWh); applies inside and outside the similar set. */
    record LogisticPrice(double midpointPrice, double scale) implements BalkingCurve {
        public LogisticPrice {
            if (!Double.isFinite(midpointPrice)) {
                throw new IllegalArgumentException("balking midpointPrice = " + midpointPrice + " must be a finite price in $/MWh");
            }
            if (!(scale > 0) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("balking scale = " + scale
                        + " must be a finite price spread > 0 in $/MWh; Maybe 10 to 50 for hourly retail prices");
            }
        }

        @Override
        public double probability(double priceRatio, double price) {
            return 1.0 / (1.0 + Math.exp(-(price - midpointPrice) / scale));
        }

        @Override
        public double similarSetProbability(double priceRatio, double price) {
            return probability(priceRatio, price);
        }
    }

    /** Two independent reasons to balk. */
    record Either(BalkingCurve first, BalkingCurve second) implements BalkingCurve {
        public Either {
            Objects.requireNonNull(first, "balking first curve");
            Objects.requireNonNull(second, "balking second curve");
        }

        @Override
        public double probability(double priceRatio, double price) {
            return 1.0 - (1.0 - first.probability(priceRatio, price)) * (1.0 - second.probability(priceRatio, price));
        }

        @Override
        public double similarSetProbability(double priceRatio, double price) {
            return 1.0 - (1.0 - first.similarSetProbability(priceRatio, price)) * (1.0 - second.similarSetProbability(priceRatio, price));
        }
    }
}
