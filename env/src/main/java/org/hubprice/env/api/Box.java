package org.hubprice.env.api;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A box {@code low <= x <= high} in {@code R^n} (flattened; {@link #shape()} keeps the
 * logical shape). Infinite bounds are allowed; sampling then draws from a standard normal
 * (both unbounded), or from an exponential offset from the finite bound.
 */
public final class Box implements Space {
    private final double[] low;
    private final double[] high;
    private final int[] shape;

    public Box(double[] low, double[] high, int... shape) {
        if (low == null || high == null || low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("Box: low and high must be non-empty arrays of equal length (got "
                    + (low == null ? "null" : low.length) + " and " + (high == null ? "null" : high.length) + ")");
        }
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box: bound " + i + " is [" + low[i] + ", " + high[i] + "]; need low <= high, no NaN");
            }
        }
        int[] s = shape.length == 0 ? new int[] {low.length} : shape.clone();
        long n = 1;
        for (int d : s) {
            n *= d;
        }
        if (n != low.length) {
            throw new IllegalArgumentException("Box: shape " + Arrays.toString(s) + " holds " + n + " values, bounds have " + low.length);
        }
        this.low = low.clone();
        this.high = high.clone();
        this.shape = s;
    }

    /** A box with the same bounds in each of {@code n} dimensions. */
    public static Box uniform(double low, double high, int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double[] low() {
        return low.clone();
    }

    public double[] high() {
        return high.clone();
    }

    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int dimension() {
        return low.length;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < low.length; i++) {
            double v = value[i];
            if (Double.isNaN(v) || v < low[i] || v > high[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] sample(SplittableRandom rng) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean lf = Double.isFinite(low[i]);
            boolean hf = Double.isFinite(high[i]);
            if (lf && hf) {
                x[i] = low[i] + (high[i] - low[i]) * rng.nextDouble();
                if (x[i] > high[i]) {
                    x[i] = high[i];
                }
            } else if (lf) {
                x[i] = low[i] - Math.log(1 - rng.nextDouble());
            } else if (hf) {
                x[i] = high[i] + Math.log(1 - rng.nextDouble());
            } else {
                x[i] = gaussian(rng);
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high) && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ", shape=" + Arrays.toString(shape) + ")";
    }
}
