package org.hubprice.agents.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.hubprice.agents.util.Rng;

/**
 * Builds the learners' networks as DJL blocks from a {@link NetworkConfig}, for a given input
 * size (observation, or observation and action concatenated for a Q(s, a) critic) and output
 * size (number of discrete actions, 1 for a critic, 2 x action size for a Gaussian actor).
 *
 * <h2>Feed-forward ({@code ff})</h2>
 * {@code Linear(h1) - act - Linear(h2) - act - ... - Linear(out)}, by default
 * {@code Linear(256) - ReLU - Linear(256) - ReLU - Linear(out)} (paper, Table 2).
 *
 * <h2>Feature attention ({@code mha})</h2>
 * <ol>
 *   <li>Each of the F input features becomes a token of size E ({@code embeddingDim}):
 *       {@code token_j = x_j * w_j + e_j} (per-feature linear embedding plus a learned feature
 *       embedding, which tells the tokens apart).</li>
 *   <li>Multi-head self-attention ({@code heads}, default 2) across the F tokens <em>of the same
 *       sample</em>, with a residual connection (DJL's {@code ScaledDotProductAttentionBlock},
 *       dropout off).</li>
 *   <li>The tokens are averaged into one vector of size E.</li>
 *   <li>The dense head of the feed-forward network: {@code Linear(256) - ReLU - Linear(256) -
 *       ReLU - Linear(out)}.</li>
 * </ol>
 *
 * <p><b>How this differs from the reference code.</b> The paper places a multi-head attention
 * layer between the first and second dense layers. The reference implementation feeds that
 * layer the batch as if it were a sequence, so attention runs across the samples of a batch:
 * the output for one state then depends on whichever other, unrelated states share its batch
 * (and acting on a single observation sees a different "sequence" than training on 256).
 * Here attention runs across the features of one observation, so every output depends on its
 * own state only, acting and training compute the same function, and the heads can learn
 * which features matter together (for the hub game: price against time of day, battery
 * level against its cost basis).
 *
 * <p>Initialisation draws every parameter from a seeded {@link Rng} (see {@link
 * ParameterIO#initialize}), never from the engine's generator, so the same seed gives
 * bit-identical networks on every run, engine and device.
 */
public final class Networks {
    private Networks() {}

    /** An uninitialised block for {@code config} with this output size (input size is set at initialisation). */
    public static Block build(NetworkConfig config, int inputSize, int outputSize) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("network input size = " + inputSize + " must be >= 1");
        }
        if (outputSize < 1) {
            throw new IllegalArgumentException("network output size = " + outputSize + " must be >= 1");
        }
        SequentialBlock net = new FlatSequentialBlock();
        if (config.architecture() == Architecture.MHA) {
            net.add(new FeatureTokens(inputSize, config.embeddingDim()));
            net.add(new ResidualSelfAttention(config.embeddingDim(), config.heads()));
            net.add(new MeanOverTokens());
        }
        for (int h : config.hidden()) {
            net.add(Linear.builder().setUnits(h).build());
            net.add(config.activation().block());
        }
        net.add(Linear.builder().setUnits(outputSize).build());
        return net;
    }

    /**
     * Builds the block, allocates its parameters on {@code manager} (and so on its device) and
     * draws them from {@code seed} with the config's initialisation rule.
     */
    public static Block create(NetworkConfig config, int inputSize, int outputSize, NDManager manager, long seed) {
        return createGroup(manager, List.of(new Spec(config, inputSize, outputSize, seed))).blocks().get(0);
    }

    /**
     * One network to build: its configuration, sizes and initialisation seed.
     *
     * @param config architecture
     * @param inputSize input features
     * @param outputSize outputs
     * @param seed seed of the initial weights
     */
    public record Spec(NetworkConfig config, int inputSize, int outputSize, long seed) {}

    /**
     * Builds and initialises several networks whose parameters share one flat storage (e.g.
     * SAC's twin critics, so that one optimiser call and one Polyak average cover both). Each
     * network's weights are the ones {@link #create} gives for its spec alone.
     */
    public static FlatParameters createGroup(NDManager manager, List<Spec> specs) {
        List<Block> blocks = new ArrayList<>();
        List<Shape> inputs = new ArrayList<>();
        List<List<Shape>> shapes = new ArrayList<>();
        // parameter shapes come from a probe copy: DJL sets them only while initialising
        try (NDManager probe = manager.newSubManager()) {
            for (Spec s : specs) {
                Shape in = new Shape(1, s.inputSize());
                Block p = build(s.config(), s.inputSize(), s.outputSize());
                p.initialize(probe, DataType.FLOAT32, in);
                List<Shape> own = new ArrayList<>();
                for (Pair<String, Parameter> q : ParameterIO.parameters(p)) {
                    own.add(q.getValue().getArray().getShape());
                }
                shapes.add(own);
                inputs.add(in);
                blocks.add(build(s.config(), s.inputSize(), s.outputSize()));
            }
        }
        FlatParameters flat = FlatParameters.allocate(manager, blocks, inputs, shapes);
        for (int i = 0; i < specs.size(); i++) {
            ((FlatSequentialBlock) blocks.get(i)).storage(flat);
            ParameterIO.initialize(blocks.get(i), specs.get(i).config().init(), new Rng(specs.get(i).seed()));
        }
        return flat;
    }
}
