package org.hubprice.training.config;

import org.hubprice.common.Check;

/**
 * {@code stopping.plateau}: stop when the smoothed reward stops moving.
 *
 * <p>The smoothed reward is an exponential moving average of the total daily profit of all
 * hubs, {@code s_k = s_{k-1} + smoothing · (r_k − s_{k-1})} ({@code s_0 = r_0}). After episode k
 * (counting from 1), once {@code k >= minEpisodes} and {@code k > window}, training stops when
 * {@code |s_k − s_{k−window}| ≤ threshold · max(|s_{k−window}|, scaleFloor)}: the smoothed
 * reward changed by less than {@code threshold} (relative) over the last {@code window}
 * episodes. {@code scaleFloor} keeps the test meaningful when profits are near zero.
 *
 * @param enabled whether the rule applies
 * @param window W, episodes, in [1, 10000000]
 * @param smoothing EMA weight of the newest episode, in (0, 1]
 * @param threshold relative change, in (0, 1]
 * @param minEpisodes no plateau stop before this many episodes, {@code >= 0}
 * @param scaleFloor the smallest |s| the relative change is measured against ($), {@code > 0}
 */
public record PlateauConfig(boolean enabled, int window, double smoothing, double threshold, long minEpisodes, double scaleFloor) {
    public PlateauConfig {
        Check.inRange("stopping.plateau.window", window, 1, 10_000_000);
        Check.inRangeAboveLow("stopping.plateau.smoothing", smoothing, 0, 1);
        Check.inRangeAboveLow("stopping.plateau.threshold", threshold, 0, 1);
        Check.atLeast("stopping.plateau.minEpisodes", minEpisodes, 0);
        Check.inRangeAboveLow("stopping.plateau.scaleFloor", scaleFloor, 0, Double.POSITIVE_INFINITY);
    }
}
