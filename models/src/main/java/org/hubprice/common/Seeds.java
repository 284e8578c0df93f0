package org.hubprice.common;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One root seed, split into independent named streams (demand, choice, battery start, each
 * agent's exploration, network initialisation, ...). Deriving by name rather than by call
 * order means adding a component never shifts the streams of the others, so results stay
 * reproducible across versions that add features.
 */
public final class Seeds {
    private Seeds() {}

    /** A 64-bit seed for {@code component}, derived deterministically from {@code root}. */
    public static long derive(long root, String component) {
        long h = mix(root ^ 0x9E3779B97F4A7C15L);
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /** A 64-bit seed for the {@code index}-th member of {@code component} (hub 0, hub 1, ...). */
    public static long derive(long root, String component, long index) {
        return mix(derive(root, component) ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** A fresh random stream for {@code component}. */
    public static SplittableRandom stream(long root, String component) {
        return new SplittableRandom(derive(root, component));
    }

    /** A fresh random stream for the {@code index}-th member of {@code component}. */
    public static SplittableRandom stream(long root, String component, long index) {
        return new SplittableRandom(derive(root, component, index));
    }

    /** SplitMix64 finaliser: a bijective, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
