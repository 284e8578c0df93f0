package org.hubprice.agents.nn;

import ai.djl.nn.Block;
import java.util.Locale;
import org.hubprice.common.Check;

/** The activation between dense layers. */
public enum Activation {
    RELU,
    TANH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A fresh DJL block applying this activation. */
    public Block block() {
        return switch (this) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
        };
    }

    public static Activation parse(String field, String value) {
        return Check.choice(field, value, values(), Activation::id);
    }
}
