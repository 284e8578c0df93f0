/**
 * Soft actor-critic ({@link org.hubprice.agents.sac.SacAgent}, registry name {@code sac}) on
 * DJL: a tanh-squashed Gaussian actor mapped onto the action box, twin critics with Polyak
 * target critics updated in place, and an automatically tuned entropy temperature. Networks,
 * replay, normalisation, devices and checkpoints are the shared ones of {@code
 * org.hubprice.agents.nn}, {@code .replay}, {@code .norm}, {@code .device} and {@code
 * .checkpoint}; {@link org.hubprice.agents.sac.SacConfig} holds every hyperparameter and
 * {@link org.hubprice.agents.sac.SacUpdateBenchmark} measures one update against the bare
 * matrix products it contains.
 */
package org.hubprice.agents.sac;
