package org.hubprice.training;

import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * One hub's place in the loop: its agent, the action space the agent sees, and the mapping of
 * the agent's action to the environment's. A discrete seat sees {@code Discrete(levels)} over a
 * one-dimensional box {@code [low, high]}: index k plays {@code low + k (high - low) / (levels - 1)}
 * (the last level exactly {@code high}), the levels of
 * {@link org.hubprice.env.game.DiscretePriceActions}.
 */
final class Seat {
    final Agent agent;
    final Space agentActionSpace;
    private final Box envBox;
    private final int levels;
    /** The agent's last action (copied: agents may reuse their buffer). */
    final double[] agentAction;
    /** The same action in the environment's space. */
    final double[] envAction;

    private Seat(Agent agent, Space agentActionSpace, Space envActionSpace) {
        this.agent = agent;
        this.agentActionSpace = agentActionSpace;
        this.envBox = agentActionSpace instanceof Discrete && envActionSpace instanceof Box b ? b : null;
        this.levels = agentActionSpace instanceof Discrete d ? d.n() : 0;
        this.agentAction = new double[agentActionSpace.dimension()];
        this.envAction = new double[envActionSpace.dimension()];
    }

    /**
     * The action space a seat with {@code discrete} actions sees over {@code envSpace}.
     *
     * @throws IllegalArgumentException when discrete levels are asked for but the environment's
     *         action is not a finite one-dimensional box
     */
    static Space agentSpace(Space envSpace, boolean discrete, int levels, String where) {
        if (!discrete) {
            return envSpace;
        }
        if (envSpace instanceof Discrete) {
            return envSpace;
        }
        if (!(envSpace instanceof Box b) || b.dimension() != 1 || !Double.isFinite(b.low(0)) || !Double.isFinite(b.high(0))) {
            throw new IllegalArgumentException(where + ".actions = discrete needs a one-dimensional finite Box action, but the environment's is "
                    + envSpace + ". Maybe actions: continuous");
        }
        return new Discrete(levels);
    }

    static Seat of(Agent agent, Space agentActionSpace, Space envActionSpace) {
        return new Seat(agent, agentActionSpace, envActionSpace);
    }

    /** Asks the agent for an action and maps it; the results are in {@link #agentAction} and {@link #envAction}. */
    void act(double[] observation, Mode mode) {
        double[] a = agent.act(observation, mode);
        System.arraycopy(a, 0, agentAction, 0, agentAction.length);
        toEnv(agentAction, envAction);
    }

    /** Maps an agent action to the environment's space. */
    void toEnv(double[] agentValue, double[] out) {
        if (envBox == null) {
            System.arraycopy(agentValue, 0, out, 0, out.length);
            return;
        }
        int k = (int) agentValue[0];
        if (k < 0 || k >= levels || k != agentValue[0]) {
            throw new IllegalArgumentException("agent " + agent.name() + " returned action " + agentValue[0] + " outside Discrete(" + levels + ")");
        }
        double lo = envBox.low(0);
        double hi = envBox.high(0);
        out[0] = k == levels - 1 ? hi : lo + k * (hi - lo) / (levels - 1);
    }
}
