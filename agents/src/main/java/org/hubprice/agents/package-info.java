/**
 * The agent interface every learner implements ({@link org.hubprice.agents.Agent}), the
 * factories that create agents by name ({@link org.hubprice.agents.AgentFactory}), and the
 * {@link org.hubprice.agents.AgentRegistry} that finds factories through
 * {@link java.util.ServiceLoader}, so a user's jar on the class path adds a new agent name
 * without touching this code base.
 */
package org.hubprice.agents;
