package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records the calling thread's operations for one backward pass, like DJL's
 * {@code GradientCollector}, but per thread: several agents may record and back-propagate at
 * the same time, each on its own thread.
 *
 * <p>Why not DJL's collector: the PyTorch engine allows one open {@code GradientCollector} in
 * the whole JVM (a static flag; a second one throws), although what it switches, PyTorch's
 * gradient mode, belongs to the thread. With this recorder the two hubs of a run can update on
 * two cores at once. The arithmetic is the collector's: the same backward call with a seed
 * gradient of ones, so the gradients are the same bits.
 *
 * <p>Use it with try-with-resources: {@code try (GradientRecorder r = GradientRecorder.open())
 * { ...; r.backward(loss); }}. Closing restores the thread's previous mode. A learner whose
 * {@code learn} may run on a worker thread should also run its forward passes that need no
 * gradient inside {@link #pause()}: a thread other than the one that started the engine
 * records by default.
 */
public final class GradientRecorder implements AutoCloseable {
    private final boolean previous;

    private GradientRecorder(boolean on) {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
    }

    /** Starts recording on this thread. */
    public static GradientRecorder open() {
        return new GradientRecorder(true);
    }

    /** Stops recording on this thread until closed (for forward passes whose graph is never used). */
    public static GradientRecorder pause() {
        return new GradientRecorder(false);
    }

    /** Back-propagates the scalar {@code loss} into the gradients of the parameters it was computed from. */
    public void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
