package org.hubprice.agents;

import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * An agent was given the wrong kind of action space: it needs a {@link Box} (continuous units)
 * or a {@link Discrete} one (indices). The trainer turns this into the seat's own advice
 * ({@code Maybe agents[i].actions=continuous}); other errors that merely mention a space do not
 * get it.
 */
public final class ActionSpaceKindException extends IllegalArgumentException {
    private final boolean needsBox;

    public ActionSpaceKindException(String message, boolean needsBox) {
        super(message);
        this.needsBox = needsBox;
    }

    /** True when the agent needs a Box, false when it needs a Discrete space. */
    public boolean needsBox() {
        return needsBox;
    }

    /**
     * {@code space} as a Box, or this exception naming {@code agent} and, when given, {@code why}
     * (e.g. "it plays a fixed value in the action's units").
     */
    public static Box requireBox(String agent, Space space, String why) {
        if (space instanceof Box b) {
            return b;
        }
        throw new ActionSpaceKindException(agent + " needs a Box action space" + (why == null ? "" : " (" + why + ")")
                + "; this seat's action space is " + space, true);
    }

    /** {@code space} as a Discrete space, or this exception naming {@code agent}. */
    public static Discrete requireDiscrete(String agent, Space space) {
        if (space instanceof Discrete d) {
            return d;
        }
        throw new ActionSpaceKindException(agent + " needs a Discrete action space; this seat's action space is " + space, false);
    }
}
