/**
 * Validation during training: deterministic policies on a fixed set of training days with
 * common random numbers, fixed-price benchmarks and the quick collusion index.
 */
package org.hubprice.training.validation;
