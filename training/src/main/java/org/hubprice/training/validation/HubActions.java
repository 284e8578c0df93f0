package org.hubprice.training.validation;

/** How validation asks for actions: hub {@code hub}'s action, in the environment's space, for {@code observation}. */
@FunctionalInterface
public interface HubActions {
    /** Writes hub {@code hub}'s action into {@code out} (length of the environment's action). */
    void act(int hub, double[] observation, double[] out);
}
