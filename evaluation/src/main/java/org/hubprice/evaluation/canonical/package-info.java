/**
 * Experiments on the canonical repeated Bertrand game of Calvano, Calzolari, Denicolò and
 * Pastorello (2020): independent seeded learning sessions run in parallel
 * ({@link org.hubprice.evaluation.canonical.CanonicalRunner}), each analysed for the limit cycle
 * of greedy play and its collusion index {@code Δ = (π̄ − π_N)/(π_M − π_N)}
 * ({@link org.hubprice.evaluation.canonical.LimitCycle}) and for the response to a one-period
 * deviation ({@link org.hubprice.evaluation.canonical.ImpulseResponse}), summarised in a
 * {@link org.hubprice.evaluation.canonical.CanonicalReport}.
 *
 * <p>Any registered learner runs through the generic {@code ParallelEnv}/{@code Agent} loop;
 * {@code tabular-q} has an allocation-free fast loop with identical results
 * ({@link org.hubprice.evaluation.canonical.Sessions}).
 */
package org.hubprice.evaluation.canonical;
