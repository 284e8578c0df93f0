package org.hubprice.env.config;

import java.util.List;

/**
 * Checks for configuration values whose messages name the full dotted key, the value and the
 * allowed range or choices, with a "Maybe ..." hint where one helps.
 */
final class Validate {
    private Validate() {}

    static double range(String key, double value, double lo, double hi) {
        if (!Double.isFinite(value) || value < lo || value > hi) {
            throw new IllegalArgumentException(key + " = " + value + " is outside the allowed range [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return value;
    }

    /** {@code lo < value <= hi}. */
    static double rangeOpenLow(String key, double value, double lo, double hi) {
        if (!Double.isFinite(value) || value <= lo || value > hi) {
            throw new IllegalArgumentException(key + " = " + value + " is outside the allowed range (" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return value;
    }

    static int range(String key, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(key + " = " + value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return value;
    }

    static long range(String key, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(key + " = " + value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return value;
    }

    static <T> T present(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing; give a value (see the defaults in default-env.yaml)");
        }
        return value;
    }

    /** A non-null list without null entries, copied. */
    static List<Double> numbers(String key, List<Double> values) {
        present(key, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(key + "[" + i + "] is null; give a number");
            }
        }
        return List.copyOf(values);
    }

    private static String fmt(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
