package org.hubprice.training.config;

import org.hubprice.common.Check;

/**
 * {@code validation}: a periodic check of the policies on a fixed set of training days,
 * acting deterministically ({@link org.hubprice.agents.Mode#EVAL}), with the same arrivals and
 * battery start for every policy. Held-out (test) days are never used here.
 *
 * @param every episodes between validation passes, {@code >= 1} (a last pass always runs at the end)
 * @param days number of training days in the fixed validation set, in [1, 366]
 */
public record ValidationConfig(long every, int days) {
    public ValidationConfig {
        Check.atLeast("validation.every", every, 1);
        Check.inRange("validation.days", days, 1, 366);
    }
}
