package org.hubprice.agents;

/**
 * What a seat needs at the least: an action for an observation. A fixed pricing rule is a
 * {@code Policy} and nothing more; {@link Learner} adds learning, {@link Agent} adds the name,
 * spaces and checkpoint the training loop needs (a {@link LearnerFactory} supplies those for a
 * policy or learner of your own).
 */
@FunctionalInterface
public interface Policy {
    /**
     * Chooses an action for {@code observation}. The returned array may be a buffer owned by
     * the policy and reused on the next call: the caller copies it to keep it.
     */
    double[] act(double[] observation, Mode mode);
}
