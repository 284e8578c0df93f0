/**
 * Equilibrium analysis: is a learned price profile an equilibrium, and what would the one-shot
 * game give without any collusion?
 *
 * <p>Game-theoretic building blocks, independent of the hub game: {@link
 * org.hubprice.evaluation.equilibrium.Bimatrix} (a two-player game in payoff tables), {@link
 * org.hubprice.evaluation.equilibrium.LemkeHowson} (a mixed equilibrium of a bimatrix game by
 * complementary pivoting), {@link org.hubprice.evaluation.equilibrium.GridGameSolver} (pure
 * equilibria by iterated best response, falling back to mixed equilibria; fictitious play for
 * more than two players). The hub-game side: {@link
 * org.hubprice.evaluation.equilibrium.ExpectedChoice} and {@link
 * org.hubprice.evaluation.equilibrium.HubStageGame} (one hour's pricing game under the expected
 * demand), {@link org.hubprice.evaluation.equilibrium.NashPath} (the stage-game Nash benchmark
 * {@code π^N} of a day) and {@link org.hubprice.evaluation.equilibrium.BestResponseSearch} (the
 * best constant and hourly multipliers of one hub against frozen rivals: exploitability).
 */
package org.hubprice.evaluation.equilibrium;
