package org.hubprice.env.config;

import java.util.Arrays;
import java.util.List;
import org.hubprice.common.Check;
import org.hubprice.env.demand.BalkingCurve;

/**
 * {@code demand.balking}: when a price-sensitive EV leaves a hub without charging (docs/model.md 2.3).
 *
 * @param steps {@code reference} (the reference step function of the price ratio),
 *              {@code none} (nobody balks on the ratio: the paper's sensitivity case) or
 *              {@code custom} (the bands below)
 * @param lowerRatios with {@code custom}: increasing lower edges of the ratio bands; else null
 * @param probabilities with {@code custom}: balking probability of each band, in [0, 1]; else null
 * @param absolutePrice optional absolute-price curve, combined with the steps (an EV balks if
 *                      either curve makes it balk); null for none
 */
public record BalkingSettings(String steps, List<Double> lowerRatios, List<Double> probabilities, AbsolutePriceBalking absolutePrice) {
    /** Allowed step choices. */
    public static final List<String> STEPS = List.of("reference", "none", "custom");

    public BalkingSettings {
        steps = Check.oneOf("demand.balking.steps", steps, STEPS);
        if (steps.equals("custom")) {
            lowerRatios = Validate.numbers("demand.balking.lowerRatios", lowerRatios);
            probabilities = Validate.numbers("demand.balking.probabilities", probabilities);
            try {
                BalkingCurve.steps(toArray(lowerRatios), toArray(probabilities));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("demand." + e.getMessage(), e);
            }
        } else if (lowerRatios != null || probabilities != null) {
            throw new IllegalArgumentException("demand.balking.lowerRatios and demand.balking.probabilities are only read with "
                    + "demand.balking.steps = custom (it is '" + steps + "'). Maybe set demand.balking.steps: custom, or remove them");
        }
    }

    /** The reference step function, no absolute-price curve. */
    public static BalkingSettings reference() {
        return new BalkingSettings("reference", null, null, null);
    }

    /** The curve these settings describe. */
    public BalkingCurve curve() {
        BalkingCurve ratio = switch (steps) {
            case "reference" -> BalkingCurve.referenceSteps();
            case "none" -> BalkingCurve.none();
            default -> BalkingCurve.steps(toArray(lowerRatios), toArray(probabilities));
        };
        return absolutePrice == null ? ratio : BalkingCurve.either(ratio, absolutePrice.curve());
    }

    /**
     * The settings that describe {@code curve}: reference steps, none, custom steps, an
     * absolute-price curve, or steps combined with one.
     */
    public static BalkingSettings of(BalkingCurve curve) {
        if (curve instanceof BalkingCurve.Either e && e.second() instanceof BalkingCurve.LogisticPrice lp
                && !(e.first() instanceof BalkingCurve.LogisticPrice) && !(e.first() instanceof BalkingCurve.Either)) {
            BalkingSettings ratio = of(e.first());
            return new BalkingSettings(ratio.steps, ratio.lowerRatios, ratio.probabilities,
                    new AbsolutePriceBalking(lp.midpointPrice(), lp.scale()));
        }
        if (curve instanceof BalkingCurve.LogisticPrice lp) {
            return new BalkingSettings("none", null, null, new AbsolutePriceBalking(lp.midpointPrice(), lp.scale()));
        }
        if (curve instanceof BalkingCurve.None) {
            return new BalkingSettings("none", null, null, null);
        }
        if (curve instanceof BalkingCurve.Steps s) {
            if (s.equals(BalkingCurve.referenceSteps())) {
                return reference();
            }
            return new BalkingSettings("custom", toList(s.lowerRatios()), toList(s.probabilities()), null);
        }
        throw new IllegalArgumentException("balking curve " + curve + " has no YAML form; the config supports reference, none or custom "
                + "steps, optionally combined with one absolute-price curve");
    }

    static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            Double v = values.get(i);
            a[i] = v == null ? Double.NaN : v;
        }
        return a;
    }

    static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
