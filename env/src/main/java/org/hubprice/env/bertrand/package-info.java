/**
 * The canonical repeated Bertrand game with logit demand of Calvano, Calzolari, Denicolò and
 * Pastorello (2020, "Artificial intelligence, algorithmic pricing, and collusion", AER), a
 * second environment beside the hub pricing game and a yardstick for the learners and the
 * collusion index.
 *
 * <p>{@link org.hubprice.env.bertrand.BertrandConfig} holds the parameters (the paper's baseline
 * by default); {@link org.hubprice.env.bertrand.LogitDemand} computes demand and solves the
 * first-order conditions for the static Nash and the joint-profit (monopoly) benchmarks;
 * {@link org.hubprice.env.bertrand.BertrandGame} precomputes the price grid, the profit table of
 * every joint price profile and the state coding; {@link org.hubprice.env.bertrand.BertrandLogitEnv}
 * is the {@link org.hubprice.env.api.ParallelEnv} with an allocation-free indexed fast path.
 */
package org.hubprice.env.bertrand;
