package org.hubprice.training.config;

import org.hubprice.common.Check;

/**
 * {@code checkpoint}: when the full training state (agents with replay buffers, optimiser
 * and random-stream states, plus the loop's own counters) is written.
 *
 * @param every episodes between periodic checkpoints ({@code checkpoints/last}), {@code >= 1};
 *              a final checkpoint ({@code checkpoints/final}) is always written at the end
 * @param best whether to keep {@code checkpoints/best}, the state with the highest validation profit
 */
public record CheckpointConfig(long every, boolean best) {
    public CheckpointConfig {
        Check.atLeast("checkpoint.every", every, 1);
    }
}
