package org.hubprice.agents.wrappers;

import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/** Draws an exploratory action into {@code out}, using only {@code rng}. */
@FunctionalInterface
public interface ActionSampler {
    void sample(Rng rng, double[] out);

    /** Uniform over a Discrete space or a finite Box. */
    static ActionSampler uniform(Space space) {
        if (space instanceof Discrete d) {
            return (rng, out) -> out[0] = rng.nextInt(d.n());
        }
        Box b = (Box) space;
        for (int i = 0; i < b.dimension(); i++) {
            if (!Double.isFinite(b.low(i)) || !Double.isFinite(b.high(i))) {
                throw new IllegalArgumentException("uniform exploration needs finite action bounds; dimension " + i + " is ["
                        + b.low(i) + ", " + b.high(i) + "]");
            }
        }
        return (rng, out) -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(b.high(i), b.low(i) + (b.high(i) - b.low(i)) * rng.nextDouble());
            }
        };
    }
}
