package org.hubprice.env.config;

import org.hubprice.common.Check;

/**
 * {@code observation}: the scaling of observations (see {@code ObservationScaling}).
 *
 * @param priceQuantile quantile of the training days' DA and RT prices used as the price scale,
 *                      in [0.5, 1]; ordinary prices then fall in [0, 1]
 * @param clip clamp bound, in normalised units, for features without a natural maximum
 *             (arrivals, prices, cost basis), in [1, 1000]
 */
public record ObservationConfig(double priceQuantile, double clip) {
    public ObservationConfig {
        Check.inRange("observation.priceQuantile", priceQuantile, 0.5, 1.0);
        Check.inRange("observation.clip", clip, 1, 1000);
    }
}
