package org.hubprice.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterIOTest {
    private static byte[] bytes(Block b) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            ParameterIO.write(b, out);
        }
        return bos.toByteArray();
    }

    @Test
    void writeThenReadRestoresEveryValue() throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.mha().withHidden(List.of(16));
            Block a = Networks.create(cfg, 5, 3, m, 1);
            Block b = Networks.create(cfg, 5, 3, m, 2);
            ParameterIO.read(b, new DataInputStream(new ByteArrayInputStream(bytes(a))), "test");
            assertArrayEquals(ParameterIO.flatten(a), ParameterIO.flatten(b));
        }
    }

    @Test
    void readingIntoAnotherNetworkNamesTheDifference() throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Block a = Networks.create(NetworkConfig.ff().withHidden(List.of(16)), 5, 3, m, 1);
            Block wider = Networks.create(NetworkConfig.ff().withHidden(List.of(16)), 6, 3, m, 1);
            byte[] data = bytes(a);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterIO.read(wider, new DataInputStream(new ByteArrayInputStream(data)), "q.params"));
            assertTrue(e.getMessage().contains("q.params") && e.getMessage().contains("(16, 5)") && e.getMessage().contains("(16, 6)"),
                    e.getMessage());
            Block mha = Networks.create(NetworkConfig.mha().withHidden(List.of(16)), 5, 3, m, 1);
            assertThrows(IllegalArgumentException.class,
                    () -> ParameterIO.read(mha, new DataInputStream(new ByteArrayInputStream(data)), "q.params"));
        }
    }

    @Test
    void polyakAndCopyUpdateTheTargetInPlace() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.ff().withHidden(List.of(4));
            Block src = Networks.create(cfg, 2, 1, m, 1);
            Block dst = Networks.create(cfg, 2, 1, m, 2);
            var dstArray = dst.getParameters().get(0).getValue().getArray();
            float[] s = ParameterIO.flatten(src);
            float[] d = ParameterIO.flatten(dst);
            ParameterIO.polyak(src, dst, 0.25);
            float[] p = ParameterIO.flatten(dst);
            for (int i = 0; i < s.length; i++) {
                assertEquals(0.75 * d[i] + 0.25 * s[i], p[i], 1e-6);
            }
            ParameterIO.copy(src, dst);
            assertArrayEquals(s, ParameterIO.flatten(dst));
            assertEquals(dstArray, dst.getParameters().get(0).getValue().getArray(), "same array object: updated in place");
            for (var p2 : ParameterIO.parameters(src)) {
                p2.getValue().getArray().muli(3);
            }
            assertArrayEquals(s, ParameterIO.flatten(dst), "the copy does not share memory with the source");
            assertThrows(IllegalArgumentException.class, () -> ParameterIO.polyak(src, dst, 0));
        }
    }

    @Test
    void polyakWorksInAThreadWithGradModeOn() throws Exception {
        // Worker threads (parallel sessions, evaluation days) start with PyTorch's grad mode on.
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NetworkConfig cfg = NetworkConfig.ff().withHidden(List.of(4));
            Block src = Networks.create(cfg, 2, 1, m, 1);
            Block dst = Networks.create(cfg, 2, 1, m, 2);
            float[] s = ParameterIO.flatten(src);
            float[] d = ParameterIO.flatten(dst);
            Throwable[] failure = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    ai.djl.pytorch.jni.JniUtils.setGradMode(true);
                    ParameterIO.polyak(src, dst, 0.5);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            worker.start();
            worker.join();
            if (failure[0] != null) {
                throw new AssertionError("polyak failed with grad mode on", failure[0]);
            }
            float[] p = ParameterIO.flatten(dst);
            for (int k = 0; k < s.length; k++) {
                assertEquals(0.5 * d[k] + 0.5 * s[k], p[k], 1e-6);
            }
        }
    }
}
