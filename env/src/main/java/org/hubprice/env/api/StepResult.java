package org.hubprice.env.api;

import java.util.Map;

/**
 * What one parallel step returns, keyed by agent name: next observations, rewards,
 * terminations (natural end), truncations (time limit or other cut-off) and infos.
 */
public record StepResult(Map<String, double[]> observations, Map<String, Double> rewards,
                         Map<String, Boolean> terminations, Map<String, Boolean> truncations,
                         Map<String, Map<String, Object>> infos) {
    /** True when every agent is terminated or truncated. */
    public boolean allDone() {
        for (String a : observations.keySet()) {
            if (!terminations.getOrDefault(a, false) && !truncations.getOrDefault(a, false)) {
                return false;
            }
        }
        return true;
    }
}
