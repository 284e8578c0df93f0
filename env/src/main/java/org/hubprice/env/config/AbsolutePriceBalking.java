package org.hubprice.env.config;

import org.hubprice.common.Check;
import org.hubprice.env.demand.BalkingCurve;

/**
 * {@code demand.balking.absolutePrice}: EVs also balk with probability
 * {@code 1 / (1 + exp(−(price − midpointPrice) / scale))}, at every hub they visit, so that
 * demand falls when every hub is dear (docs/model.md 2.3, optional variant).
 *
 * @param midpointPrice retail price at which half the EVs balk, $/MWh, in [0, 1e5]
 * @param scale spread of the curve, $/MWh, in (0, 1e5]
 */
public record AbsolutePriceBalking(double midpointPrice, double scale) {
    public AbsolutePriceBalking {
        Check.inRange("demand.balking.absolutePrice.midpointPrice", midpointPrice, 0, PricingConfig.MAX_PRICE);
        Check.inRangeAboveLow("demand.balking.absolutePrice.scale", scale, 0, PricingConfig.MAX_PRICE);
    }

    BalkingCurve curve() {
        return BalkingCurve.logisticPrice(midpointPrice, scale);
    }
}
