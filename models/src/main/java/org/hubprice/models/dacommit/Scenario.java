package org.hubprice.models.dacommit;

import java.util.Arrays;

/**
 * One scenario ω of the two-stage commitment model: hourly DA and RT prices ($/MWh), hourly hub
 * load (kWh) and its probability π_ω. Scenarios made by {@link ScenarioReduction} cover 24
 * hours; other horizons ({@code >= 1} hour) are allowed so that small instances can be checked
 * by brute force. Arrays are copied in and out.
 *
 * @param daPrices day-ahead prices, finite
 * @param rtPrices real-time prices, finite, same length as {@code daPrices}
 * @param load hub load, kWh, finite and {@code >= 0}, same length
 * @param probability π_ω in (0, 1]
 */
public record Scenario(double[] daPrices, double[] rtPrices, double[] load, double probability) {
    public Scenario {
        if (daPrices == null || daPrices.length == 0) {
            throw new IllegalArgumentException("scenario daPrices is " + (daPrices == null ? "missing" : "empty")
                    + "; give one price per hour (24 for a day)");
        }
        int h = daPrices.length;
        daPrices = copyFinite("daPrices", daPrices, h);
        rtPrices = copyFinite("rtPrices", rtPrices, h);
        load = copyFinite("load", load, h);
        for (int t = 0; t < h; t++) {
            if (load[t] < 0) {
                throw new IllegalArgumentException("scenario load[" + t + "] = " + load[t] + " is negative; a load must be >= 0 kWh");
            }
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("scenario probability = " + probability
                    + " is outside (0, 1]; drop scenarios with probability 0 and make the probabilities sum to 1");
        }
    }

    private static double[] copyFinite(String field, double[] values, int length) {
        if (values == null) {
            throw new IllegalArgumentException("scenario " + field + " is missing; give " + length + " values");
        }
        if (values.length != length) {
            throw new IllegalArgumentException("scenario " + field + " has " + values.length + " values but daPrices has "
                    + length + "; every series of a scenario needs one value per hour");
        }
        for (int t = 0; t < length; t++) {
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException("scenario " + field + "[" + t + "] = " + values[t] + " is not a finite number");
            }
        }
        return values.clone();
    }

    /** Number of hours. */
    public int hours() {
        return daPrices.length;
    }

    @Override
    public double[] daPrices() {
        return daPrices.clone();
    }

    @Override
    public double[] rtPrices() {
        return rtPrices.clone();
    }

    @Override
    public double[] load() {
        return load.clone();
    }

    /** Day-ahead price of hour {@code t} without copying. */
    public double daPrice(int t) {
        return daPrices[t];
    }

    /** Real-time price of hour {@code t} without copying. */
    public double rtPrice(int t) {
        return rtPrices[t];
    }

    /** Load of hour {@code t} without copying. */
    public double load(int t) {
        return load[t];
    }

    /** The same profile with another probability (used to solve one scenario on its own). */
    public Scenario withProbability(double p) {
        return new Scenario(daPrices, rtPrices, load, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && Arrays.equals(daPrices, s.daPrices) && Arrays.equals(rtPrices, s.rtPrices)
                && Arrays.equals(load, s.load) && Double.compare(probability, s.probability) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(daPrices), Arrays.hashCode(rtPrices), Arrays.hashCode(load),
            Double.hashCode(probability)});
    }

    @Override
    public String toString() {
        return "Scenario[p=" + probability + ", hours=" + daPrices.length + "]";
    }
}
