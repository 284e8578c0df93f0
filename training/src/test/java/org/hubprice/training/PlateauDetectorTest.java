package org.hubprice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hubprice.training.config.PlateauConfig;
import org.junit.jupiter.api.Test;

class PlateauDetectorTest {
    @Test
    void firesOnAFlatSeriesNotOnARisingOne() {
        PlateauConfig c = new PlateauConfig(true, 50, 0.1, 0.01, 100, 1.0);
        PlateauDetector rising = new PlateauDetector(c);
        for (int k = 0; k < 1000; k++) {
            assertFalse(rising.add(100 + k), "a reward rising 1 per episode (>= 5 % per window) never plateaus, episode " + k);
        }
        PlateauDetector flat = new PlateauDetector(c);
        SplittableRandom r = new SplittableRandom(1);
        int firedAt = -1;
        for (int k = 0; k < 1000 && firedAt < 0; k++) {
            if (flat.add(1000 + r.nextDouble())) {
                firedAt = k + 1;
            }
        }
        assertEquals(100, firedAt, "flat at 1000 +- 0.5: fires as soon as minEpisodes allows");
    }

    @Test
    void disabledNeverFires() {
        PlateauDetector d = new PlateauDetector(new PlateauConfig(false, 5, 0.5, 0.5, 0, 1.0));
        for (int k = 0; k < 100; k++) {
            assertFalse(d.add(3));
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        PlateauConfig c = new PlateauConfig(true, 7, 0.2, 0.001, 0, 1.0);
        PlateauDetector a = new PlateauDetector(c);
        PlateauDetector b = new PlateauDetector(c);
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 23; k++) {
            a.add(r.nextDouble() * 10);
        }
        b.restore(a.state());
        for (int k = 0; k < 40; k++) {
            double x = r.nextDouble() * 10;
            assertEquals(a.add(x), b.add(x));
            assertEquals(a.smoothed(), b.smoothed(), 0.0);
        }
        assertTrue(Double.isFinite(a.relativeChange()));
    }
}
