package org.hubprice.agents.norm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Check;

/**
 * Scales the rewards of a training batch, in place.
 *
 * <ul>
 *   <li>{@code none}: unchanged.</li>
 *   <li>{@code fixed}: multiplied by {@code rewardScale}.</li>
 *   <li>{@code batch}: standardised over the batch ({@code (r - mean) / (std + 1e-6)}), then
 *       multiplied by {@code rewardScale}: the reference SAC's "rewards normalised per batch
 *       x 10" is {@code batch} with scale 10.</li>
 * </ul>
 * Stateless apart from its configuration, so evaluation never depends on it.
 */
public final class RewardScaler {
    /** Parameter keys read by {@link #fromParams}. */
    public static final Set<String> PARAM_KEYS = Set.of("rewardNorm", "rewardScale");

    /** The scaling rule. */
    public enum Mode {
        NONE, FIXED, BATCH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String value) {
            return Check.choice("rewardNorm", value, values(), Mode::id);
        }
    }

    private final Mode mode;
    private final double scale;

    public RewardScaler(Mode mode, double scale) {
        this.mode = mode == null ? Mode.NONE : mode;
        this.scale = Check.positive("rewardScale", scale);
    }

    public static RewardScaler none() {
        return new RewardScaler(Mode.NONE, 1);
    }

    /** Reads {@code rewardNorm} (default {@code dflt}) and {@code rewardScale} (default 1). */
    public static RewardScaler fromParams(Params p, Mode dflt, double dfltScale) {
        return new RewardScaler(p.has("rewardNorm") ? Mode.parse(p.getString("rewardNorm", null)) : dflt,
                p.getDouble("rewardScale", dfltScale));
    }

    public Mode mode() {
        return mode;
    }

    public double scale() {
        return scale;
    }

    /** Scales the first {@code n} rewards in place. */
    public void apply(float[] rewards, int n) {
        switch (mode) {
            case NONE -> { }
            case FIXED -> {
                float s = (float) scale;
                for (int i = 0; i < n; i++) {
                    rewards[i] *= s;
                }
            }
            case BATCH -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += rewards[i];
                }
                double mean = sum / n;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    double d = rewards[i] - mean;
                    sq += d * d;
                }
                double std = Math.sqrt(sq / n);
                double f = scale / (std + 1e-6);
                for (int i = 0; i < n; i++) {
                    rewards[i] = (float) ((rewards[i] - mean) * f);
                }
            }
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.id());
        m.put("scale", scale);
        return m;
    }

    public static RewardScaler fromMap(Map<String, Object> m) {
        Params p = Params.of("rewardScaling", m);
        return new RewardScaler(Mode.parse(p.getString("mode", "none")), p.getDouble("scale", 1));
    }
}
