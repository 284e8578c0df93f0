package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention over the tokens of each sample, with a residual connection:
 * {@code (B, T, E) -> x + MHA(x, x, x)}. DJL's {@link ScaledDotProductAttentionBlock} does the
 * attention (query, key, value and output projections of size E, softmax over the T tokens of
 * the same sample); its dropout is switched off so that a forward pass is deterministic and
 * training and evaluation compute the same function. The residual keeps each feature's own
 * token in the output, so attention only has to learn the interactions.
 */
final class ResidualSelfAttention extends AbstractBlock {
    private final ScaledDotProductAttentionBlock attention;

    ResidualSelfAttention(int embeddingDim, int heads) {
        super((byte) 1);
        this.attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(embeddingDim).setHeadCount(heads).optAttentionProbsDropoutProb(0f).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray attended = attention.forward(ps, new NDList(x), training, params).singletonOrThrow();
        return new NDList(x.add(attended));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attention.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
