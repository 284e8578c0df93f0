/**
 * Decorators around an {@link org.hubprice.agents.Agent}: exploration ({@link
 * org.hubprice.agents.wrappers.EpsilonGreedy} with an {@link
 * org.hubprice.agents.wrappers.EpsilonSchedule}) and action handling ({@link
 * org.hubprice.agents.wrappers.ActionScaling}, {@link org.hubprice.agents.wrappers.ActionClipping}).
 * Exploration and scaling are wrappers rather than flags, so every agent gets them the same
 * way and an agent's own code stays a pure policy and learner.
 *
 * <p>A wrapper with state (the exploration step count and random stream) saves it next to the
 * inner agent's files, inside the same atomic checkpoint: it writes the inner agent into a
 * temporary directory, adds {@code wrapper-NAME.json}, and renames the whole into place.
 */
package org.hubprice.agents.wrappers;
