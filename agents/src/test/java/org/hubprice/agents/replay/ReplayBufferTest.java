package org.hubprice.agents.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.hubprice.agents.util.Rng;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private static void fill(ReplayBuffer b, int from, int to) {
        for (int i = from; i < to; i++) {
            b.add(new double[] {i, -i}, new double[] {i % 7}, i * 0.5, new double[] {i + 1, -i - 1}, i % 10 == 9);
        }
    }

    @Test
    void growsOnDemandUpToCapacityThenOverwritesTheOldest() {
        ReplayBuffer b = new ReplayBuffer(1_000_000, 2, 1);
        assertEquals(1024, b.allocatedRows(), "a large capacity is not allocated up front");
        fill(b, 0, 3000);
        assertEquals(4096, b.allocatedRows());
        assertEquals(3000, b.size());

        ReplayBuffer small = new ReplayBuffer(100, 2, 1);
        fill(small, 0, 250);
        assertEquals(100, small.size());
        assertEquals(250, small.added());
        Batch batch = new Batch(500, 2, 1);
        small.sample(new Rng(1), batch);
        for (int r = 0; r < batch.size; r++) {
            float o = batch.observations[2 * r];
            assertTrue(o >= 150 && o < 250, "only the newest 100 remain, got " + o);
            assertEquals(o + 1, batch.nextObservations[2 * r]);
            assertEquals(o * 0.5f, batch.rewards[r]);
            assertEquals(((int) o) % 10 == 9 ? 1f : 0f, batch.terminated[r]);
        }
    }

    @Test
    void samplingIsSeededAndUniform() {
        ReplayBuffer b = new ReplayBuffer(1000, 2, 1);
        fill(b, 0, 10);
        Batch x = new Batch(20_000, 2, 1);
        Batch y = new Batch(20_000, 2, 1);
        b.sample(new Rng(7), x);
        b.sample(new Rng(7), y);
        assertArrayEquals(x.indices, y.indices);
        int[] counts = new int[10];
        for (int i : x.indices) {
            counts[i]++;
        }
        // expected 2000 per row, sd ~42; 5 sd
        for (int c : counts) {
            assertTrue(Math.abs(c - 2000) < 210, "count " + c);
        }
    }

    @Test
    void serialisationRoundTripsAndContinuesTheRing() throws IOException {
        ReplayBuffer b = new ReplayBuffer(50, 2, 1);
        fill(b, 0, 70);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            b.write(out);
        }
        ReplayBuffer c = ReplayBuffer.read(new DataInputStream(new ByteArrayInputStream(bos.toByteArray())), "t");
        assertEquals(b.size(), c.size());
        assertEquals(b.added(), c.added());
        fill(b, 70, 90);
        fill(c, 70, 90);
        Batch x = new Batch(64, 2, 1);
        Batch y = new Batch(64, 2, 1);
        b.sample(new Rng(3), x);
        c.sample(new Rng(3), y);
        assertArrayEquals(x.observations, y.observations);
        assertArrayEquals(x.rewards, y.rewards);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2, 1));
        ReplayBuffer b = new ReplayBuffer(10, 2, 1);
        assertThrows(IllegalStateException.class, () -> b.sample(new Rng(1), new Batch(1, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> b.add(new double[3], new double[1], 0, new double[2], false));
    }
}
