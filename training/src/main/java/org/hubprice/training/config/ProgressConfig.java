package org.hubprice.training.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code progress}: what the run reports while it trains.
 *
 * @param window episodes in the "recent" means of the progress bar and log lines, in [1, 1000000]
 * @param logEvery episodes between progress log lines, {@code >= 1}
 * @param plotEvery episodes between redraws of the learning curve, {@code >= 1} (it is also
 *                  redrawn after each validation pass and at the end)
 */
public record ProgressConfig(int window, long logEvery, long plotEvery) {
    public ProgressConfig {
        if (window < 1 || window > 1_000_000) {
            throw new IllegalArgumentException("progress.window = " + window + " is outside the allowed range [1, 1000000]");
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("progress.logEvery = " + logEvery + " is outside the allowed range [1, inf)");
        }
        if (plotEvery < 1) {
            throw new IllegalArgumentException("progress.plotEvery = " + plotEvery + " is outside the allowed range [1, inf)");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("logEvery", logEvery);
        m.put("plotEvery", plotEvery);
        return m;
    }
}
