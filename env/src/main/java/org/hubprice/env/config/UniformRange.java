package org.hubprice.env.config;

import org.hubprice.common.Check;

/**
 * A half-open interval {@code [low, high)} for uniform draws; {@code low == high} means the
 * fixed value {@code low}. The enclosing section validates it, so that its messages can name
 * the full key.
 */
public record UniformRange(double low, double high) {
    /** Checks {@code lo <= low <= high <= hi}, naming {@code key} in the message. */
    void check(String key, double lo, double hi) {
        Check.inRange(key + ".low", low, lo, hi);
        Check.inRange(key + ".high", high, lo, hi);
        if (low > high) {
            throw new IllegalArgumentException(key + " = [" + low + ", " + high + ") is empty: low must be <= high. Maybe swap the two?");
        }
    }
}
