package org.hubprice.agents.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Check;
import org.hubprice.common.ConfigValues;

/**
 * Hyper-parameters of {@link TabularQAgent}; the defaults are the baseline of Calvano et al.
 * (2020).
 *
 * @param alpha learning rate in {@code (0, 1]}
 * @param beta exploration decay {@code β >= 0}: the agent explores with probability
 *     {@code ε_t = exp(−β t)} in its {@code t}-th training period ({@code β = 0}: always explore)
 * @param discount discount factor {@code δ} in {@code [0, 1)}
 * @param convergencePeriods the agent counts as converged once its greedy strategy has not
 *     changed for this many consecutive updates ({@code >= 1})
 * @param qInit the constant initial Q value used unless a {@link QInitializer} is installed
 */
public record TabularQConfig(double alpha, double beta, double discount, long convergencePeriods, double qInit) {
    /** The parameter names {@link #fromParams} accepts. */
    public static final List<String> KEYS = List.of("alpha", "beta", "discount", "convergencePeriods", "qInit");

    public TabularQConfig {
        Check.inRangeAboveLow("alpha (learning rate)", alpha, 0, 1, "Maybe 0.15 (Calvano et al. baseline)");
        Check.nonNegative("beta (exploration decay)", beta);
        Check.inRangeBelowHigh("discount", discount, 0, 1, "Maybe 0.95, or 0 for a myopic learner");
        Check.atLeast("convergencePeriods", convergencePeriods, 1, "Maybe 100000 (Calvano et al.)");
        Check.finite("qInit", qInit);
    }

    /** α = 0.15, β = 4e-6, δ = 0.95, convergence after 100,000 unchanged periods, Q0 = 0. */
    public static TabularQConfig defaults() {
        return new TabularQConfig(0.15, 4e-6, 0.95, 100_000, 0.0);
    }

    /**
     * Reads the parameters in {@code params} (numbers or numeric text) over {@code base}.
     *
     * @throws IllegalArgumentException for an unknown key or a value that is not a number
     */
    public static TabularQConfig fromParams(Map<String, ?> params, TabularQConfig base) {
        ConfigValues p = ConfigValues.of(params, TabularQAgent.NAME).onlyKeys(KEYS);
        return new TabularQConfig(p.getDouble("alpha", base.alpha), p.getDouble("beta", base.beta), p.getDouble("discount", base.discount),
                p.getLong("convergencePeriods", base.convergencePeriods), p.getDouble("qInit", base.qInit));
    }

    /** The parameters as an ordered map (for manifests and provenance). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("discount", discount);
        m.put("convergencePeriods", convergencePeriods);
        m.put("qInit", qInit);
        return m;
    }
}
