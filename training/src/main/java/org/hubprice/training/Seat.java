package org.hubprice.training;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.agents.ActionSpaceKindException;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.DiscreteLevels;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.config.HubAgentConfig;
import org.hubprice.training.config.TrainingConfig;

/**
 * One hub's place in the loop: its agent, the action space the agent sees, and the mapping of
 * the agent's action to the environment's. A discrete seat sees {@code Discrete(levels)} over a
 * one-dimensional box {@code [low, high]}: index k plays {@code low + k (high - low) / (levels - 1)}
 * (the last level exactly {@code high}): {@link DiscreteLevels}, as everywhere else.
 */
final class Seat {
    final Agent agent;
    final Space agentActionSpace;
    /** The price levels a discrete seat's index stands for; null for a seat acting in the environment's own space. */
    private final DiscreteLevels grid;
    /** "agent NAME", made once: the per-step mapping builds no strings. */
    private final String who;
    /** The agent's last action (copied: agents may reuse their buffer). */
    final double[] agentAction;
    /** The same action in the environment's space. */
    final double[] envAction;

    private Seat(Agent agent, Space agentActionSpace, Space envActionSpace) {
        this.agent = agent;
        this.agentActionSpace = agentActionSpace;
        this.who = "agent " + agent.name();
        this.grid = agentActionSpace instanceof Discrete d && envActionSpace instanceof Box b
                ? DiscreteLevels.over(b, d.n(), who) : null;
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

    /**
     * One seat per hub of {@code config}: each agent created by its factory, or loaded from
     * {@code agentsDir/NAME} when resuming (null for a new run). On failure the seats made so
     * far are closed.
     *
     * @throws IllegalArgumentException naming {@code agents[i]} for an unknown agent or bad parameters
     */
    static Seat[] createAll(TrainingConfig config, VectorEnv env, AgentRegistry registry, String device, Path agentsDir) throws IOException {
        int levels = config.env().pricing().discreteLevels();
        Seat[] seats = new Seat[config.hubCount()];
        try {
            for (int i = 0; i < seats.length; i++) {
                HubAgentConfig hc = config.agents().get(i);
                String where = "agents[" + i + "]";
                AgentFactory factory;
                try {
                    factory = registry.get(hc.agent());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".agent: " + e.getMessage(), e);
                }
                Space agentSpace = agentSpace(env.actionSpace(i), hc.discrete(), levels, where);
                AgentContext ctx = new AgentContext(env.observationSpace(i), agentSpace, hc.params(), Seeds.derive(config.seed(), "agent", i),
                        device);
                Agent agent;
                try {
                    agent = agentsDir != null ? factory.load(agentsDir.resolve(env.agentName(i)), ctx) : factory.create(ctx);
                } catch (IllegalArgumentException e) {
                    String m = String.valueOf(e.getMessage());
                    // the factory names itself ("sac: ..."); this message names it already
                    String own = factory.name() + ": ";
                    m = m.startsWith(own) ? m.substring(own.length()) : m;
                    // the seat's setting that gives the agent the kind of action space it needs
                    String hint = e instanceof ActionSpaceKindException k
                            ? ". Maybe " + where + ".actions=" + (k.needsBox() ? "continuous" : "discrete") : "";
                    throw new IllegalArgumentException(where + " (" + hc.agent() + "): " + m + hint, e);
                }
                seats[i] = of(agent, agentSpace, env.actionSpace(i));
            }
        } catch (IOException | RuntimeException e) {
            for (Seat s : seats) {
                if (s != null) {
                    s.agent.close();
                }
            }
            throw e;
        }
        return seats;
    }

    /** Asks the agent for an action and maps it; the results are in {@link #agentAction} and {@link #envAction}. */
    void act(double[] observation, Mode mode) {
        double[] a = agent.act(observation, mode);
        System.arraycopy(a, 0, agentAction, 0, agentAction.length);
        toEnv(agentAction, envAction);
    }

    /** Maps an agent action to the environment's space. */
    void toEnv(double[] agentValue, double[] out) {
        if (grid == null) {
            System.arraycopy(agentValue, 0, out, 0, out.length);
            return;
        }
        out[0] = grid.valueOf(agentValue[0], who);
    }
}
