package org.hubprice.agents.nn;

import ai.djl.nn.SequentialBlock;

/**
 * A {@link SequentialBlock} that knows the flat storage its parameters live in, so that the
 * optimiser and target updates can find it from the block alone ({@link FlatParameters#of}).
 */
final class FlatSequentialBlock extends SequentialBlock {
    private FlatParameters storage;

    FlatParameters storage() {
        return storage;
    }

    void storage(FlatParameters s) {
        this.storage = s;
    }
}
