package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Host values turned into engine arrays whose memory the engine itself owns. Learners create
 * every array that can enter a gradient computation through this class, and never pass a Java
 * number to an engine operation ({@code x.mul(0.5)}) on the way to a backward pass.
 *
 * <p>Why: on the CPU, DJL's PyTorch engine wraps host data ({@code NDManager.create(float[])},
 * and the scalar array that {@code NDArray.mul(Number)} and its siblings create and close at
 * once) around a Java direct buffer without copying it. The buffer is freed by the garbage
 * collector once its DJL array is closed or unreachable, but autograd may still hold the tensor:
 * a product saves its other factor for the backward pass. If a collection frees the buffer
 * between the forward and the backward pass, the backward pass reads freed memory, so the
 * gradient depends on when the collector ran. That made SAC runs with the same seed drift apart
 * on a loaded machine (and every run differ when a thread forced collections; see
 * {@code EngineArraysTest}). A copy made here lives in memory that the engine allocated and
 * reference-counts, so it stays valid for as long as any graph uses it.
 */
public final class EngineArrays {
    private EngineArrays() {}

    /** An engine-owned copy of {@code data} with this shape, attached to {@code manager}. */
    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        NDArray wrapped = manager.create(data, shape);
        return owned(wrapped);
    }

    /** An engine-owned copy of {@code data} with this shape (int64), attached to {@code manager}. */
    public static NDArray of(NDManager manager, long[] data, Shape shape) {
        NDArray wrapped = manager.create(data, shape);
        return owned(wrapped);
    }

    /** An engine-owned float32 scalar (shape ()), attached to {@code manager}. */
    public static NDArray scalar(NDManager manager, double value) {
        NDArray wrapped = manager.create((float) value);
        return owned(wrapped);
    }

    private static NDArray owned(NDArray wrapped) {
        if (wrapped.getDevice().isGpu()) {
            // a GPU array is already a copy that the engine made on the device
            return wrapped;
        }
        try (wrapped) {
            // duplicate() is the engine's clone: fresh memory from the engine's allocator
            return wrapped.duplicate();
        }
    }
}
