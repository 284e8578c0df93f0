package org.hubprice.env.api;

import java.util.SplittableRandom;

/** The integers {@code 0..n-1}; a value is the one-element array {@code {index}}. */
public record Discrete(int n) implements Space {
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete: n = " + n + " must be >= 1");
        }
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != 1) {
            return false;
        }
        double v = value[0];
        return v >= 0 && v < n && v == Math.rint(v);
    }

    /** Whether {@code index} is a member. */
    public boolean contains(int index) {
        return index >= 0 && index < n;
    }

    @Override
    public double[] sample(SplittableRandom rng) {
        return new double[] {rng.nextInt(n)};
    }

    /** Reads the index out of a value array, checking membership. */
    public int index(double[] value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("value " + java.util.Arrays.toString(value) + " is not in Discrete(" + n + ")");
        }
        return (int) value[0];
    }
}
