/**
 * Small helpers the agents share: a random number generator whose state can be saved and
 * restored ({@link org.hubprice.agents.util.Rng}), so that a resumed run continues exactly as
 * an uninterrupted one, and the JSON mapper used by checkpoints.
 */
package org.hubprice.agents.util;
