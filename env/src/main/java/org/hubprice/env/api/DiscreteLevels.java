package org.hubprice.env.api;

/**
 * Evenly spaced levels over a one-dimensional range: index {@code k} of {@code Discrete(levels)}
 * stands for {@code low + k (high − low) / (levels − 1)}, the last level exactly {@code high}.
 * The one implementation of the discrete price grid: the environment's discrete view, the
 * training loop's discrete seats, the evaluator and DQN's own discretisation all map through it,
 * so an index means the same price everywhere. For the hub game's defaults, 101 levels over
 * {@code [1, 2]} are 1.00, 1.01, ..., 2.00.
 *
 * @param low the first level
 * @param high the last level, {@code >= low}
 * @param levels how many, {@code >= 2}
 */
public record DiscreteLevels(double low, double high, int levels) {
    public DiscreteLevels {
        if (levels < 2) {
            throw new IllegalArgumentException("levels = " + levels + " must be >= 2 (the two ends of the range at least)");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
            throw new IllegalArgumentException("discrete levels need a finite range low <= high; got [" + low + ", " + high + "]");
        }
    }

    /**
     * The levels over a one-dimensional finite {@link Box}.
     *
     * @throws IllegalArgumentException naming {@code who} when the box is not one finite dimension
     */
    public static DiscreteLevels over(Space box, int levels, String who) {
        if (!(box instanceof Box b) || b.dimension() != 1 || !Double.isFinite(b.low(0)) || !Double.isFinite(b.high(0))) {
            throw new IllegalArgumentException(who + " has action space " + box + "; discrete price levels need a one-dimensional Box with"
                    + " finite bounds");
        }
        return new DiscreteLevels(b.low(0), b.high(0), levels);
    }

    /** The value of level {@code k}. */
    public double value(int k) {
        if (k < 0 || k >= levels) {
            throw new IllegalArgumentException("action index " + k + " is outside Discrete(" + levels + ") = 0.." + (levels - 1));
        }
        return level(k);
    }

    /** Every level, in order (a fresh array). */
    public double[] values() {
        double[] v = new double[levels];
        for (int k = 0; k < levels; k++) {
            v[k] = level(k);
        }
        return v;
    }

    private double level(int k) {
        // the last level is exactly high, with no rounding past the box
        return k == levels - 1 ? high : low + k * (high - low) / (levels - 1);
    }

    /**
     * The value of an action {@code {k}} as an agent returns it.
     *
     * @throws IllegalArgumentException naming {@code who} when it is not an index of the levels
     */
    public double valueOf(double action, String who) {
        int k = (int) action;
        if (k != action || k < 0 || k >= levels) {
            throw new IllegalArgumentException(who + " returned action " + action + ", not an index of Discrete(" + levels + ")");
        }
        return level(k);
    }

    /** The level nearest to {@code x}, clamped to the range. */
    public int nearestIndex(double x) {
        if (high == low) {
            return 0;
        }
        long k = Math.round((x - low) / (high - low) * (levels - 1));
        return (int) Math.max(0, Math.min(levels - 1, k));
    }
}
