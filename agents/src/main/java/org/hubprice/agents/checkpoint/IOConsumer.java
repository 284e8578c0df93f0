package org.hubprice.agents.checkpoint;

import java.io.IOException;

/** A consumer that may throw {@link IOException} (writing the files of a checkpoint). */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
