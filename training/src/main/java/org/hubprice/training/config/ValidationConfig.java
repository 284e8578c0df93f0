package org.hubprice.training.config;

import java.util.LinkedHashMap;
import java.util.Map;

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
        if (every < 1) {
            throw new IllegalArgumentException("validation.every = " + every + " is outside the allowed range [1, inf)");
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("validation.days = " + days + " is outside the allowed range [1, 366]");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("every", every);
        m.put("days", days);
        return m;
    }
}
