/**
 * Statistics of the evaluation: sample summaries with type-7 quantiles, percentile bootstrap
 * confidence intervals, and Welch's unequal-variance t-test (Commons Math) with its degrees of
 * freedom and critical value.
 */
package org.hubprice.evaluation.stats;
