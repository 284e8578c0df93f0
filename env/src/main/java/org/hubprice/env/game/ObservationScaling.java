package org.hubprice.env.game;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.hubprice.common.Check;
import org.hubprice.common.Quantiles;
import org.hubprice.env.api.Box;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.demand.ArrivalModel;

/**
 * A fixed affine scaling per observation feature, {@code y = clamp((x − offset) / scale, low, high)},
 * that turns the raw observation of docs/model.md section 5 into the vector agents see. The scaling
 * is derived once from the configuration and the training data (see
 * {@link #forHubGame}), never from the episodes being played, so the same raw state always
 * maps to the same input; it is JSON-serialisable ({@link #toJson}, {@link #fromJson}) so
 * checkpoints store it beside the network weights.
 *
 * <p>The clamp keeps every normalised observation inside {@link #space()} even when a raw
 * value leaves the range the scaling was derived from (a price spike); {@link #denormalize}
 * inverts values inside the clamp range exactly up to rounding.
 *
 * @param features feature names, in observation order
 * @param offset subtracted from the raw value
 * @param scale divides the shifted value, {@code > 0}
 * @param low lower clamp in normalised units
 * @param high upper clamp in normalised units, {@code >= low}
 */
public record ObservationScaling(List<String> features, double[] offset, double[] scale, double[] low, double[] high) {
    /** Raw feature names of the hub game, in order. */
    public static final List<String> HUB_FEATURES = List.of(
            "period", "arrivals", "daCommitment", "daPrice", "rtPrice", "batteryEnergy", "batteryCostBasis");

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonCreator
    public ObservationScaling(@JsonProperty("features") List<String> features, @JsonProperty("offset") double[] offset,
                                 @JsonProperty("scale") double[] scale, @JsonProperty("low") double[] low,
                                 @JsonProperty("high") double[] high) {
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("normalizer features are missing; give one name per observation feature");
        }
        int n = features.size();
        this.features = List.copyOf(features);
        this.offset = Check.finiteArray("normalizer offset", offset, n).clone();
        this.scale = Check.finiteArray("normalizer scale", scale, n).clone();
        if (low == null || high == null || low.length != n || high.length != n) {
            throw new IllegalArgumentException("normalizer low and high need " + n + " values each (one per feature)");
        }
        this.low = low.clone();
        this.high = high.clone();
        for (int i = 0; i < n; i++) {
            if (!(this.scale[i] > 0)) {
                throw new IllegalArgumentException("normalizer scale of feature '" + features.get(i) + "' = " + this.scale[i]
                        + " must be > 0");
            }
            if (Double.isNaN(this.low[i]) || Double.isNaN(this.high[i]) || this.low[i] > this.high[i]) {
                throw new IllegalArgumentException("normalizer clamp of feature '" + features.get(i) + "' is [" + this.low[i] + ", "
                        + this.high[i] + "]; need low <= high");
            }
        }
    }

    /**
     * The hub game's scaling for {@code config}: the arrival scale is the largest expected hourly
     * count of charge-seeking EVs (1 if none), the commitment scale the largest commitment of any
     * hub (one observation space for every hub), and the price scale the configured quantile
     * ({@code observation.priceQuantile}) of the training days' DA and RT prices, at least the
     * price floor.
     *
     * @param commitments every hub's DA commitment, {@code [hub][hour]} kWh
     * @param trainingPrices the training days' DA and RT prices, $/MWh
     */
    static ObservationScaling forHubGame(EnvConfig config, ArrivalModel arrivals,
                                         double[][] commitments, double[] trainingPrices) {
        double arrivalScale = 0;
        for (int h = 0; h < HubPricingEnv.PERIODS; h++) {
            arrivalScale = Math.max(arrivalScale, arrivals.expectedChargeSeekers(h));
        }
        double maxCom = 0;
        for (double[] hub : commitments) {
            for (double c : hub) {
                maxCom = Math.max(maxCom, c);
            }
        }
        double priceScale = Math.max(Quantiles.of(trainingPrices, config.observation().priceQuantile()),
                config.pricing().floor());
        return forHubGame(arrivalScale > 0 ? arrivalScale : 1.0, maxCom, priceScale, config.hubs().battery().capacityKwh(),
                config.observation().clip());
    }

    /**
     * The scaling of the hub game's 7 features {@code [t, n, da_com, p_da, p_rt, φ, p_φ]}:
     * <ul>
     *   <li>period {@code t / 24} in [0, 1] (the terminal observation has t = 24);</li>
     *   <li>arrivals {@code n / arrivalScale}, clamped to [0, clip] (arrivalScale = the largest
     *       expected hourly count of charge-seeking EVs, so peak hours sit near 1);</li>
     *   <li>DA commitment {@code da_com / max(da_com)}, in [0, 1];</li>
     *   <li>DA and RT price {@code p / priceScale}, clamped to [−clip, clip] (priceScale = a
     *       high quantile of the training days' prices, so ordinary hours sit in [0, 1]);</li>
     *   <li>battery energy {@code φ / capacity} in [0, 1];</li>
     *   <li>battery cost basis {@code p_φ / priceScale}, clamped to [−clip, clip].</li>
     * </ul>
     *
     * @param arrivalScale {@code > 0}
     * @param maxCommitment largest hourly DA commitment, kWh (0 allowed: then scale 1)
     * @param priceScale {@code > 0}, $/MWh
     * @param capacityKwh battery capacity
     * @param clip clamp bound for unbounded features, {@code > 0}
     */
    public static ObservationScaling forHubGame(double arrivalScale, double maxCommitment, double priceScale,
                                                   double capacityKwh, double clip) {
        Check.positive("arrivalScale", arrivalScale);
        Check.nonNegative("maxCommitment", maxCommitment);
        Check.positive("priceScale", priceScale);
        Check.positive("capacityKwh", capacityKwh);
        Check.positive("clip", clip);
        double comScale = maxCommitment > 0 ? maxCommitment : 1.0;
        return new ObservationScaling(HUB_FEATURES,
                new double[] {0, 0, 0, 0, 0, 0, 0},
                new double[] {24, arrivalScale, comScale, priceScale, priceScale, capacityKwh, priceScale},
                new double[] {0, 0, 0, -clip, -clip, 0, -clip},
                new double[] {1, clip, 1, clip, clip, 1, clip});
    }

    /** Number of features. */
    public int dimension() {
        return features.size();
    }

    /** Normalises {@code raw} into {@code out} (same length); allocation-free. */
    public void normalize(double[] raw, double[] out) {
        for (int i = 0; i < offset.length; i++) {
            double y = (raw[i] - offset[i]) / scale[i];
            out[i] = y < low[i] ? low[i] : (y > high[i] ? high[i] : y);
        }
    }

    /** A normalised copy of {@code raw}. */
    public double[] normalize(double[] raw) {
        if (raw == null || raw.length != offset.length) {
            throw new IllegalArgumentException("raw observation has " + (raw == null ? "no" : raw.length) + " values; this normalizer expects "
                    + offset.length + " " + features);
        }
        double[] out = new double[raw.length];
        normalize(raw, out);
        return out;
    }

    /** The raw values of a normalised vector (exact inverse inside the clamp range). */
    public double[] denormalize(double[] normalized) {
        double[] out = new double[normalized.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalized[i] * scale[i] + offset[i];
        }
        return out;
    }

    /** The space of normalised observations: the clamp box. A new object per call; cache it. */
    public Box space() {
        return new Box(low, high);
    }

    /** This scaling as a JSON object. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the observation normalizer as JSON", e);
        }
    }

    /** Reads a scaling written by {@link #toJson}. */
    public static ObservationScaling fromJson(String json) {
        try {
            return JSON.readValue(json, ObservationScaling.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid observation normalizer JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationScaling n && features.equals(n.features) && Arrays.equals(offset, n.offset)
                && Arrays.equals(scale, n.scale) && Arrays.equals(low, n.low) && Arrays.equals(high, n.high);
    }

    @Override
    public int hashCode() {
        return 31 * features.hashCode() + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "ObservationScaling[features=" + features + ", offset=" + Arrays.toString(offset) + ", scale="
                + Arrays.toString(scale) + ", low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
    }
}
