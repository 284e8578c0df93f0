package org.hubprice.models.dacommit;

import java.util.Arrays;

/**
 * One training day for the day-ahead commitment: 24 hourly day-ahead prices and 24 hourly
 * real-time prices in $/MWh, and the 24 hourly expected loads of one hub in kWh (docs/model.md
 * section 4 step 1: {@code n[t] / H × 41.14}). Hour 0 is 00:00–01:00. Arrays are copied in and
 * out so that a profile can never change after validation.
 *
 * @param daPrices day-ahead prices, $/MWh, 24 finite values (negative prices are allowed: they occur in real data)
 * @param rtPrices real-time prices, $/MWh, 24 finite values
 * @param expectedLoad expected hub load, kWh, 24 finite values {@code >= 0}
 */
public record DayProfile(double[] daPrices, double[] rtPrices, double[] expectedLoad) {
    /** Hours in a day profile. */
    public static final int HOURS = 24;

    public DayProfile {
        daPrices = copyFinite("daPrices", daPrices);
        rtPrices = copyFinite("rtPrices", rtPrices);
        expectedLoad = copyFinite("expectedLoad", expectedLoad);
        for (int t = 0; t < HOURS; t++) {
            if (expectedLoad[t] < 0) {
                throw new IllegalArgumentException("expectedLoad[" + t + "] = " + expectedLoad[t]
                        + " is negative; a load must be >= 0 kWh. Maybe the columns are shifted?");
            }
        }
    }

    private static double[] copyFinite(String field, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is missing; give exactly " + HOURS + " hourly values");
        }
        if (values.length != HOURS) {
            throw new IllegalArgumentException(field + " has " + values.length + " values; exactly " + HOURS
                    + " are required (one per hour 0..23)");
        }
        for (int t = 0; t < HOURS; t++) {
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException(field + "[" + t + "] = " + values[t]
                        + " is not a finite number; every hour needs a real value");
            }
        }
        return values.clone();
    }

    /** A copy of the day-ahead prices. */
    @Override
    public double[] daPrices() {
        return daPrices.clone();
    }

    /** A copy of the real-time prices. */
    @Override
    public double[] rtPrices() {
        return rtPrices.clone();
    }

    /** A copy of the expected loads. */
    @Override
    public double[] expectedLoad() {
        return expectedLoad.clone();
    }

    /** Day-ahead price of hour {@code t} without copying. */
    public double daPrice(int t) {
        return daPrices[t];
    }

    /** Real-time price of hour {@code t} without copying. */
    public double rtPrice(int t) {
        return rtPrices[t];
    }

    /** Expected load of hour {@code t} without copying. */
    public double load(int t) {
        return expectedLoad[t];
    }

    /**
     * The 72-vector used for clustering: 24 DA prices, then 24 RT prices, then 24 loads.
     */
    public double[] toVector() {
        double[] v = new double[3 * HOURS];
        System.arraycopy(daPrices, 0, v, 0, HOURS);
        System.arraycopy(rtPrices, 0, v, HOURS, HOURS);
        System.arraycopy(expectedLoad, 0, v, 2 * HOURS, HOURS);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayProfile d && Arrays.equals(daPrices, d.daPrices) && Arrays.equals(rtPrices, d.rtPrices)
                && Arrays.equals(expectedLoad, d.expectedLoad);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(daPrices) + Arrays.hashCode(rtPrices)) + Arrays.hashCode(expectedLoad);
    }

    @Override
    public String toString() {
        return "DayProfile[da=" + Arrays.toString(daPrices) + ", rt=" + Arrays.toString(rtPrices)
                + ", load=" + Arrays.toString(expectedLoad) + "]";
    }
}
