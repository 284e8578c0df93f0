/**
 * Deep Q-learning ({@code dqn}) on DJL: a Q-network over discrete actions (a one-dimensional
 * Box action is discretised into levels, 101 for the hub game's [1, 2]), experience replay,
 * Polyak or hard target updates applied in place, optional double DQN and Huber loss, Adam.
 * Exploration is the {@link org.hubprice.agents.wrappers.EpsilonGreedy} wrapper the factory
 * puts around the learner. Every hyperparameter is in {@link org.hubprice.agents.dqn.DqnConfig}.
 */
package org.hubprice.agents.dqn;
