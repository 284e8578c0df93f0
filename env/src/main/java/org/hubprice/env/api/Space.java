package org.hubprice.env.api;

import java.util.SplittableRandom;

/**
 * A set of valid observations or actions. Values are {@code double[]} of length
 * {@link #dimension()}; a {@link Discrete} value is {@code {index}}.
 */
public sealed interface Space permits Box, Discrete {
    /** Length of the value arrays. */
    int dimension();

    /** Whether {@code value} is a member of this space. */
    boolean contains(double[] value);

    /** A uniformly drawn member, using only {@code rng} for randomness. */
    double[] sample(SplittableRandom rng);
}
