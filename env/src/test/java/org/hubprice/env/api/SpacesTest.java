package org.hubprice.env.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpacesTest {
    @Test
    void boxContainsAndSamplesInside() {
        Box box = new Box(new double[] {1, -1}, new double[] {2, 1});
        assertTrue(box.contains(new double[] {1, 1}));
        assertFalse(box.contains(new double[] {0.99, 0}));
        assertFalse(box.contains(new double[] {1.5, Double.NaN}));
        assertFalse(box.contains(new double[] {1.5}));
        SplittableRandom rng = new SplittableRandom(1);
        double mean = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double[] x = box.sample(rng);
            assertTrue(box.contains(x));
            mean += x[0] / n;
        }
        // Uniform on [1,2]: sd of the mean is 0.2887/sqrt(n) = 0.002; 5 sigma.
        assertEquals(1.5, mean, 0.01);
    }

    @Test
    void unboundedBoxSamplesFiniteValues() {
        Box box = new Box(new double[] {Double.NEGATIVE_INFINITY, 0}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double[] x = box.sample(rng);
            assertTrue(Double.isFinite(x[0]) && x[1] >= 0 && box.contains(x));
        }
    }

    @Test
    void sameSeedSameSamples() {
        Box box = Box.uniform(0, 1, 3);
        assertArrayEquals(box.sample(new SplittableRandom(7)), box.sample(new SplittableRandom(7)));
        Discrete d = new Discrete(5);
        assertArrayEquals(d.sample(new SplittableRandom(7)), d.sample(new SplittableRandom(7)));
    }

    @Test
    void discreteMembership() {
        Discrete d = new Discrete(3);
        assertTrue(d.contains(new double[] {2}));
        assertFalse(d.contains(new double[] {3}));
        assertFalse(d.contains(new double[] {1.5}));
        assertEquals(2, d.index(new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> d.index(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void badBoxesAreRejectedWithTheBound() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Box(new double[] {2}, new double[] {1}));
        assertTrue(e.getMessage().contains("[2.0, 1.0]"));
        assertThrows(IllegalArgumentException.class, () -> new Box(new double[] {0, 0}, new double[] {1, 1}, 3));
        assertEquals(new Box(new double[] {0, 0}, new double[] {1, 1}), Box.uniform(0, 1, 2));
    }
}
