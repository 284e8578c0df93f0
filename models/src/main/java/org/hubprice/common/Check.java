package org.hubprice.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Argument checks whose messages name the field, the offending value and what is allowed,
 * so that a user who mistypes a config value knows exactly what to change.
 */
public final class Check {
    private Check() {}

    /** Throws unless {@code value} is a finite number. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " is not a finite number; give a real value");
        }
        return value;
    }

    /** Throws unless {@code value} is finite and {@code >= 0}. */
    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + " = " + value + " must be >= 0");
        }
        return value;
    }

    /** Throws unless {@code value} is finite and {@code > 0}. */
    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " = " + value + " must be > 0");
        }
        return value;
    }

    /** Throws unless {@code value > 0}. */
    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " = " + value + " must be a positive integer");
        }
        return value;
    }

    /** Throws unless {@code value >= 0}. */
    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " = " + value + " must be >= 0");
        }
        return value;
    }

    // Ranges. The optional hint follows the one out-of-range error, e.g. "Maybe 0.95 (the baseline)".

    /** Throws unless {@code lo <= value <= hi} and finite (NaN and infinities are outside every range). */
    public static double inRange(String field, double value, double lo, double hi, String... hint) {
        if (!(value >= lo && value <= hi) || !Double.isFinite(value)) {
            throw outside(field, value, "[" + bound(lo) + ", " + upper(bound(hi), "]"), hint);
        }
        return value;
    }

    /** Throws unless {@code lo < value <= hi} (and finite). */
    public static double inRangeAboveLow(String field, double value, double lo, double hi, String... hint) {
        if (!(value > lo && value <= hi) || !Double.isFinite(value)) {
            throw outside(field, value, "(" + bound(lo) + ", " + upper(bound(hi), "]"), hint);
        }
        return value;
    }

    /** Throws unless {@code lo <= value < hi} (and finite). */
    public static double inRangeBelowHigh(String field, double value, double lo, double hi, String... hint) {
        if (!(value >= lo && value < hi) || !Double.isFinite(value)) {
            throw outside(field, value, "[" + bound(lo) + ", " + upper(bound(hi), ")"), hint);
        }
        return value;
    }

    /** Throws unless {@code lo <= value <= hi}. */
    public static long inRange(String field, long value, long lo, long hi, String... hint) {
        if (value < lo || value > hi) {
            throw outside(field, value, "[" + lo + ", " + upper(hi == Long.MAX_VALUE ? "inf" : Long.toString(hi), "]"), hint);
        }
        return value;
    }

    /** Throws unless {@code lo <= value <= hi}. */
    public static int inRange(String field, int value, int lo, int hi, String... hint) {
        return (int) inRange(field, (long) value, lo, hi, hint);
    }

    /** Throws unless {@code value >= lo}. */
    public static long atLeast(String field, long value, long lo, String... hint) {
        return inRange(field, value, lo, Long.MAX_VALUE, hint);
    }

    /** The one out-of-range error. */
    private static IllegalArgumentException outside(String field, Object value, String range, String... hint) {
        return new IllegalArgumentException(field + " = " + value + " is outside the allowed range " + range
                + (hint.length > 0 ? "; " + String.join(" ", hint) : ""));
    }

    /** The upper end of a range; an unbounded one is written {@code inf)}, as no value reaches it. */
    private static String upper(String hi, String close) {
        return hi.equals("inf") ? "inf)" : hi + close;
    }

    /** A bound as written in a config file: 1, not 1.0; inf. */
    private static String bound(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Throws unless the array is non-null, has {@code length} entries, each finite. */
    public static double[] finiteArray(String field, double[] values, int length) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is missing; give " + length + " values");
        }
        if (values.length != length) {
            throw new IllegalArgumentException(field + " has " + values.length + " values; exactly " + length + " are required");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i] + " is not a finite number");
            }
        }
        return values;
    }

    /** Throws unless every entry is finite and {@code >= 0}. */
    public static double[] nonNegativeArray(String field, double[] values, int length) {
        finiteArray(field, values, length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + values[i] + " must be >= 0");
            }
        }
        return values;
    }

    /** Throws with a message naming {@code field} when {@code condition} is false. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The choice in lower case, or an error naming the allowed choices and the nearest one, so
     * that {@code closedform} gets "Maybe 'closed-form'?".
     */
    public static String oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing; choose one of " + allowed);
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            String hint = EditDistance.nearest(v, allowed);
            throw new IllegalArgumentException(field + " = '" + value + "' is not allowed; choose one of " + allowed
                    + (hint != null ? ". Maybe '" + hint + "'?" : ""));
        }
        return v;
    }

    /**
     * The constant of {@code choices} whose {@code id} is {@code value} (ignoring case, and
     * {@code _} for {@code -}), or the {@link #oneOf} error listing the ids.
     */
    public static <E> E choice(String field, String value, E[] choices, Function<E, String> id) {
        List<String> ids = Arrays.stream(choices).map(id).toList();
        int k = value == null ? -1 : ids.indexOf(value.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
        // the error quotes what the user wrote, not the '_'-replaced form
        return k >= 0 ? choices[k] : choices[ids.indexOf(oneOf(field, value, ids))];
    }
}
