package org.hubprice.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineArraysTest {
    @Test
    void copiesKeepValuesShapesAndTypes() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] f = {1.5f, -2f, 0f, -0f, Float.MIN_VALUE, 3.25e7f};
            NDArray a = EngineArrays.of(m, f, new Shape(2, 3));
            assertEquals(new Shape(2, 3), a.getShape());
            assertEquals(DataType.FLOAT32, a.getDataType());
            assertArrayEquals(f, a.toFloatArray(), 0f);
            assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(a.toFloatArray()[3]), "the sign of zero survives");

            long[] l = {7, -1, Long.MAX_VALUE};
            NDArray b = EngineArrays.of(m, l, new Shape(3, 1));
            assertEquals(DataType.INT64, b.getDataType());
            assertArrayEquals(l, b.toLongArray());

            NDArray s = EngineArrays.scalar(m, 0.1);
            assertEquals(new Shape(), s.getShape());
            assertEquals(0.1f, s.getFloat());
            assertEquals(m, s.getManager(), "the copy is attached to the manager it was made on");
        }
    }

    /**
     * The product keeps its scalar factor for the backward pass; the scalar's DJL handle is
     * closed and the collector runs (with freed native memory reused by junk) before the
     * backward pass, and the gradient must still be exactly that scalar.
     */
    @Test
    void aScalarStaysValidForTheBackwardPassAfterItsHandleIsClosedAndTheCollectorRuns() {
        float factor = 0.37f;
        synchronized (GradientLock.LOCK) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray x = EngineArrays.of(m, new float[] {1, 2, 3, 4}, new Shape(4));
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray s = EngineArrays.scalar(m, factor);
                    NDArray y = x.mul(s).sum();
                    s.close();
                    churnNativeMemory();
                    gc.backward(y);
                }
                float[] grad = x.getGradient().toFloatArray();
                assertArrayEquals(new float[] {factor, factor, factor, factor}, grad, 0f);
            }
        }
    }

    /** Collections, with freshly freed native memory overwritten by junk-filled direct buffers. */
    private static void churnNativeMemory() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int round = 0; round < 5; round++) {
            List<ByteBuffer> junk = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4 + rng.nextInt(64));
                while (b.remaining() >= 4) {
                    b.putInt(rng.nextInt());
                }
                junk.add(b);
            }
            junk.clear();
            System.gc();
        }
    }
}
