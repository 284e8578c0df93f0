package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Scalars for engine operations on the way to a backward pass. Learners multiply, divide or
 * clamp by an array made here, never by a Java number ({@code x.mul(0.5)}).
 *
 * <p>Why: on the CPU, DJL's PyTorch engine wraps host data around a Java direct buffer without
 * copying it, and the garbage collector frees that buffer once its DJL array is closed. That is
 * safe for arrays a learner creates on the update's sub-manager: they stay open until the update
 * ends, after the backward pass. It is not safe for the {@code Number} overloads
 * ({@code mul(Number)}, {@code minimum(Number)} and their siblings): they wrap the number, use it
 * and close it at once, while autograd keeps the tensor, because a product saves its other factor
 * for the backward pass. A collection in between makes the backward pass read freed memory: the
 * gradient of {@code x.mul(0.37f)} came out as 1.8e-19, -1.5e37 and 0.0 in three runs
 * ({@code EngineArraysTest}), and SAC runs with one seed drifted apart on a loaded machine. A
 * scalar made here lives in memory that the engine allocated and reference-counts, so it stays
 * valid for as long as any graph uses it, even if its handle is closed first.
 */
public final class EngineArrays {
    private EngineArrays() {}

    /** An engine-owned float32 scalar (shape ()), attached to {@code manager}. */
    public static NDArray scalar(NDManager manager, double value) {
        NDArray wrapped = manager.create((float) value);
        if (wrapped.getDevice().isGpu()) {
            // on a GPU the engine has already copied the value into device memory it owns
            return wrapped;
        }
        try (wrapped) {
            // duplicate() is the engine's clone: fresh memory from the engine's allocator
            return wrapped.duplicate();
        }
    }

    // Arithmetic with a Java number, safe on the way to a backward pass: use these in a learner
    // of your own instead of DJL's Number overloads (x.mul(0.5), x.minimum(1), ...). The scalar
    // is a float32 made on x's manager and lives until that manager closes: use them on arrays
    // of an update's sub-manager (closed after the update), not on long-lived arrays such as
    // parameters, where each call would keep one more scalar until the agent closes; for a
    // constant used every update, make one scalar once (see DqnAgent's huberDelta).

    /** {@code x * c}. */
    public static NDArray times(NDArray x, double c) {
        return x.mul(scalar(x.getManager(), c));
    }

    /** {@code x / c}. */
    public static NDArray dividedBy(NDArray x, double c) {
        return x.div(scalar(x.getManager(), c));
    }

    /** {@code x + c}. */
    public static NDArray plus(NDArray x, double c) {
        return x.add(scalar(x.getManager(), c));
    }

    /** {@code x - c}. */
    public static NDArray minus(NDArray x, double c) {
        return x.sub(scalar(x.getManager(), c));
    }

    /** Element-wise {@code min(x, c)}. */
    public static NDArray atMost(NDArray x, double c) {
        return x.minimum(scalar(x.getManager(), c));
    }

    /** Element-wise {@code max(x, c)}. */
    public static NDArray atLeast(NDArray x, double c) {
        return x.maximum(scalar(x.getManager(), c));
    }
}
