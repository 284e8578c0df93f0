package org.hubprice.env.config;

import org.hubprice.common.Check;

/**
 * {@code pricing}: how actions become retail prices. A hub's action is a multiplier
 * {@code a ∈ [minMultiplier, maxMultiplier]} and its price is {@code p_ev = a · m[t]} with the
 * reference price {@code m[t] = max(min(p_da, p_rt), floor)} (docs/model.md sections 3 and 5): the
 * floor keeps the price band positive in the hours where wholesale prices are zero or negative.
 *
 * @param floor reference price floor, $/MWh, in (0, 1000]
 * @param minMultiplier lowest multiplier (1 = marginal-cost pricing), in (0, 100]
 * @param maxMultiplier highest multiplier, in [minMultiplier, 100]
 * @param discreteLevels number of evenly spaced multipliers a discrete agent chooses among,
 *                       in [2, 100001] (101 gives 1.00, 1.01, ..., 2.00)
 */
public record PricingConfig(double floor, double minMultiplier, double maxMultiplier, int discreteLevels) {
    /** Bound on any configured price, $/MWh: far above any market price, it catches unit slips. */
    static final double MAX_PRICE = 1e5;

    public PricingConfig {
        Check.inRangeAboveLow("pricing.floor", floor, 0, 1000);
        Check.inRangeAboveLow("pricing.minMultiplier", minMultiplier, 0, 100);
        Check.inRange("pricing.maxMultiplier", maxMultiplier, minMultiplier, 100);
        Check.inRange("pricing.discreteLevels", discreteLevels, 2, 100_001);
    }
}
