package org.hubprice.agents.wrappers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Check;

/**
 * Exploration rate as a function of the number of training-mode actions taken so far.
 *
 * <ul>
 *   <li>{@code step}: {@code max(end, start * factor^floor(step / every))}: a multiplicative
 *       decay applied once every {@code every} steps.</li>
 *   <li>{@code linear}: from {@code start} to {@code end} linearly over {@code steps} steps,
 *       then {@code end}.</li>
 *   <li>{@code constant}: always {@code start}.</li>
 * </ul>
 *
 * <p>Paper defaults (docs/model.md section 6: "ε from 0.8 to 0.05, decay every 40 000 steps"):
 * {@code step}, start 0.8, end 0.05, every 40 000. The paper does not state the factor per
 * decay; 0.95 is used, which reaches the floor after 55 decays (2.2 M steps, about 92 000
 * 24-step days), within the first tenth of the reference's 1 M-episode run.
 *
 * @param kind {@code step}, {@code linear} or {@code constant}
 * @param start rate at step 0, in [0, 1]
 * @param end floor, in [0, start]
 * @param every steps between decays ({@code step})
 * @param factor multiplier per decay, in (0, 1] ({@code step})
 * @param steps length of the ramp ({@code linear})
 */
public record EpsilonSchedule(String kind, double start, double end, long every, double factor, long steps) {
    /** Parameter keys read by {@link #fromParams}. */
    public static final java.util.Set<String> PARAM_KEYS = java.util.Set.of("epsilonDecay", "epsilonStart", "epsilonEnd",
            "epsilonDecayEvery", "epsilonDecayFactor", "epsilonDecaySteps");

    public EpsilonSchedule {
        kind = Check.oneOf("epsilonDecay", kind == null ? "step" : kind, List.of("step", "linear", "constant"));
        Check.inRange("epsilonStart", start, 0, 1);
        Check.inRange("epsilonEnd", end, 0, start);
        Check.atLeast("epsilonDecayEvery", every, 1);
        Check.inRangeAboveLow("epsilonDecayFactor", factor, 0, 1);
        Check.atLeast("epsilonDecaySteps", steps, 1);
    }

    /** The paper's schedule: step decay 0.8 -> 0.05 every 40 000 steps, factor 0.95. */
    public static EpsilonSchedule paper() {
        return new EpsilonSchedule("step", 0.8, 0.05, 40_000, 0.95, 1_000_000);
    }

    /** The rate after {@code step} training-mode actions. */
    public double value(long step) {
        return switch (kind) {
            case "step" -> Math.max(end, start * Math.pow(factor, (double) (step / every)));
            case "linear" -> step >= steps ? end : start + (end - start) * ((double) step / steps);
            default -> start;
        };
    }

    /** Reads the {@link #PARAM_KEYS}; absent keys take the paper's values. */
    public static EpsilonSchedule fromParams(Params p) {
        EpsilonSchedule d = paper();
        return new EpsilonSchedule(p.getString("epsilonDecay", d.kind()), p.getDouble("epsilonStart", d.start()),
                p.getDouble("epsilonEnd", d.end()), p.getLong("epsilonDecayEvery", d.every()),
                p.getDouble("epsilonDecayFactor", d.factor()), p.getLong("epsilonDecaySteps", d.steps()));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilonDecay", kind);
        m.put("epsilonStart", start);
        m.put("epsilonEnd", end);
        m.put("epsilonDecayEvery", every);
        m.put("epsilonDecayFactor", factor);
        m.put("epsilonDecaySteps", steps);
        return m;
    }
}
