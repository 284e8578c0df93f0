/**
 * Tabular Q-learning for small discrete games, registered as {@code tabular-q}: the learner of
 * Calvano, Calzolari, Denicolò and Pastorello (2020) with exponentially decaying exploration
 * {@code ε_t = exp(−β t)}, a pluggable initial Q table ({@link
 * org.hubprice.agents.tabular.QInitializer}, including the paper's discounted payoff against
 * uniformly random rivals), convergence detection on the greedy strategy, and checkpoints (a
 * JSON manifest plus a binary Q table, each moved into place atomically).
 */
package org.hubprice.agents.tabular;
