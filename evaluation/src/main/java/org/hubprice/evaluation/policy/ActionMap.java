package org.hubprice.evaluation.policy;

import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.DiscreteLevels;
import org.hubprice.env.api.Space;

/**
 * Turns an agent's action into the environment's price multiplier. A Box agent acting in the
 * environment's own box passes its value through; a {@code Discrete(n)} agent's index {@code k}
 * plays {@code low + k (high − low) / (n − 1)} (the last level exactly {@code high}):
 * {@link DiscreteLevels}, as in the training loop and the environment's discrete view.
 */
public final class ActionMap {
    private final String who;
    /** The levels of a discrete agent; null for an agent acting in the environment's box. */
    private final DiscreteLevels grid;

    private ActionMap(String who, DiscreteLevels grid) {
        this.who = who;
        this.grid = grid;
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
            return new ActionMap(who, DiscreteLevels.over(envSpace, d.n(), who));
        }
        if (!agentSpace.equals(envSpace)) {
            throw new IllegalArgumentException(who + ": action space " + agentSpace + " does not fit the environment's " + envSpace
                    + ". Maybe evaluate with the environment configuration the agent was trained with (--config or --run)");
        }
        return new ActionMap(who, null);
    }

    /** Whether the agent chooses discrete levels. */
    public boolean discrete() {
        return grid != null;
    }

    /** The multiplier the agent's {@code action} plays. */
    public double multiplier(double[] action) {
        if (action == null || action.length != 1) {
            throw new IllegalStateException(who + " returned " + (action == null ? "no action" : action.length + " values")
                    + "; a hub plays one value");
        }
        if (grid == null) {
            return action[0];
        }
        try {
            return grid.valueOf(action[0], who);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
