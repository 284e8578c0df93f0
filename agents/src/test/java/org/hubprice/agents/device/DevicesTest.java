package org.hubprice.agents.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DevicesTest {
    @Test
    void cpuAndAutoResolve() {
        assertEquals(Device.cpu(), Devices.resolve("cpu"));
        assertEquals(Device.cpu(), Devices.resolve(null));
        Device auto = Devices.resolve("auto");
        assertEquals(Devices.gpuCount() > 0 ? Device.gpu(0) : Device.cpu(), auto);
    }

    @Test
    void gpuWithoutAGpuIsAClearError() {
        Assumptions.assumeTrue(Devices.gpuCount() == 0, "a GPU is visible; this test checks the no-GPU message");
        var e = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu"));
        assertTrue(e.getMessage().contains("no GPU") && e.getMessage().contains("-Dcuda"), e.getMessage());
    }

    @Test
    void gpuIsUsedWhenVisible() {
        Assumptions.assumeTrue(Devices.gpuCount() > 0, "no GPU visible to PyTorch (CPU build or no device)");
        assertEquals(Device.gpu(0), Devices.resolve("gpu"));
        assertEquals(Device.gpu(0), Devices.resolve("gpu:0"));
    }

    @Test
    void unknownNamesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("tpu"));
        assertTrue(e.getMessage().contains("auto, cpu, gpu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:x"));
    }
}
