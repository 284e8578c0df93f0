package org.hubprice.agents.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Check;

/**
 * The shape of a network, independent of its input and output sizes (which come from the
 * spaces: one network config serves a Q(s) head, a Q(s, a) critic and an actor alike).
 *
 * <p>Defaults follow the paper's Table 2: two hidden layers of 256 units (the paper prints
 * 265, a typo), ReLU, Xavier-uniform initialisation, 2 attention heads.
 *
 * @param architecture {@code ff} or {@code mha}
 * @param hidden sizes of the dense hidden layers, in order (at least one)
 * @param activation activation after each hidden layer
 * @param init weight initialisation (biases start at zero)
 * @param heads attention heads (MHA only; must divide {@code embeddingDim})
 * @param embeddingDim size of each feature token (MHA only)
 */
public record NetworkConfig(Architecture architecture, List<Integer> hidden, Activation activation, Init init, int heads,
                            int embeddingDim) {
    /** Parameter keys read by {@link #fromParams}. */
    public static final Set<String> PARAM_KEYS = Set.of("network", "hidden", "activation", "init", "heads", "embeddingDim");

    public static final List<Integer> DEFAULT_HIDDEN = List.of(256, 256);
    public static final int DEFAULT_HEADS = 2;
    public static final int DEFAULT_EMBEDDING_DIM = 32;

    public NetworkConfig {
        if (architecture == null) {
            throw new IllegalArgumentException("network: architecture is missing; allowed: ff, mha");
        }
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden = " + hidden + " must list at least one layer size, e.g. [256, 256]");
        }
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            Check.inRange("hidden[" + i + "]", hidden.get(i), 1, 65536);
        }
        if (activation == null) {
            activation = Activation.RELU;
        }
        if (init == null) {
            init = Init.XAVIER_UNIFORM;
        }
        Check.inRange("heads", heads, 1, 64);
        Check.inRange("embeddingDim", embeddingDim, 1, 4096);
        if (embeddingDim % heads != 0) {
            throw new IllegalArgumentException("embeddingDim = " + embeddingDim + " is not divisible by heads = " + heads
                    + "; each head gets embeddingDim / heads dimensions. Maybe embeddingDim = " + (embeddingDim / heads + 1) * heads + "?");
        }
    }

    /** The paper's feed-forward network: 2 x 256, ReLU, Xavier uniform. */
    public static NetworkConfig ff() {
        return new NetworkConfig(Architecture.FF, DEFAULT_HIDDEN, Activation.RELU, Init.XAVIER_UNIFORM, DEFAULT_HEADS, DEFAULT_EMBEDDING_DIM);
    }

    /** The feature-attention network with the paper's dense sizes and 2 heads. */
    public static NetworkConfig mha() {
        return new NetworkConfig(Architecture.MHA, DEFAULT_HIDDEN, Activation.RELU, Init.XAVIER_UNIFORM, DEFAULT_HEADS, DEFAULT_EMBEDDING_DIM);
    }

    /** A copy with other hidden sizes. */
    public NetworkConfig withHidden(List<Integer> sizes) {
        return new NetworkConfig(architecture, sizes, activation, init, heads, embeddingDim);
    }

    /**
     * Reads the keys of {@link #PARAM_KEYS} ({@code network: ff|mha}, {@code hidden: [256, 256]},
     * {@code activation}, {@code init}, {@code heads}, {@code embeddingDim}); missing keys take
     * the defaults. Other keys are left for the caller to check.
     */
    public static NetworkConfig fromParams(Params p) {
        return new NetworkConfig(
                Architecture.parse("network", p.getString("network", "ff")),
                p.getIntList("hidden", DEFAULT_HIDDEN),
                Activation.parse("activation", p.getString("activation", "relu")),
                Init.parse("init", p.getString("init", "xavier-uniform")),
                p.getInt("heads", DEFAULT_HEADS),
                p.getInt("embeddingDim", DEFAULT_EMBEDDING_DIM));
    }

    /** The inverse of {@link #fromParams}: the map stored in checkpoint manifests. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", architecture.id());
        m.put("hidden", hidden);
        m.put("activation", activation.id());
        m.put("init", init.id());
        m.put("heads", heads);
        m.put("embeddingDim", embeddingDim);
        return m;
    }
}
