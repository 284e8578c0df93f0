package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Turns an observation {@code (B, F)} into {@code F} tokens {@code (B, F, E)}: token {@code j}
 * is {@code x_j * w_j + e_j}, a per-feature linear embedding {@code w_j} of the scalar plus a
 * learned feature embedding {@code e_j} that tells the attention which feature it is looking
 * at (attention itself is permutation-invariant over tokens).
 *
 * <p>Both parameters have type {@link Parameter.Type#OTHER} so that {@link
 * ParameterIO#initialize} draws them as the weights of a 1-to-E linear map.
 */
final class FeatureTokens extends AbstractBlock {
    private final int features;
    private final int dim;
    private final Parameter scale;
    private final Parameter embedding;

    FeatureTokens(int features, int dim) {
        super((byte) 1);
        this.features = features;
        this.dim = dim;
        this.scale = addParameter(Parameter.builder().setName("featureScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(features, dim)).optInitializer(Initializer.ZEROS).build());
        this.embedding = addParameter(Parameter.builder().setName("featureEmbedding").setType(Parameter.Type.OTHER)
                .optShape(new Shape(features, dim)).optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(scale, x.getDevice(), training);
        NDArray e = ps.getValue(embedding, x.getDevice(), training);
        // (B, F, 1) * (F, E) + (F, E) broadcasts to (B, F, E)
        return new NDList(x.expandDims(2).mul(w).add(e));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), features, dim)};
    }
}
