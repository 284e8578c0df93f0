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
import java.util.SplittableRandom;
import org.hubprice.agents.GcPressure;
import org.junit.jupiter.api.Test;

class EngineArraysTest {
    @Test
    void aScalarHasTheValueShapeTypeAndManager() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray s = EngineArrays.scalar(m, 0.1);
            assertEquals(new Shape(), s.getShape());
            assertEquals(DataType.FLOAT32, s.getDataType());
            assertEquals(0.1f, s.getFloat());
            assertEquals(m, s.getManager(), "the scalar is attached to the manager it was made on");
            assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(EngineArrays.scalar(m, -0.0).getFloat()),
                    "the sign of zero survives");
        }
    }

    /**
     * The product keeps its scalar factor for the backward pass; the scalar's DJL handle is
     * closed and the collector runs (with freed native memory reused by junk) before the
     * backward pass, and the gradient must still be exactly that scalar. (With DJL's
     * {@code x.mul(0.37f)} instead, the gradient came out as 1.8e-19, -1.5e37 and 0.0.)
     */
    @Test
    void aScalarStaysValidForTheBackwardPassAfterItsHandleIsClosedAndTheCollectorRuns() {
        float factor = 0.37f;
        synchronized (GradientLock.LOCK) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(4));
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray s = EngineArrays.scalar(m, factor);
                    NDArray y = x.mul(s).sum();
                    s.close();
                    SplittableRandom rng = new SplittableRandom(3);
                    for (int round = 0; round < 5; round++) {
                        GcPressure.churnOnce(2000, rng);
                    }
                    gc.backward(y);
                }
                float[] grad = x.getGradient().toFloatArray();
                assertArrayEquals(new float[] {factor, factor, factor, factor}, grad, 0f);
            }
        }
    }
}
