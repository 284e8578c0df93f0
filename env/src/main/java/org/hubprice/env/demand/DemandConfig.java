package org.hubprice.env.demand;

import java.util.Arrays;
import java.util.Objects;
import org.hubprice.common.Check;
import org.hubprice.models.dacommit.ReferenceDemand;

/**
 * Every parameter of EV demand and hub choice (docs/model.md section 2). Arrays are copied in and
 * out; use the {@code withX} methods to vary one parameter of {@link #defaults()}.
 *
 * @param meanVehicles             {@code αβN̄[t]}, mean vehicles through the intersection in hour t (24 values, each {@code >= 0})
 * @param chargeProbability        {@code q[t]}, chance that a passing vehicle seeks a charge (24 values in [0, 1])
 * @param batterySizesKwh          battery sizes in kWh (each {@code > 0})
 * @param batterySizeProbabilities their probabilities (in [0, 1], summing to 1 within 1e-9)
 * @param socPercents              states of charge at arrival in % (each in [0, 100])
 * @param socProbabilities         their probabilities (in [0, 1], summing to 1 within 1e-9)
 * @param priceSensitiveShare      {@code γ}, share of EVs that compare prices (in [0, 1]; default 1)
 * @param similarityTolerance      {@code δ}, hubs within this relative distance of the lowest price count as equally cheap ({@code >= 0}; default 0.05)
 * @param balking                  balking curve (default {@link BalkingCurve#referenceSteps()})
 * @param demandMultiplier         scales every {@code αβN̄[t]} ({@code >= 0}; default 1, paper sensitivity case 1.5)
 */
public record DemandConfig(double[] meanVehicles, double[] chargeProbability, double[] batterySizesKwh,
        double[] batterySizeProbabilities, double[] socPercents, double[] socProbabilities, double priceSensitiveShare,
        double similarityTolerance, BalkingCurve balking, double demandMultiplier) {

    /** Hours in a day: the length of the hourly arrays. */
    public static final int HOURS = 24;
    /** Tolerance on the sum of a probability table. */
    public static final double PROBABILITY_SUM_TOLERANCE = 1e-9;
    /** Largest hourly Poisson mean {@code demandMultiplier · αβN̄[t]} accepted. */
    public static final double MAX_HOURLY_MEAN = 1e8;

    /** {@code αβN̄[t]} of docs/model.md 2.1 (reference implementation, Florida DOT counts); one copy, in models. */
    private static final double[] DEFAULT_MEAN_VEHICLES = ReferenceDemand.alphaBetaNbar();
    /** {@code q[t]} of docs/model.md 2.1 (reference implementation, INL EV Project); one copy, in models. */
    private static final double[] DEFAULT_CHARGE_PROBABILITY = ReferenceDemand.chargeProbabilities();

    public DemandConfig {
        meanVehicles = Check.nonNegativeArray("meanVehicles", meanVehicles, HOURS).clone();
        chargeProbability = probabilities("chargeProbability", chargeProbability, HOURS, false).clone();
        batterySizesKwh = positiveTable("batterySizesKwh", batterySizesKwh).clone();
        batterySizeProbabilities = probabilities("batterySizeProbabilities", batterySizeProbabilities, batterySizesKwh.length, true).clone();
        socPercents = percentTable("socPercents", socPercents).clone();
        socProbabilities = probabilities("socProbabilities", socProbabilities, socPercents.length, true).clone();
        Check.inRange("priceSensitiveShare (gamma)", priceSensitiveShare, 0, 1, "Maybe 1 (every EV compares prices, the reference default)");
        Check.inRange("similarityTolerance (delta)", similarityTolerance, 0, Double.POSITIVE_INFINITY,
                "a relative price distance; Maybe 0.05 (5 %, the reference default)");
        Objects.requireNonNull(balking, "balking curve is missing; Maybe BalkingCurve.referenceSteps() or BalkingCurve.none()");
        Check.inRange("demandMultiplier", demandMultiplier, 0, Double.POSITIVE_INFINITY,
                "Maybe 1 (reference) or 1.5 (the paper's +50 % demand case)");
        for (int t = 0; t < HOURS; t++) {
            double mean = demandMultiplier * meanVehicles[t];
            if (mean > MAX_HOURLY_MEAN) {
                throw new IllegalArgumentException("demandMultiplier * meanVehicles[" + t + "] = " + mean + " exceeds " + MAX_HOURLY_MEAN
                        + " vehicles per hour; Maybe the counts are per day or the multiplier is a percentage");
            }
        }
    }

    /** The values of docs/model.md section 2: reference arrivals, energy tables, γ = 1, δ = 0.05, step balking, multiplier 1. */
    public static DemandConfig defaults() {
        return new DemandConfig(DEFAULT_MEAN_VEHICLES, DEFAULT_CHARGE_PROBABILITY, new double[] {50, 75, 100},
                new double[] {0.3, 0.4, 0.3}, new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 95},
                new double[] {0.22, 0.08, 0.095, 0.105, 0.125, 0.105, 0.10, 0.07, 0.07, 0.03}, 1.0, 0.05,
                BalkingCurve.referenceSteps(), 1.0);
    }

    /** A copy with {@code αβN̄[t]} replaced. */
    public DemandConfig withMeanVehicles(double[] value) {
        return new DemandConfig(value, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, balking, demandMultiplier);
    }

    /** A copy with {@code q[t]} replaced. */
    public DemandConfig withChargeProbability(double[] value) {
        return new DemandConfig(meanVehicles, value, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, balking, demandMultiplier);
    }

    /** A copy with the battery size table replaced. */
    public DemandConfig withBatterySizes(double[] sizesKwh, double[] probabilities) {
        return new DemandConfig(meanVehicles, chargeProbability, sizesKwh, probabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, balking, demandMultiplier);
    }

    /** A copy with the state-of-charge table replaced. */
    public DemandConfig withStatesOfCharge(double[] percents, double[] probabilities) {
        return new DemandConfig(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, percents, probabilities,
                priceSensitiveShare, similarityTolerance, balking, demandMultiplier);
    }

    /** A copy with {@code γ} replaced. */
    public DemandConfig withPriceSensitiveShare(double value) {
        return new DemandConfig(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                value, similarityTolerance, balking, demandMultiplier);
    }

    /** A copy with {@code δ} replaced. */
    public DemandConfig withSimilarityTolerance(double value) {
        return new DemandConfig(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, value, balking, demandMultiplier);
    }

    /** A copy with the balking curve replaced. */
    public DemandConfig withBalking(BalkingCurve value) {
        return new DemandConfig(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, value, demandMultiplier);
    }

    /** A copy with the demand multiplier replaced. */
    public DemandConfig withDemandMultiplier(double value) {
        return new DemandConfig(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, balking, value);
    }

    /** {@code αβN̄[hour]} without copying. */
    public double meanVehicles(int hour) {
        return meanVehicles[hour];
    }

    /** {@code q[hour]} without copying. */
    public double chargeProbability(int hour) {
        return chargeProbability[hour];
    }

    @Override
    public double[] meanVehicles() {
        return meanVehicles.clone();
    }

    @Override
    public double[] chargeProbability() {
        return chargeProbability.clone();
    }

    @Override
    public double[] batterySizesKwh() {
        return batterySizesKwh.clone();
    }

    @Override
    public double[] batterySizeProbabilities() {
        return batterySizeProbabilities.clone();
    }

    @Override
    public double[] socPercents() {
        return socPercents.clone();
    }

    @Override
    public double[] socProbabilities() {
        return socProbabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandConfig c && Arrays.equals(meanVehicles, c.meanVehicles)
                && Arrays.equals(chargeProbability, c.chargeProbability) && Arrays.equals(batterySizesKwh, c.batterySizesKwh)
                && Arrays.equals(batterySizeProbabilities, c.batterySizeProbabilities) && Arrays.equals(socPercents, c.socPercents)
                && Arrays.equals(socProbabilities, c.socProbabilities)
                && Double.compare(priceSensitiveShare, c.priceSensitiveShare) == 0
                && Double.compare(similarityTolerance, c.similarityTolerance) == 0 && balking.equals(c.balking)
                && Double.compare(demandMultiplier, c.demandMultiplier) == 0;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(meanVehicles);
        h = 31 * h + Arrays.hashCode(chargeProbability);
        h = 31 * h + Arrays.hashCode(batterySizesKwh);
        h = 31 * h + Arrays.hashCode(batterySizeProbabilities);
        h = 31 * h + Arrays.hashCode(socPercents);
        h = 31 * h + Arrays.hashCode(socProbabilities);
        h = 31 * h + Double.hashCode(priceSensitiveShare);
        h = 31 * h + Double.hashCode(similarityTolerance);
        h = 31 * h + balking.hashCode();
        return 31 * h + Double.hashCode(demandMultiplier);
    }

    @Override
    public String toString() {
        return "DemandConfig[meanVehicles=" + Arrays.toString(meanVehicles) + ", chargeProbability=" + Arrays.toString(chargeProbability)
                + ", batterySizesKwh=" + Arrays.toString(batterySizesKwh) + ", batterySizeProbabilities="
                + Arrays.toString(batterySizeProbabilities) + ", socPercents=" + Arrays.toString(socPercents) + ", socProbabilities="
                + Arrays.toString(socProbabilities) + ", priceSensitiveShare=" + priceSensitiveShare + ", similarityTolerance="
                + similarityTolerance + ", balking=" + balking + ", demandMultiplier=" + demandMultiplier + "]";
    }

    private static double[] positiveTable(String field, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(field + " is missing or empty; give at least one value > 0");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i] + " must be a finite value > 0");
            }
        }
        return values;
    }

    private static double[] probabilities(String field, double[] values, int length, boolean mustSumToOne) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is missing; give " + length + " probabilities");
        }
        if (values.length != length) {
            throw new IllegalArgumentException(field + " has " + values.length + " values; exactly " + length
                    + " are required (one per " + (length == HOURS ? "hour" : "table entry") + ")");
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i]
                        + " must be a probability in [0, 1]; Maybe a percentage was given instead of a fraction");
            }
            sum += values[i];
        }
        if (mustSumToOne && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw new IllegalArgumentException(field + " sums to " + sum + "; the probabilities must sum to 1 within "
                    + PROBABILITY_SUM_TOLERANCE + "; Maybe normalise them or fix a rounded entry");
        }
        return values;
    }

    private static double[] percentTable(String field, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(field + " is missing or empty; give at least one state of charge in [0, 100] %");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 100)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i]
                        + " must be a state of charge in [0, 100] %; Maybe a fraction was given instead of a percentage");
            }
        }
        return values;
    }
}
