/**
 * The day-ahead commitment (docs/model.md section 4): before play, every hub commits to 24 hourly
 * day-ahead purchases {@code da_com[0..23]} that it will receive on every day.
 *
 * <p>The pipeline is: training days ({@link org.hubprice.models.dacommit.DayProfile}: 24 DA
 * prices, 24 RT prices, 24 expected hub loads) are reduced to a few representative
 * {@link org.hubprice.models.dacommit.Scenario scenarios} by standardised k-means++
 * ({@link org.hubprice.models.dacommit.ScenarioReduction}); a two-stage stochastic MILP
 * ({@link org.hubprice.models.dacommit.DaCommitmentModel}) then chooses the commitment (first
 * stage, shared by all scenarios) together with each scenario's hourly battery and market
 * flows (second stage) so that the probability-weighted profit is maximal. The result
 * ({@link org.hubprice.models.dacommit.DaCommitmentResult}) carries the commitment, the
 * expected objective in $ and every scenario's plan so that it can be audited.
 *
 * <p>{@link org.hubprice.models.dacommit.ReferenceDemand} holds the reference arrival tables
 * of docs/model.md section 2.1, {@link org.hubprice.models.dacommit.SyntheticDays} draws simple
 * random training days, {@link org.hubprice.models.dacommit.DayProfileCsv} reads and writes
 * training days as CSV, and {@link org.hubprice.models.dacommit.DaCommitmentRunner} is the
 * reusable core of the {@code hubprice commit-da} command (solve, summarise, save).
 */
package org.hubprice.models.dacommit;
