package org.hubprice.agents.nn;

import java.util.Locale;
import org.hubprice.common.Check;

/**
 * How weights are drawn at creation; biases always start at zero. Both rules draw from this
 * project's seeded generator, never from the engine's, so that a seed fixes the weights
 * bit for bit on any engine and device.
 */
public enum Init {
    /**
     * Glorot/Xavier uniform, {@code U(-b, b)} with {@code b = sqrt(6 / (fanIn + fanOut))}: the
     * paper's choice (Table 2).
     */
    XAVIER_UNIFORM,
    /**
     * {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}, PyTorch's default for {@code nn.Linear}
     * weights, for comparison with code that does not re-initialise its layers.
     */
    FAN_IN_UNIFORM;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The half-width of the uniform distribution for a weight with these fans. */
    public double bound(long fanIn, long fanOut) {
        return switch (this) {
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case FAN_IN_UNIFORM -> 1.0 / Math.sqrt(fanIn);
        };
    }

    public static Init parse(String field, String value) {
        return Check.choice(field, value, values(), Init::id);
    }
}
