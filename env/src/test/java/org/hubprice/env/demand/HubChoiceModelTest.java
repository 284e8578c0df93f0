package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Hub choice (docs/model.md 2.3). Random behaviour is checked with fixed seeds; a proportion is
 * accepted within {@value SampleStats#Z} binomial standard errors (two-sided level about 2e-4).
 */
class HubChoiceModelTest {
    private static final DemandConfig DEFAULTS = DemandConfig.defaults();
    private static final double[] BANDS_R = {1.06, 1.15, 1.25, 1.40, 1.60, 1.80};
    private static final double[] BANDS_B = {0.10, 0.20, 0.35, 0.60, 0.80, 1.00};

    private static HubChoiceModel model(DemandConfig c) {
        return new HubChoiceModel(c);
    }

    @Test
    void equalPricesSplitEvenlyWithRandomRemainderAndNoBalking() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(2);
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 20_000;
        int hub0GotExtra = 0;
        for (int s = 0; s < draws; s++) {
            m.assign(101, new double[] {50, 50}, new int[] {150, 150}, rng, out);
            assertEquals(0, out.totalBalked());
            assertEquals(0, out.lost);
            assertEquals(101, out.totalAssigned());
            assertTrue(out.assigned[0] == 50 || out.assigned[0] == 51, out::toString);
            if (out.assigned[0] == 51) {
                hub0GotExtra++;
            }
        }
        SampleStats.assertProportion("odd EV goes to hub 0", hub0GotExtra, draws, 0.5);
        m.assign(100, new double[] {50, 50}, new int[] {150, 150}, rng, out);
        assertArrayEquals(new int[] {50, 50}, out.assigned);
    }

    @Test
    void remainderGoesToDistinctRandomHubs() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(3);
        SplittableRandom rng = new SplittableRandom(12);
        int draws = 30_000;
        long[] short33 = new long[3];
        for (int s = 0; s < draws; s++) {
            m.assign(101, new double[] {70, 70, 70}, new int[] {150, 150, 150}, rng, out);
            int small = 0;
            for (int i = 0; i < 3; i++) {
                assertTrue(out.assigned[i] == 33 || out.assigned[i] == 34, out::toString);
                if (out.assigned[i] == 33) {
                    short33[i]++;
                    small++;
                }
            }
            assertEquals(1, small, "two extra EVs must go to two distinct hubs: " + out);
        }
        for (int i = 0; i < 3; i++) {
            SampleStats.assertProportion("hub " + i + " left with 33", short33[i], draws, 1.0 / 3);
        }
    }

    @Test
    void hubsWithinDeltaAreSimilarAndBeyondGetOnlyOverflow() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(2);
        SplittableRandom rng = new SplittableRandom(13);
        m.assign(100, new double[] {50, 52.5}, new int[] {150, 150}, rng, out);
        assertArrayEquals(new int[] {50, 50}, out.assigned, "5 % dearer is still similar");
        m.assign(100, new double[] {1.05 * 41.7, 41.7}, new int[] {150, 150}, rng, out);
        assertArrayEquals(new int[] {50, 50}, out.assigned, "a price of exactly (1 + δ)·p_min is similar despite rounding");
        m.assign(100, new double[] {50, 52.6}, new int[] {150, 150}, rng, out);
        assertArrayEquals(new int[] {100, 0}, out.assigned, "5.2 % dearer is not similar and gets nothing while the cheap hub has room");
        assertEquals(0, out.totalBalked());
        DemandConfig wide = DEFAULTS.withSimilarityTolerance(0.2);
        model(wide).assign(100, new double[] {50, 59}, new int[] {150, 150}, rng, out);
        assertArrayEquals(new int[] {50, 50}, out.assigned, "δ = 0.2 makes an 18 % gap similar");
    }

    @Test
    void similarSetIsWaterFilled() {
        HubChoiceModel m = model(DEFAULTS);
        SplittableRandom rng = new SplittableRandom(14);
        ChoiceOutcome two = new ChoiceOutcome(2);
        m.assign(100, new double[] {60, 60}, new int[] {10, 200}, rng, two);
        assertArrayEquals(new int[] {10, 90}, two.assigned);
        ChoiceOutcome three = new ChoiceOutcome(3);
        m.assign(100, new double[] {60, 61, 60}, new int[] {5, 20, 200}, rng, three);
        assertArrayEquals(new int[] {5, 20, 75}, three.assigned);
        m.assign(100, new double[] {60, 61, 60}, new int[] {5, 40, 50}, rng, three);
        assertArrayEquals(new int[] {5, 40, 50}, three.assigned);
        assertEquals(5, three.lost, "similar set full and no other hub: the rest are lost");
        assertEquals(0, three.totalBalked());
    }

    /** A dearer hub beyond δ receives only the cheap hub's overflow and loses b(r) of it to balking, for every band. */
    @Test
    void dearerHubLosesTheBandsShareOfOverflowToBalking() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(2);
        SplittableRandom rng = new SplittableRandom(15);
        int draws = 2_000;
        for (int band = 0; band < BANDS_R.length; band++) {
            long balked = 0;
            for (int s = 0; s < draws; s++) {
                m.assign(300, new double[] {50, 50 * BANDS_R[band]}, new int[] {100, 1000}, rng, out);
                assertEquals(100, out.assigned[0]);
                assertEquals(0, out.balked[0], "nobody balks at the cheapest hub");
                assertEquals(200, out.assigned[1] + out.balked[1], "all 200 overflow EVs reach the dear hub");
                assertEquals(0, out.lost);
                balked += out.balked[1];
            }
            SampleStats.assertProportion("balking at r = " + BANDS_R[band], balked, 200L * draws, BANDS_B[band]);
        }
        m.assign(90, new double[] {50, 60}, new int[] {100, 1000}, rng, out);
        assertArrayEquals(new int[] {90, 0}, out.assigned, "no overflow, no EVs at the dear hub");
        assertEquals(0, out.totalBalked());
    }

    @Test
    void stayersTakeFreeStationsAndTheRestAreLost() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(2);
        SplittableRandom rng = new SplittableRandom(16);
        long balked = 0;
        int draws = 2_000;
        for (int s = 0; s < draws; s++) {
            m.assign(400, new double[] {50, 60}, new int[] {100, 50}, rng, out);
            assertArrayEquals(new int[] {100, 50}, out.assigned, out::toString);
            assertEquals(300 - 50 - out.balked[1], out.lost);
            balked += out.balked[1];
        }
        SampleStats.assertProportion("balking at r = 1.2", balked, 300L * draws, 0.35);
    }

    @Test
    void overflowVisitsDearerHubsInIncreasingPriceOrder() {
        HubChoiceModel m = model(DEFAULTS.withBalking(BalkingCurve.none()));
        ChoiceOutcome out = new ChoiceOutcome(3);
        SplittableRandom rng = new SplittableRandom(17);
        m.assign(150, new double[] {50, 80, 60}, new int[] {10, 100, 100}, rng, out);
        assertArrayEquals(new int[] {10, 40, 100}, out.assigned);
        m.assign(150, new double[] {50, 80, 60}, new int[] {10, 100, 0}, rng, out);
        assertArrayEquals(new int[] {10, 100, 0}, out.assigned, "a full hub is skipped");
        assertEquals(40, out.lost);
        assertEquals(0, out.totalBalked());
    }

    @Test
    void equalPricedDearHubsAreVisitedInRandomOrder() {
        HubChoiceModel m = model(DEFAULTS.withBalking(BalkingCurve.none()));
        ChoiceOutcome out = new ChoiceOutcome(3);
        SplittableRandom rng = new SplittableRandom(18);
        int draws = 10_000;
        int hub1First = 0;
        for (int s = 0; s < draws; s++) {
            m.assign(100, new double[] {50, 70, 70}, new int[] {10, 200, 200}, rng, out);
            assertEquals(10, out.assigned[0]);
            assertTrue((out.assigned[1] == 90 && out.assigned[2] == 0) || (out.assigned[1] == 0 && out.assigned[2] == 90), out::toString);
            if (out.assigned[1] == 90) {
                hub1First++;
            }
        }
        SampleStats.assertProportion("hub 1 visited first among equal prices", hub1First, draws, 0.5);
    }

    @Test
    void withBalkingNoneNobodyBalks() {
        HubChoiceModel m = model(DEFAULTS.withBalking(BalkingCurve.none()));
        ChoiceOutcome out = new ChoiceOutcome(2);
        SplittableRandom rng = new SplittableRandom(19);
        for (double r : new double[] {1.06, 1.3, 2.0, 10.0}) {
            m.assign(300, new double[] {50, 50 * r}, new int[] {100, 1000}, rng, out);
            assertArrayEquals(new int[] {100, 200}, out.assigned);
            assertEquals(0, out.totalBalked());
            assertEquals(0, out.lost);
        }
    }

    @Test
    void priceInsensitiveEvsPickUniformlyAmongHubsWithRoom() {
        HubChoiceModel m = model(DEFAULTS.withPriceSensitiveShare(0));
        SplittableRandom rng = new SplittableRandom(20);
        ChoiceOutcome out = new ChoiceOutcome(3);
        int draws = 2_000;
        long[] total = new long[3];
        for (int s = 0; s < draws; s++) {
            m.assign(300, new double[] {50, 90, 200}, new int[] {1000, 1000, 1000}, rng, out);
            assertEquals(0, out.totalBalked(), "price-insensitive EVs never balk");
            assertEquals(300, out.totalAssigned());
            for (int i = 0; i < 3; i++) {
                total[i] += out.assigned[i];
            }
        }
        for (int i = 0; i < 3; i++) {
            SampleStats.assertProportion("share of hub " + i, total[i], 300L * draws, 1.0 / 3);
        }
        long hub1 = 0;
        for (int s = 0; s < draws; s++) {
            m.assign(300, new double[] {50, 90, 200}, new int[] {0, 1000, 1000}, rng, out);
            assertEquals(0, out.assigned[0], "a hub without free stations gets nobody");
            hub1 += out.assigned[1];
        }
        SampleStats.assertProportion("share of hub 1 when hub 0 is full", hub1, 300L * draws, 0.5);
        ChoiceOutcome two = new ChoiceOutcome(2);
        m.assign(100, new double[] {50, 300}, new int[] {10, 1000}, rng, two);
        assertArrayEquals(new int[] {10, 90}, two.assigned, "once a hub is full the others take everyone");
        m.assign(100, new double[] {50, 300}, new int[] {10, 20}, rng, two);
        assertArrayEquals(new int[] {10, 20}, two.assigned);
        assertEquals(70, two.lost);
    }

    /** With γ = 0.5, a hub at twice the lowest price (b = 1) is reached only by price-insensitive EVs: a quarter of all EVs. */
    @Test
    void mixedShareSplitsEvsBinomially() {
        HubChoiceModel m = model(DEFAULTS.withPriceSensitiveShare(0.5));
        SplittableRandom rng = new SplittableRandom(21);
        ChoiceOutcome out = new ChoiceOutcome(2);
        int draws = 5_000;
        long dear = 0;
        for (int s = 0; s < draws; s++) {
            m.assign(200, new double[] {50, 100}, new int[] {1000, 1000}, rng, out);
            assertEquals(0, out.totalBalked());
            dear += out.assigned[1];
        }
        SampleStats.assertProportion("EVs at the dear hub", dear, 200L * draws, 0.25);
    }

    @Test
    void absolutePriceCurveMakesEvsBalkEvenAtEqualPrices() {
        HubChoiceModel m = model(DEFAULTS.withBalking(BalkingCurve.logisticPrice(100, 10)));
        SplittableRandom rng = new SplittableRandom(22);
        ChoiceOutcome out = new ChoiceOutcome(2);
        int draws = 2_000;
        long balked = 0;
        for (int s = 0; s < draws; s++) {
            m.assign(100, new double[] {100, 100}, new int[] {1000, 1000}, rng, out);
            assertEquals(100, out.totalArrivals());
            balked += out.totalBalked();
        }
        SampleStats.assertProportion("balking at the logistic midpoint", balked, 100L * draws, 0.5);
    }

    @Test
    void singleHubTakesWhatFitsAndLosesTheRest() {
        HubChoiceModel m = model(DEFAULTS);
        ChoiceOutcome out = new ChoiceOutcome(1);
        m.assign(200, new double[] {75}, new int[] {150}, new SplittableRandom(23), out);
        assertEquals(150, out.assigned[0]);
        assertEquals(50, out.lost);
        assertEquals(0, out.totalBalked());
    }

    /** Property test over many random markets: every EV is counted once, no hub is over capacity, and the structural rules hold. */
    @Test
    void conservationAndCapacityHoldForRandomInputs() {
        SplittableRandom gen = new SplittableRandom(2718);
        BalkingCurve[] curves = {BalkingCurve.referenceSteps(), BalkingCurve.none(), BalkingCurve.logisticPrice(80, 15),
            BalkingCurve.either(BalkingCurve.referenceSteps(), BalkingCurve.logisticPrice(80, 15))};
        double[] multipliers = {1, 1, 1.03, 1.05, 1.1, 1.2, 1.5, 2};
        for (int c = 0; c < 5_000; c++) {
            int hubs = 1 + gen.nextInt(6);
            double base = 20 + 100 * gen.nextDouble();
            double[] prices = new double[hubs];
            int[] free = new int[hubs];
            for (int i = 0; i < hubs; i++) {
                prices[i] = gen.nextBoolean() ? base * multipliers[gen.nextInt(multipliers.length)] : base * (1 + gen.nextDouble());
                free[i] = gen.nextInt(5) == 0 ? 0 : gen.nextInt(200);
            }
            int arrivals = gen.nextInt(5) == 0 ? gen.nextInt(5) : gen.nextInt(800);
            double gamma = switch (gen.nextInt(3)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                default -> gen.nextDouble();
            };
            double delta = switch (gen.nextInt(3)) {
                case 0 -> 0.0;
                case 1 -> 0.05;
                default -> 0.3 * gen.nextDouble();
            };
            BalkingCurve curve = curves[gen.nextInt(curves.length)];
            DemandConfig cfg = DEFAULTS.withPriceSensitiveShare(gamma).withSimilarityTolerance(delta).withBalking(curve);
            double[] pricesCopy = prices.clone();
            int[] freeCopy = free.clone();
            ChoiceOutcome out = new ChoiceOutcome(hubs);
            long seed = gen.nextLong();
            new HubChoiceModel(cfg).assign(arrivals, prices, free, new SplittableRandom(seed), out);
            int id = c;
            java.util.function.Supplier<String> where = () -> "case " + id + ": arrivals " + arrivals + ", prices " + java.util.Arrays.toString(prices) + ", free "
                    + java.util.Arrays.toString(free) + ", gamma " + gamma + ", delta " + delta + ", " + curve + " -> " + out;

            assertArrayEquals(pricesCopy, prices, "prices must not be modified");
            assertArrayEquals(freeCopy, free, "free stations must not be modified");
            assertEquals(arrivals, out.totalAssigned() + out.totalBalked() + out.lost, () -> "conservation, " + where.get());
            int totalFree = 0;
            boolean allFull = true;
            for (int i = 0; i < hubs; i++) {
                assertTrue(out.assigned[i] >= 0 && out.assigned[i] <= free[i], () -> "capacity, " + where.get());
                assertTrue(out.balked[i] >= 0, where);
                totalFree += free[i];
                allFull &= out.assigned[i] == free[i];
            }
            assertTrue(out.lost >= 0, where);
            assertTrue(out.lost == 0 || allFull, () -> "EVs lost while a station was free, " + where.get());
            if (curve instanceof BalkingCurve.None || gamma == 0) {
                assertEquals(0, out.totalBalked(), where);
                assertEquals(Math.min(arrivals, totalFree), out.totalAssigned(), where);
            }

            double pMin = java.util.Arrays.stream(prices).min().orElseThrow();
            boolean ratioOnly = curve instanceof BalkingCurve.None || curve instanceof BalkingCurve.Steps;
            if (ratioOnly) {
                boolean similarRoomLeft = false;
                int minOpenSimilar = Integer.MAX_VALUE;
                int maxOpenSimilar = Integer.MIN_VALUE;
                for (int i = 0; i < hubs; i++) {
                    boolean similar = (prices[i] - pMin) / pMin <= delta + HubChoiceModel.SIMILARITY_SLACK;
                    if (similar) {
                        assertEquals(0, out.balked[i], () -> "balking inside the similar set, " + where.get());
                        if (out.assigned[i] < free[i]) {
                            similarRoomLeft = true;
                            minOpenSimilar = Math.min(minOpenSimilar, out.assigned[i]);
                            maxOpenSimilar = Math.max(maxOpenSimilar, out.assigned[i]);
                        }
                    }
                }
                if (gamma == 1 && similarRoomLeft) {
                    assertTrue(maxOpenSimilar - minOpenSimilar <= 1, () -> "uneven spread over the similar set, " + where.get());
                    for (int i = 0; i < hubs; i++) {
                        boolean similar = (prices[i] - pMin) / pMin <= delta + HubChoiceModel.SIMILARITY_SLACK;
                        if (!similar) {
                            assertEquals(0, out.assigned[i] + out.balked[i], () -> "overflow although the similar set had room, " + where.get());
                        } else if (out.assigned[i] == free[i]) {
                            assertTrue(out.assigned[i] <= minOpenSimilar + 1, () -> "a full similar hub got more than its share, " + where.get());
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameOutcome() {
        DemandConfig cfg = DEFAULTS.withPriceSensitiveShare(0.6);
        double[] prices = {50, 51, 58, 58, 75};
        int[] free = {20, 30, 40, 40, 100};
        ChoiceOutcome a = new ChoiceOutcome(5);
        ChoiceOutcome b = new ChoiceOutcome(5);
        HubChoiceModel m1 = new HubChoiceModel(cfg);
        HubChoiceModel m2 = new HubChoiceModel(cfg);
        SplittableRandom r1 = new SplittableRandom(99);
        SplittableRandom r2 = new SplittableRandom(99);
        for (int s = 0; s < 200; s++) {
            m1.assign(250, prices, free, r1, a);
            m2.assign(250, prices, free, r2, b);
            assertArrayEquals(a.assigned, b.assigned);
            assertArrayEquals(a.balked, b.balked);
            assertEquals(a.lost, b.lost);
        }
    }

    @Test
    void badInputsAreRejectedWithTheFieldAndValue() {
        HubChoiceModel m = model(DEFAULTS);
        SplittableRandom rng = new SplittableRandom(1);
        ChoiceOutcome out = new ChoiceOutcome(2);
        assertMessage(() -> m.assign(-1, new double[] {50, 50}, new int[] {1, 1}, rng, out), "arrivals = -1");
        assertMessage(() -> m.assign(5, new double[] {0, 50}, new int[] {1, 1}, rng, out), "prices[0] = 0.0", "Maybe");
        assertMessage(() -> m.assign(5, new double[] {50, Double.NaN}, new int[] {1, 1}, rng, out), "prices[1] = NaN");
        assertMessage(() -> m.assign(5, new double[] {50, -3}, new int[] {1, 1}, rng, out), "prices[1] = -3.0");
        assertMessage(() -> m.assign(5, new double[] {50, 50}, new int[] {1, -1}, rng, out), "freeStations[1] = -1");
        assertMessage(() -> m.assign(5, new double[] {50, 50}, new int[] {1}, rng, out), "freeStations has 1");
        assertMessage(() -> m.assign(5, new double[] {50, 50, 50}, new int[] {1, 1, 1}, rng, out), "ChoiceOutcome(3)");
        assertMessage(() -> m.assign(5, new double[] {}, new int[] {}, rng, out), "prices is empty");
        assertThrows(IllegalArgumentException.class, () -> new ChoiceOutcome(0));
    }

    /** assign allocates nothing once its scratch arrays have grown to the hub count. */
    @Test
    void assignAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb && tb.isThreadAllocatedMemorySupported(),
                "per-thread allocation counting is not supported by this JVM");
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) bean;
        tb.setThreadAllocatedMemoryEnabled(true);
        HubChoiceModel m = model(DEFAULTS.withPriceSensitiveShare(0.7).withBalking(
                BalkingCurve.either(BalkingCurve.referenceSteps(), BalkingCurve.logisticPrice(80, 15))));
        double[] prices = {50, 51, 60, 60, 90};
        int[] free = {30, 30, 40, 40, 200};
        ChoiceOutcome out = new ChoiceOutcome(5);
        SplittableRandom rng = new SplittableRandom(5);
        for (int s = 0; s < 20_000; s++) {
            m.assign(100 + (s % 300), prices, free, rng, out);
        }
        long thread = Thread.currentThread().getId();
        long before = tb.getThreadAllocatedBytes(thread);
        for (int s = 0; s < 20_000; s++) {
            m.assign(100 + (s % 300), prices, free, rng, out);
        }
        long allocated = tb.getThreadAllocatedBytes(thread) - before;
        // The measurement itself may allocate a few hundred bytes; 20,000 calls allocating even one object each would be >= 320 kB.
        assertTrue(allocated < 4_096, "assign allocated " + allocated + " bytes over 20,000 calls");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), "message should contain '" + p + "': " + ex.getMessage());
        }
    }
}
