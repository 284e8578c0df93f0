package org.hubprice.training.config;

import java.util.LinkedHashMap;
import java.util.Map;

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
        if (window < 1 || window > 10_000_000) {
            throw new IllegalArgumentException("stopping.plateau.window = " + window + " is outside the allowed range [1, 10000000]");
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("stopping.plateau.smoothing = " + smoothing + " is outside the allowed range (0, 1]");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("stopping.plateau.threshold = " + threshold + " is outside the allowed range (0, 1]");
        }
        if (minEpisodes < 0) {
            throw new IllegalArgumentException("stopping.plateau.minEpisodes = " + minEpisodes + " is outside the allowed range [0, inf)");
        }
        if (!(scaleFloor > 0) || Double.isInfinite(scaleFloor)) {
            throw new IllegalArgumentException("stopping.plateau.scaleFloor = " + scaleFloor + " is outside the allowed range (0, inf)");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put("window", window);
        m.put("smoothing", smoothing);
        m.put("threshold", threshold);
        m.put("minEpisodes", minEpisodes);
        m.put("scaleFloor", scaleFloor);
        return m;
    }
}
