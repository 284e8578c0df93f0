/**
 * Held-out evaluation of pricing policies in the hub game (docs/model.md section 7).
 *
 * <p>{@link org.hubprice.evaluation.Evaluator} plays each selected day with every replication
 * seed (common random numbers: the same arrivals, battery start and random streams for every
 * policy and benchmark) under the learned policies, under the competitive benchmark
 * ({@code π^C}: every hub at marginal cost), under the monopoly benchmark ({@code π^M}: the
 * common hourly multipliers that maximise joint profit, found by
 * {@link org.hubprice.evaluation.MonopolySearch}) and, optionally, with a one-period forced
 * deviation (the Calvano-style impulse response). Days run in parallel; results do not depend
 * on the thread count. {@link org.hubprice.evaluation.EvaluationResult} computes the collusion
 * index {@code Δ_d = (π̄_d − π^C_d) / (π^M_d − π^C_d)} with its summary statistics and writes
 * {@code summary.json}, the CSV tables and the HTML report.
 */
package org.hubprice.evaluation;
