package org.hubprice.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Calvano-style deviation test: hub {@code hub} is forced to price at {@code multiplier} in
 * period {@code hour}; before and after, every hub follows its policy. The path is compared with
 * the undisturbed one on the same draws. By default the multiplier is searched: the most
 * profitable one-shot undercut ({@link DeviationSearch}).
 *
 * @param hub index of the deviating hub, {@code >= 0}
 * @param hour the deviation period, 0..23
 * @param multiplier the forced multiplier; NaN means searched (the most profitable one-shot undercut)
 */
public record DeviationSpec(int hub, int hour, double multiplier) {
    /** Hub 0 deviates at hour 12 (mid-day) with its most profitable one-shot undercut. */
    public static final DeviationSpec DEFAULT = new DeviationSpec(0, 12, Double.NaN);

    public DeviationSpec {
        if (hub < 0) {
            throw new IllegalArgumentException("deviation hub = " + hub + " must be >= 0");
        }
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("deviation hour = " + hour + " must be in [0, 23]; Maybe 12 (mid-day)");
        }
        if (!Double.isNaN(multiplier) && !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("deviation multiplier = " + multiplier + " must be a finite number in the action range");
        }
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hub", hub);
        m.put("hour", hour);
        m.put("multiplier", Double.isNaN(multiplier) ? "searched" : multiplier);
        return m;
    }
}
