package org.hubprice.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(4));
            x.setRequiresGradient(true);
            try (GradientRecorder gc = GradientRecorder.open()) {
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

    /**
     * The helpers for user code keep their scalar alive the same way: each gradient is checked
     * against its closed form after the collector ran with junk reusing freed memory.
     * d/dx of sum(x*0.37 + x/4 + (x+2) - (x-1) + min(x, 2.5) + max(x, 2.5)) is
     * 0.37 + 0.25 + 1 + 1 + [x < 2.5] + [x > 2.5].
     */
    @Test
    void theArithmeticHelpersGiveExactGradientsUnderCollectorPressure() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(4));
            x.setRequiresGradient(true);
            try (GradientRecorder gc = GradientRecorder.open()) {
                NDArray y = EngineArrays.times(x, 0.37).add(EngineArrays.dividedBy(x, 4)).add(EngineArrays.plus(x, 2))
                        .add(EngineArrays.minus(x, 1)).add(EngineArrays.atMost(x, 2.5)).add(EngineArrays.atLeast(x, 2.5)).sum();
                SplittableRandom rng = new SplittableRandom(5);
                for (int round = 0; round < 5; round++) {
                    GcPressure.churnOnce(2000, rng);
                }
                gc.backward(y);
            }
            float base = 0.37f + 0.25f + 2f;
            assertArrayEquals(new float[] {base + 1, base + 1, base + 1, base + 1}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
