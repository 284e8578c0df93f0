package org.hubprice.agents.nn;

import java.util.Locale;
import org.hubprice.common.Check;

/** The network families the learners support. */
public enum Architecture {
    /** Feed-forward: dense layers with an activation between them. */
    FF,
    /**
     * Feature attention: every input feature becomes a token, multi-head self-attention mixes
     * the tokens, the tokens are averaged, and a dense head follows. See {@link Networks}.
     */
    MHA;

    /** The lower-case name used in configs ({@code ff}, {@code mha}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ff} or {@code mha} (case-insensitive); the error lists the choices. */
    public static Architecture parse(String field, String value) {
        return Check.choice(field, value, values(), Architecture::id);
    }
}
