/** Held-out evaluation, competitive and monopoly benchmarks, the collusion index, and reports. */
package org.hubprice.evaluation;
