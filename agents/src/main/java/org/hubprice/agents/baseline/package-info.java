/**
 * Fixed policies to compare learners with: {@code fixed-markup} (a constant action, with the
 * presets {@code marginal-cost} = 1.0 and {@code cap} = 2.0 for the hub game's price
 * multiplier) and {@code random} (uniform over the action space, seeded).
 */
package org.hubprice.agents.baseline;
