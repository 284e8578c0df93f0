package org.hubprice.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default deviation of the deviation test: the most profitable one-shot undercut. With
 * every hub on its policy until the deviation hour, the deviator tries every grid level below
 * its own undisturbed multiplier (mean over days and replications) at that hour, and the level
 * with the largest profit in that hour, summed over days and replications, is the deviation
 * (Calvano et al. deviate to the static best reply; a = 1 would build "deviation does not pay"
 * in). If the policy already posts the lowest level, the deviation is the lowest level.
 */
final class DeviationSearch {
    private DeviationSearch() {}

    /**
     * @param oneShot {@code [day][level]} the deviator's profit in the deviation hour summed over replications
     * @param undisturbed {@code [day]} its mean multiplier there without a deviation
     * @return the choice as a JSON-ready map; {@code multiplier} holds the chosen level
     */
    static Map<String, Object> choose(double[][] oneShot, double[] undisturbed, double[] grid, int replications) {
        double u = 0;
        for (double x : undisturbed) {
            u += x / undisturbed.length;
        }
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        int candidates = 0;
        for (int k = 0; k < grid.length && grid[k] < u - 1e-12; k++) {
            candidates++;
            double s = 0;
            for (double[] d : oneShot) {
                s += d[k];
            }
            if (s > bestValue) {
                bestValue = s;
                best = k;
            }
        }
        if (candidates == 0) {
            bestValue = 0;
            for (double[] d : oneShot) {
                bestValue += d[0];
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("multiplier", grid[best]);
        m.put("undisturbedMultiplier", u);
        m.put("levelsTried", candidates);
        m.put("deviationHourProfitPerDay", bestValue / oneShot.length / replications);
        m.put("method", "the grid level below the deviator's undisturbed mean multiplier with the largest profit in the deviation hour "
                + "(every hub on its policy before), summed over days and replications; the lowest level when none is below");
        return m;
    }
}
