package org.hubprice.evaluation.policy;

import java.io.IOException;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;

/**
 * How one hub is played in an evaluation. The evaluator opens one agent per worker thread
 * (agents are not thread-safe) and asks it for actions in {@link org.hubprice.agents.Mode#EVAL}
 * (greedy or mean action), so an implementation must give agents that act identically.
 */
public interface HubPolicy {
    /** A short label for tables ({@code fixed-markup:1.5}, {@code dqn @ runs/x/checkpoints/final}). */
    String label();

    /** What to record in the provenance: the kind, the agent, the checkpoint path and manifest facts. */
    Map<String, Object> describe();

    /**
     * A fresh agent for the seat with the environment's {@code observationSpace} and
     * {@code actionSpace} (a one-dimensional multiplier box).
     *
     * @throws IllegalArgumentException when the policy does not fit the seat (spaces differ)
     */
    Agent open(Space observationSpace, Box actionSpace) throws IOException;
}
