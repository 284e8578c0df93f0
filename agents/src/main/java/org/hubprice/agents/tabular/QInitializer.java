package org.hubprice.agents.tabular;

import org.hubprice.common.Check;

/**
 * The starting value of every Q-table entry. Tabular learners in repeated games are
 * sensitive to it; Calvano et al. (2020) start from the discounted payoff against rivals who
 * pick uniformly at random ({@link #againstUniformRivals}).
 */
@FunctionalInterface
public interface QInitializer {
    /** The initial {@code Q(state, action)}. */
    double value(int state, int action);

    /** The same value everywhere. */
    static QInitializer constant(double value) {
        Check.finite("qInit", value);
        return (s, a) -> value;
    }

    /** {@code Q0(s, a) = values[a]} in every state. */
    static QInitializer perAction(double[] values) {
        double[] v = Check.finiteArray("initial Q per action", values.clone(), values.length);
        return (s, a) -> v[a];
    }

    /**
     * Calvano et al.'s initialisation for a repeated normal-form game: the discounted payoff of
     * playing {@code a} forever against rivals who randomise uniformly,
     * {@code Q0(s, a_i) = Σ_{a_−i} π_i(a_i, a_−i) / ((1 − δ) m^(n−1))}, the same in every state.
     *
     * @param payoff the player's one-period payoff for every joint action profile, indexed by
     *     {@code Σ_j a_j m^j} (player 0 is the lowest digit); length {@code m^n}
     * @param players {@code n}
     * @param actions {@code m}, actions per player
     * @param seat this player's position {@code i}
     * @param discount {@code δ} in {@code [0, 1)}
     */
    static QInitializer againstUniformRivals(double[] payoff, int players, int actions, int seat, double discount) {
        Check.positive("players", players);
        Check.positive("actions", actions);
        Check.inRange("seat", seat, 0, players - 1);
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("discount = " + discount + " must lie in [0, 1) for a finite discounted payoff");
        }
        long profiles = 1;
        for (int j = 0; j < players; j++) {
            profiles *= actions;
        }
        Check.finiteArray("payoff table", payoff, (int) Math.min(profiles, Integer.MAX_VALUE));
        int unit = 1;
        for (int j = 0; j < seat; j++) {
            unit *= actions;
        }
        double[] sum = new double[actions];
        for (int prof = 0; prof < payoff.length; prof++) {
            sum[(prof / unit) % actions] += payoff[prof];
        }
        double rivals = (double) profiles / actions;
        double[] q0 = new double[actions];
        for (int a = 0; a < actions; a++) {
            q0[a] = sum[a] / ((1 - discount) * rivals);
        }
        return perAction(q0);
    }
}
