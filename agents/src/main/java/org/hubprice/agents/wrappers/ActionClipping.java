package org.hubprice.agents.wrappers;

import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentWrapper;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;

/**
 * Clips the inner agent's actions into its Box action space, element by element: a guard for
 * policies whose outputs can overshoot by rounding (or by design, like unsquashed Gaussian
 * noise). No state.
 */
public final class ActionClipping extends AgentWrapper {
    private final Box box;
    private final double[] out;

    public ActionClipping(Agent inner) {
        super(inner);
        if (!(inner.actionSpace() instanceof Box b)) {
            throw new IllegalArgumentException("action clipping needs a Box action space; got " + inner.actionSpace());
        }
        this.box = b;
        this.out = new double[b.dimension()];
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        double[] a = inner.act(observation, mode);
        for (int i = 0; i < out.length; i++) {
            double v = a[i];
            if (Double.isNaN(v)) {
                // clipping would hide a diverged network; fail where the cause is visible
                throw new IllegalStateException(inner.name() + " produced a NaN action (dimension " + i + "); its parameters have diverged");
            }
            out[i] = Math.max(box.low(i), Math.min(box.high(i), v));
        }
        return out;
    }
}
