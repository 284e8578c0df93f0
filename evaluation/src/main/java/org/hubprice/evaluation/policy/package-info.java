/**
 * What plays each hub in an evaluation: a {@link org.hubprice.evaluation.policy.HubPolicy} opens
 * one {@link org.hubprice.agents.Agent} per evaluation thread (from a checkpoint or a registered
 * factory such as {@code fixed-markup}), and an {@link org.hubprice.evaluation.policy.ActionMap}
 * turns the agent's action (a multiplier, or a discrete level) into the environment's price
 * multiplier. Command-line specifications ({@code hub_0=fixed-markup:1.5},
 * {@code hub_1=PATH}) are parsed by {@link org.hubprice.evaluation.policy.PolicySpecs}.
 */
package org.hubprice.evaluation.policy;
