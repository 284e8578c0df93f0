package org.hubprice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.training.config.PlateauConfig;
import org.junit.jupiter.api.Test;

class PlateauDetectorTest {
    /**
     * The rule of PlateauConfig's documentation, written out slowly: every smoothed value is kept,
     * {@code s_1 = r_1}, {@code s_k = s_{k-1} + smoothing (r_k - s_{k-1})}; after episode k it fires
     * when enabled, {@code k >= minEpisodes}, {@code k > window} and
     * {@code |s_k - s_{k-window}| <= threshold max(|s_{k-window}|, scaleFloor)}. Also used by TrainerTest.
     */
    static final class Reference {
        final PlateauConfig c;
        final List<Double> s = new ArrayList<>();

        Reference(PlateauConfig c) {
            this.c = c;
        }

        boolean add(double r) {
            s.add(s.isEmpty() ? r : s.get(s.size() - 1) + c.smoothing() * (r - s.get(s.size() - 1)));
            int k = s.size();
            if (!c.enabled() || k < c.minEpisodes() || k <= c.window()) {
                return false;
            }
            double now = s.get(k - 1);
            double then = s.get(k - 1 - c.window());
            return Math.abs(now - then) <= c.threshold() * Math.max(Math.abs(then), c.scaleFloor());
        }

        double relativeChange() {
            int k = s.size();
            if (k <= c.window()) {
                return Double.NaN;
            }
            double then = s.get(k - 1 - c.window());
            return Math.abs(s.get(k - 1) - then) / Math.max(Math.abs(then), c.scaleFloor());
        }
    }

    /** Equal to 12 digits, or both NaN (before a full window). */
    private static void assertSameChange(double want, double got, String what) {
        if (Double.isNaN(want)) {
            assertTrue(Double.isNaN(got), what + ": NaN before a full window, got " + got);
        } else {
            assertEquals(want, got, 1e-12 * Math.max(1, Math.abs(want)), what);
        }
    }

    @Test
    void handComputedSmallSeries() {
        // window 2, smoothing 0.5, rewards 0, 4, 4, 4, 4, 4:
        //   s = 0, 2, 3, 3.5, 3.75, 3.875
        //   relative change after episode 3: |3 - 0| / max(0, 1) = 3
        //                              4: |3.5 - 2| / 2 = 0.75
        //                              5: |3.75 - 3| / 3 = 0.25   (fires at threshold 0.25: the bound is inclusive)
        //                              6: |3.875 - 3.5| / 3.5 = 0.375 / 3.5 = 3 / 28
        double[] rewards = {0, 4, 4, 4, 4, 4};
        double[] smoothed = {0, 2, 3, 3.5, 3.75, 3.875};
        double[] change = {Double.NaN, Double.NaN, 3, 0.75, 0.25, 3.0 / 28};
        PlateauDetector d = new PlateauDetector(new PlateauConfig(true, 2, 0.5, 0.25, 0, 1.0));
        for (int k = 0; k < rewards.length; k++) {
            boolean fired = d.add(rewards[k]);
            assertEquals(k + 1, d.count());
            assertEquals(smoothed[k], d.smoothed(), 0.0, "smoothed after episode " + (k + 1));
            assertEquals(change[k], d.relativeChange(), 1e-15, "relative change after episode " + (k + 1));
            assertEquals(k + 1 >= 5, fired, "fires from episode 5 on, episode " + (k + 1));
        }
        // minEpisodes holds it back: same series, minEpisodes 6 -> first fires at 6 (3/28 <= 0.25)
        PlateauDetector late = new PlateauDetector(new PlateauConfig(true, 2, 0.5, 0.25, 6, 1.0));
        for (int k = 0; k < rewards.length; k++) {
            assertEquals(k + 1 == 6, late.add(rewards[k]), "episode " + (k + 1));
        }
        // scaleFloor 10 measures against max(|s|, 10): changes 3/10, 1.5/10, 0.75/10, 0.375/10;
        // at threshold 0.2 it fires from episode 4 (0.15), where the floor of 1 gives 0.75 and does not
        PlateauDetector floored = new PlateauDetector(new PlateauConfig(true, 2, 0.5, 0.2, 0, 10.0));
        for (int k = 0; k < rewards.length; k++) {
            assertEquals(k + 1 >= 4, floored.add(rewards[k]), "episode " + (k + 1));
        }
        assertEquals(0.0375, floored.relativeChange(), 1e-15);
    }

    @Test
    void negativeRewardsAreMeasuredAgainstTheirMagnitude() {
        // window 1, smoothing 0.5, rewards -8, 0, 0: s = -8, -4, -2;
        // change after 2: |-4 - (-8)| / max(|-8|, 1) = 0.5; after 3: |-2 - (-4)| / 4 = 0.5
        PlateauDetector d = new PlateauDetector(new PlateauConfig(true, 1, 0.5, 0.5, 0, 1.0));
        assertFalse(d.add(-8));
        assertTrue(d.add(0));
        assertEquals(0.5, d.relativeChange(), 0.0);
        assertTrue(d.add(0));
        assertEquals(0.5, d.relativeChange(), 0.0);
    }

    @Test
    void agreesWithTheSlowReferenceOnRandomSeries() {
        PlateauConfig[] configs = {
            new PlateauConfig(true, 1, 1.0, 0.05, 0, 1.0),
            new PlateauConfig(true, 3, 0.3, 0.02, 0, 1.0),
            new PlateauConfig(true, 7, 0.2, 0.01, 12, 5.0),
            new PlateauConfig(true, 50, 0.05, 0.003, 100, 1.0),
            new PlateauConfig(true, 20, 0.5, 0.1, 0, 1000.0),
        };
        SplittableRandom r = new SplittableRandom(17);
        for (PlateauConfig c : configs) {
            PlateauDetector d = new PlateauDetector(c);
            Reference ref = new Reference(c);
            int fires = 0;
            int quiet = 0;
            for (int k = 0; k < 600; k++) {
                // stretches that are flat, rising, and swinging through zero, with noise: the rule both fires and does not
                double level = switch (k / 120 % 3) {
                    case 0 -> 200;
                    case 1 -> 200 + 3 * (k % 120);
                    default -> 100 * Math.sin(k / 15.0);
                };
                double x = level + 2 * (r.nextDouble() - 0.5);
                boolean want = ref.add(x);
                assertEquals(want, d.add(x), c + " episode " + (k + 1));
                assertSameChange(ref.relativeChange(), d.relativeChange(), c + " episode " + (k + 1));
                if (k + 1 > c.window() && k + 1 >= c.minEpisodes()) {
                    fires += want ? 1 : 0;
                    quiet += want ? 0 : 1;
                }
            }
            assertTrue(fires > 0 && quiet > 0, c + ": the series exercises both outcomes (" + fires + " / " + quiet + ")");
        }
    }

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
    void disabledNeverFiresWhereTheEnabledRuleWould() {
        PlateauDetector on = new PlateauDetector(new PlateauConfig(true, 5, 0.5, 0.5, 0, 1.0));
        PlateauDetector off = new PlateauDetector(new PlateauConfig(false, 5, 0.5, 0.5, 0, 1.0));
        int onFired = 0;
        for (int k = 0; k < 100; k++) {
            onFired += on.add(3) ? 1 : 0;
            assertFalse(off.add(3));
        }
        assertEquals(100 - 5, onFired, "a constant fires at every episode after the first window");
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        PlateauConfig c = new PlateauConfig(true, 7, 0.2, 0.001, 0, 1.0);
        PlateauDetector a = new PlateauDetector(c);
        PlateauDetector b = new PlateauDetector(c);
        Reference ref = new Reference(c);
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 23; k++) {
            double x = r.nextDouble() * 10;
            a.add(x);
            ref.add(x);
        }
        b.restore(a.state());
        assertEquals(a.state(), b.state());
        assertEquals(23, b.count());
        for (int k = 0; k < 40; k++) {
            double x = r.nextDouble() * 10;
            boolean want = ref.add(x);
            assertEquals(want, a.add(x));
            assertEquals(want, b.add(x));
            assertEquals(a.smoothed(), b.smoothed(), 0.0);
            assertSameChange(ref.relativeChange(), b.relativeChange(), "episode " + (24 + k));
        }
        PlateauDetector other = new PlateauDetector(new PlateauConfig(true, 8, 0.2, 0.001, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> other.restore(a.state()), "a different window cannot resume");
    }
}
