package org.hubprice.training.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed policies on the validation days, computed once per run with the same days and random
 * draws as the learned policies (common random numbers).
 *
 * <p>The quick collusion index {@code Δ = (π − π^C) / (π^M − π^C)} uses all hubs at the lowest
 * multiplier (1: marginal-cost pricing) for {@code π^C} and all hubs at the cap (2) as the
 * monopoly proxy {@code π^M}. The cap is the joint optimum under the default demand model (no
 * absolute price elasticity) but not in general: the evaluation computes {@code π^M} by
 * optimisation; this index is a progress signal, not the reported result.
 *
 * @param competitive every hub at the lowest multiplier
 * @param monopoly every hub at the highest multiplier (the cap)
 * @param random every hub uniformly random (deterministic per observation)
 */
public record Benchmarks(ValidationResult competitive, ValidationResult monopoly, ValidationResult random) {
    /** The quick collusion index of {@code result}: NaN when the benchmarks do not separate. */
    public double collusionIndex(ValidationResult result) {
        double c = competitive.totalPerDay();
        double m = monopoly.totalPerDay();
        if (!(m - c > 1e-9 * Math.max(1, Math.abs(m)))) {
            return Double.NaN;
        }
        return (result.totalPerDay() - c) / (m - c);
    }

    /** The JSON form. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("note", "quick collusion index: competitive = all hubs at multiplier 1, monopoly proxy = all hubs at the cap 2"
                + " (the evaluation computes the monopoly profit by optimisation)");
        m.put("competitive", competitive.toMap());
        m.put("monopolyProxy", monopoly.toMap());
        m.put("random", random.toMap());
        return m;
    }
}
