package org.hubprice.training.config;

import org.hubprice.common.Check;

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
        Check.inRange("progress.window", window, 1, 1_000_000);
        Check.atLeast("progress.logEvery", logEvery, 1);
        Check.atLeast("progress.plotEvery", plotEvery, 1);
    }
}
