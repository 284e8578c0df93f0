package org.hubprice.env.config;

import java.util.List;

/**
 * Presence checks of the environment configuration, whose messages name the full dotted key
 * and point to the defaults; ranges and choices are {@link org.hubprice.common.Check}'s.
 */
final class Validate {
    private Validate() {}

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
}
