package org.hubprice.evaluation.policy;

import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * Turns an agent's action into the environment's price multiplier. A Box agent acting in the
 * environment's own box passes its value through; a {@code Discrete(n)} agent's index {@code k}
 * plays {@code low + k (high − low) / (n − 1)} (the last level exactly {@code high}), the levels
 * the training loop and {@link org.hubprice.env.game.DiscretePriceActions} use.
 */
public final class ActionMap {
    private final String who;
    private final int levels;
    private final double low;
    private final double high;

    private ActionMap(String who, int levels, double low, double high) {
        this.who = who;
        this.levels = levels;
        this.low = low;
        this.high = high;
    }

    /**
     * The map from {@code agentSpace} to the environment's {@code envSpace}.
     *
     * @throws IllegalArgumentException when the agent's space is neither the environment's box
     *     nor a discrete space with at least two levels
     */
    public static ActionMap of(String who, Space agentSpace, Box envSpace) {
        if (envSpace.dimension() != 1) {
            throw new IllegalArgumentException(who + ": the environment's action space " + envSpace + " is not one multiplier");
        }
        if (agentSpace instanceof Discrete d) {
            if (d.n() < 2) {
                throw new IllegalArgumentException(who + ": action space " + agentSpace + " has fewer than 2 levels; a discrete price "
                        + "policy needs at least the two ends of " + envSpace);
            }
            return new ActionMap(who, d.n(), envSpace.low(0), envSpace.high(0));
        }
        if (!agentSpace.equals(envSpace)) {
            throw new IllegalArgumentException(who + ": action space " + agentSpace + " does not fit the environment's " + envSpace
                    + ". Maybe evaluate with the environment configuration the agent was trained with (--config or --run)");
        }
        return new ActionMap(who, 0, envSpace.low(0), envSpace.high(0));
    }

    /** Whether the agent chooses discrete levels. */
    public boolean discrete() {
        return levels > 0;
    }

    /** The multiplier the agent's {@code action} plays. */
    public double multiplier(double[] action) {
        if (action == null || action.length != 1) {
            throw new IllegalStateException(who + " returned " + (action == null ? "no action" : action.length + " values")
                    + "; a hub plays one value");
        }
        double a = action[0];
        if (levels == 0) {
            return a;
        }
        int k = (int) a;
        if (k != a || k < 0 || k >= levels) {
            throw new IllegalStateException(who + " returned action " + a + ", not an index of Discrete(" + levels + ")");
        }
        return k == levels - 1 ? high : low + k * (high - low) / (levels - 1);
    }
}
