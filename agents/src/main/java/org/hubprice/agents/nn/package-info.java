/**
 * Neural networks for the learners, built from DJL blocks: a {@link
 * org.hubprice.agents.nn.NetworkConfig} names the architecture (feed-forward or feature
 * attention), and {@link org.hubprice.agents.nn.Networks} builds and initialises a block from
 * it for any input and output size (Q(s) heads, Q(s, a) critics, Gaussian actors).
 *
 * <p>Also here: {@link org.hubprice.agents.nn.ParameterIO} (deterministic initialisation,
 * saving and loading parameters with shape checks, in-place target-network updates) and a
 * serialisable {@link org.hubprice.agents.nn.AdamOptimizer}. Everything in this package is
 * engine-agnostic DJL API; the PyTorch engine is what runs it.
 */
package org.hubprice.agents.nn;
