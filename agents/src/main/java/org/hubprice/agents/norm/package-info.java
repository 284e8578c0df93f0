/**
 * Input and reward scaling for learners: {@link
 * org.hubprice.agents.norm.ObservationNormalizer} (running mean and variance, an affine map
 * from the observation box to [-1, 1], or a fixed affine map) and {@link
 * org.hubprice.agents.norm.RewardScaler} (a constant factor, or per-batch standardisation as
 * in the reference SAC). Both serialise to plain maps that go into the checkpoint manifest,
 * because a policy is only reproducible together with the scaling it was trained with.
 */
package org.hubprice.agents.norm;
