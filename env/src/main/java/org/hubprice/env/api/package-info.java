/**
 * The environment API that every agent programs against, in the spirit of Gymnasium and
 * PettingZoo's parallel API: {@link org.hubprice.env.api.Space spaces} ({@link
 * org.hubprice.env.api.Box} and {@link org.hubprice.env.api.Discrete}), the parallel
 * multi-agent {@link org.hubprice.env.api.ParallelEnv}, a single-agent view
 * {@link org.hubprice.env.api.SingleAgentEnv}, and {@link org.hubprice.env.api.Transition}.
 *
 * <p>Observations and actions are {@code double[]} in every space. A {@link
 * org.hubprice.env.api.Discrete} value is a one-element array holding the index, so one agent
 * interface serves continuous and discrete games alike.
 */
package org.hubprice.env.api;
