package org.hubprice.agents;

/** Whether an agent acts to learn (exploring) or to be evaluated (deterministic). */
public enum Mode {
    /** Exploration on; the agent may act stochastically. */
    TRAIN,
    /** Deterministic: greedy for value-based agents, the mean action for stochastic policies. */
    EVAL
}
