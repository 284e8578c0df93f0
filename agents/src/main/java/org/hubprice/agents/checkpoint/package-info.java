/**
 * Agent checkpoints. A checkpoint is a directory holding {@code manifest.json} (agent name,
 * algorithm, network, hyperparameters, spaces, normalisation, seeds, versions of the project,
 * DJL and PyTorch, provenance, counters and random-stream states) and the agent's binary
 * files (parameters, optimiser state, replay). {@link
 * org.hubprice.agents.checkpoint.Checkpoints#writeAtomically} builds it in a temporary
 * directory and renames it into place, so a reader never sees a half-written checkpoint;
 * {@link org.hubprice.agents.checkpoint.Checkpoints#checkCompatible} refuses, with a message
 * naming the difference, a checkpoint whose spaces or network do not match.
 */
package org.hubprice.agents.checkpoint;
