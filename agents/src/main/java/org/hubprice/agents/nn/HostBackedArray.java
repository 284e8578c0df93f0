package org.hubprice.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A float32 engine array that a learner refills from the host every update without an engine
 * call: on the CPU the engine array wraps this object's direct buffer (DJL passes direct
 * buffers to PyTorch without copying), so writing the buffer changes the array.
 *
 * <p>Why: creating an update's inputs (batch columns, noise, the temperature) as fresh arrays
 * cost a direct-buffer allocation and an engine call each, every update. Lifetime is safe by
 * construction: the buffer belongs to this object, which the learner keeps for as long as its
 * manager (and so the array) lives, so the engine never reads memory the collector freed (the
 * hazard {@link EngineArrays} describes). Write only between updates: a graph that saved the
 * array for its backward pass would otherwise see the new values.
 *
 * <p>On another device the engine copies at creation, so {@link #array} makes a fresh copy
 * per update there.
 */
public final class HostBackedArray {
    private final ByteBuffer bytes;
    private final FloatBuffer host;
    private final Shape shape;
    private final NDArray cpuArray;
    private NDManager attachedTo;

    /** A zero-filled array of {@code shape} on {@code manager}. */
    public HostBackedArray(NDManager manager, Shape shape) {
        this.shape = shape;
        this.bytes = ByteBuffer.allocateDirect(Math.toIntExact(shape.size()) * Float.BYTES).order(ByteOrder.nativeOrder());
        this.host = bytes.asFloatBuffer();
        this.cpuArray = manager.getDevice().isGpu() ? null : manager.create(bytes, shape, DataType.FLOAT32);
    }

    /** Writes {@code n} values from {@code src[from]} at element {@code at}. */
    public void put(int at, float[] src, int from, int n) {
        host.put(at, src, from, n);
    }

    /** Writes one value at element {@code at}. */
    public void put(int at, float value) {
        host.put(at, value);
    }

    /**
     * The engine array with the values written so far, for an update that runs on {@code sub}:
     * on the CPU the persistent array, temporarily attached to {@code sub} so that the results
     * of operations on it land on {@code sub} too (DJL puts a result on its first operand's
     * manager) and return to the owner when {@code sub} closes; elsewhere a copy on {@code sub}.
     */
    public NDArray array(NDManager sub) {
        if (cpuArray == null) {
            return sub.create(bytes.duplicate().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
        }
        if (attachedTo != sub) {
            cpuArray.tempAttach(sub);
            attachedTo = sub;
        }
        return cpuArray;
    }
}
