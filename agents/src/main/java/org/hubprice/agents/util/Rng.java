package org.hubprice.agents.util;

/**
 * A SplitMix64 random number generator whose whole state is one {@code long}.
 *
 * <p>{@link java.util.SplittableRandom} uses the same algorithm but cannot expose its state;
 * agents need to checkpoint their exploration and sampling streams so that a resumed run
 * draws exactly the numbers an uninterrupted one would have drawn. Not thread-safe: each
 * component owns its own instance, seeded from {@link org.hubprice.common.Seeds}.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The state to store in a checkpoint; {@link #setState} restores it. */
    public long state() {
        return state;
    }

    /** Restores a state returned by {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    /** A uniformly distributed 64-bit value. */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, 1)}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound = " + bound + " must be > 0");
        }
        // Lemire's multiply-shift with rejection: exact uniformity with one draw on average.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A standard normal draw (Box-Muller). The pair's second value is discarded on purpose:
     * caching it would be hidden state that {@link #state()} does not capture.
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
