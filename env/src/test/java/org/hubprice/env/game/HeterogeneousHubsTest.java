package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.demand.ArrivalModel;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.EvEnergyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heterogeneous hubs ({@code hubs.stationsPerHub}): each hub's stations in the game and the
 * invariants, the water-filled expected loads behind the DA commitment (which reduce bit for
 * bit to the single-load rule for identical hubs), one commitment per distinct load, and each
 * hub observing its own commitment.
 */
class HeterogeneousHubsTest {
    private static double[] spread(double evs, int... stations) {
        double[] out = new double[stations.length];
        DaCommitments.spreadOverHubs(evs, stations, out);
        return out;
    }

    @Test
    void expectedEvsAreWaterFilledUpToEachHubsStations() {
        assertArrayEquals(new double[] {50, 50}, spread(100, 60, 240), 0);
        assertArrayEquals(new double[] {60, 138}, spread(198, 60, 240), 1e-12);
        assertArrayEquals(new double[] {60, 240}, spread(300, 60, 240), 1e-12);
        // Beyond every station: in proportion to the stations.
        assertArrayEquals(new double[] {80, 320}, spread(400, 60, 240), 1e-12);
        // Two rounds: 100/3 fills the 10-station hub, then 90/2 = 45 fits both others.
        assertArrayEquals(new double[] {10, 45, 45}, spread(100, 10, 50, 100), 1e-12);
        // Three rounds: 10 and then 20 fill up, the rest goes to the big hub.
        assertArrayEquals(new double[] {10, 20, 70}, spread(100, 10, 20, 200), 1e-12);
        assertArrayEquals(new double[] {0, 0}, spread(0, 60, 240), 0);

        // Random cases: the shares sum to the EVs, none exceeds its stations below saturation,
        // and hubs that are not full share one level at least as high as any full hub's stations.
        SplittableRandom rng = new SplittableRandom(11);
        for (int k = 0; k < 2_000; k++) {
            int h = 1 + rng.nextInt(6);
            int[] s = new int[h];
            long total = 0;
            for (int i = 0; i < h; i++) {
                s[i] = 1 + rng.nextInt(300);
                total += s[i];
            }
            double evs = rng.nextDouble() * total * 1.3;
            double[] out = spread(evs, s);
            assertEquals(evs, Arrays.stream(out).sum(), 1e-9 * Math.max(1, evs), "shares sum to the EVs");
            if (evs <= total) {
                double level = -1;
                for (int i = 0; i < h; i++) {
                    assertTrue(out[i] <= s[i] + 1e-9, "share within stations");
                    if (out[i] < s[i] - 1e-9) {
                        assertTrue(level < 0 || Math.abs(level - out[i]) < 1e-9, "one level for the open hubs");
                        level = out[i];
                    }
                }
                for (int i = 0; i < h && level >= 0; i++) {
                    assertTrue(out[i] >= s[i] - 1e-9 || Math.abs(out[i] - level) < 1e-9);
                    assertTrue(out[i] <= level + 1e-9, "a full hub has no more than the level");
                }
            } else {
                for (int i = 0; i < h; i++) {
                    assertEquals(evs * s[i] / total, out[i], 1e-9 * evs);
                }
            }
        }
    }

    @Test
    void identicalHubsGetExactlyTheOldShare() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 5_000; k++) {
            int h = 1 + rng.nextInt(64);
            int stations = 1 + rng.nextInt(100_000);
            int[] s = new int[h];
            Arrays.fill(s, stations);
            double evs = rng.nextDouble() * 2.5 * h * stations;
            double[] out = spread(evs, s);
            for (double v : out) {
                assertEquals(Double.doubleToLongBits(evs / h), Double.doubleToLongBits(v), "H=" + h + " S=" + stations + " evs=" + evs);
            }
        }
    }

    /** The single-load rule of the identical-hub model, written out: {@code min(E n / H × mean, S × max)}. */
    private static double[] oldRule(EnvConfig c) {
        DemandConfig demand = c.demand().toDemandConfig();
        ArrivalModel arrivals = new ArrivalModel(demand);
        EvEnergyModel energy = new EvEnergyModel(demand);
        int hubs = c.hubs().count();
        double cap = c.hubs().stations() * energy.maxEnergyKwh();
        double[] load = new double[24];
        for (int t = 0; t < 24; t++) {
            load[t] = Math.min(arrivals.expectedChargeSeekers(t) / hubs * energy.meanEnergyKwh(), cap);
        }
        return load;
    }

    @Test
    void identicalHubsReduceBitForBitToTheSingleLoadRule() {
        for (String o : List.of("hubs.count=2", "hubs.stations=10", "hubs.stations=60", "hubs.count=3;demand.demandMultiplier=1.5",
                "hubs.count=1", "hubs.count=5;hubs.stations=7")) {
            EnvConfig c = EnvConfig.defaults().withOverrides(o.split(";"));
            double[] old = oldRule(c);
            double[][] loads = DaCommitments.expectedHubLoads(c);
            assertEquals(c.hubs().count(), loads.length);
            for (double[] hub : loads) {
                for (int t = 0; t < 24; t++) {
                    assertEquals(Double.doubleToLongBits(old[t]), Double.doubleToLongBits(hub[t]), o + ", hour " + t);
                }
            }
            assertArrayEquals(old, DaCommitments.expectedHubLoad(c), 0);
            // Spelling the same stations out per hub changes nothing either.
            int[] same = new int[c.hubs().count()];
            Arrays.fill(same, c.hubs().stations());
            EnvConfig listed = c.withOverrides("hubs.stationsPerHub=" + Arrays.toString(same));
            assertArrayEquals(old, DaCommitments.expectedHubLoad(listed), 0);
        }
        // Hence the same cache keys.
        EnvConfig c = EnvConfig.defaults().withOverrides("market.synthetic.days=60", "split.method=reference");
        List<MarketDay> days = MarketSource.load(c.market());
        EnvConfig listed = c.withOverrides("hubs.stationsPerHub=[150, 150]");
        assertEquals(DaCommitments.key(DaCommitments.trainingProfiles(c, days), DaCommitments.modelConfig(c), "scip"),
                DaCommitments.key(DaCommitments.trainingProfiles(listed, days), DaCommitments.modelConfig(listed), "scip"));
    }

    @Test
    void heterogeneousLoadsFollowTheWaterFilling() {
        EnvConfig c = EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60, 240]");
        DemandConfig demand = c.demand().toDemandConfig();
        ArrivalModel arrivals = new ArrivalModel(demand);
        double mean = new EvEnergyModel(demand).meanEnergyKwh();
        double[][] loads = DaCommitments.expectedHubLoads(c);
        int busy = 0;
        for (int t = 0; t < 24; t++) {
            double n = arrivals.expectedChargeSeekers(t);
            if (n / 2 <= 60) {
                assertEquals(n / 2 * mean, loads[0][t], 1e-9, "quiet hour " + t + ": an even split");
                assertEquals(loads[0][t], loads[1][t], 0);
            } else {
                busy++;
                assertEquals(60 * mean, loads[0][t], 1e-9, "busy hour " + t + ": the small hub is full");
                assertEquals((n - 60) * mean, loads[1][t], 1e-9, "busy hour " + t + ": the big hub takes the overflow");
            }
        }
        assertTrue(busy >= 5, "the default demand has busy hours: " + busy);
        String m = assertThrows(IllegalArgumentException.class, () -> DaCommitments.expectedHubLoad(c)).getMessage();
        assertTrue(m.contains("hubs.stationsPerHub = [60, 240]") && m.contains("Maybe"), m);
        // Stations that never bind give identical loads, so one shared commitment.
        double[][] roomy = DaCommitments.expectedHubLoads(EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[150, 400]"));
        assertArrayEquals(roomy[0], roomy[1], 0);
    }

    /** 120 synthetic days and 4 scenarios keep each solve to a second or two. */
    private static EnvConfig small(String... more) {
        return EnvConfig.defaults().withOverrides("market.synthetic.days=120", "daCommitment.scenarios=4", "split.method=reference")
                .withOverrides(more);
    }

    @Test
    void eachDistinctLoadGetsItsOwnSolveAndEachHubObservesItsOwn(@TempDir Path dir) throws Exception {
        EnvConfig c = small("hubs.count=3", "hubs.stationsPerHub=[60, 240, 60]");
        List<MarketDay> days = MarketSource.load(c.market());
        List<DaCommitments.Resolved> r = DaCommitments.resolvePerHubDetailed(c, days, dir);
        assertEquals(3, r.size());
        assertEquals("solved", r.get(0).source());
        assertEquals("solved", r.get(1).source());
        assertSame(r.get(0), r.get(2), "hubs with the same load share one solve");
        assertNotEquals(r.get(0).key(), r.get(1).key());
        assertFalse(Arrays.equals(r.get(0).commitment(), r.get(1).commitment()), "the small and the big hub commit differently");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "one cache entry per distinct load");
        }
        double[][] again = DaCommitments.resolvePerHub(c, days, dir);
        assertArrayEquals(r.get(1).commitment(), again[1]);
        assertEquals("cache", DaCommitments.resolvePerHubDetailed(c, days, dir).get(1).source());
        String m = assertThrows(IllegalArgumentException.class, () -> DaCommitments.resolveDetailed(c, days, dir)).getMessage();
        assertTrue(m.contains("hubs.stationsPerHub") && m.contains("resolvePerHub"), m);

        // The environment resolves the same per-hub commitments (from the cache) and each hub
        // observes and books its own.
        HubPricingEnv env = HubPricingEnv.builder().setConfig(c).optDays(days).optCacheDir(dir).build();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(again[i], env.commitment(i));
            assertArrayEquals(again[i], env.hub(i).commitment());
            assertEquals(new int[] {60, 240, 60}[i], env.hub(i).stations());
        }
        assertArrayEquals(env.commitment(0), env.commitment());
        assertArrayEquals(again, (double[][]) env.provenance().get("commitments"));
        env.resetFast(3, ResetOptions.TRAINING);
        double top = Math.max(Arrays.stream(again[0]).max().orElseThrow(), Arrays.stream(again[1]).max().orElseThrow());
        for (int t = 0; t < 24; t++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(again[i][t], env.rawObservation(i)[2], "da_com[" + i + "," + t + "]");
                assertEquals(again[i][t] / top, env.observation(i)[2], 1e-12, "scaled by the largest commitment of any hub");
            }
            env.stepFast(new double[] {1.3, 1.3, 1.3});
            for (int i = 0; i < 3; i++) {
                assertEquals(again[i][t], env.period(i).commitment, "hub " + i + " buys its own commitment");
            }
        }

        // Identical loads: one solve for every hub, the same as the single-hub API.
        EnvConfig roomy = small("hubs.stationsPerHub=[150, 400]");
        List<DaCommitments.Resolved> shared = DaCommitments.resolvePerHubDetailed(roomy, days, dir);
        assertSame(shared.get(0), shared.get(1));
        assertArrayEquals(shared.get(0).commitment(), DaCommitments.resolve(roomy, days, dir));
    }

    @Test
    void explicitValuesGoToEveryHubAndTheBuilderTakesPerHubCommitments() {
        HubPricingEnv env = TestEnvs.env("hubs.stationsPerHub=[60, 240]");
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, env.commitment(0));
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, env.commitment(1));

        double[] half = Arrays.stream(TestEnvs.REFERENCE_COMMITMENT).map(v -> v / 2).toArray();
        EnvConfig c = TestEnvs.config("hubs.stationsPerHub=[60, 240]");
        HubPricingEnv own = HubPricingEnv.builder().setConfig(c).optCommitments(new double[][] {half, TestEnvs.REFERENCE_COMMITMENT}).build();
        assertArrayEquals(half, own.commitment(0));
        assertArrayEquals(half, own.commitment());
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, own.commitment(1));
        own.resetFast(0, ResetOptions.EVALUATION);
        assertEquals(half[0], own.rawObservation(0)[2]);
        assertEquals(TestEnvs.REFERENCE_COMMITMENT[0], own.rawObservation(1)[2]);
        // The last of optCommitment / optCommitments wins.
        HubPricingEnv same = HubPricingEnv.builder().setConfig(c).optCommitments(new double[][] {half, half})
                .optCommitment(TestEnvs.REFERENCE_COMMITMENT).build();
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, same.commitment(0));
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, same.commitment(1));

        String rows = assertThrows(IllegalArgumentException.class,
                () -> HubPricingEnv.builder().setConfig(c).optCommitments(new double[][] {half}).build()).getMessage();
        assertTrue(rows.contains("1 hubs") && rows.contains("hubs.count = 2"), rows);
        assertThrows(IllegalArgumentException.class, () -> own.commitment(2));
    }

    @Test
    void fiveHundredRandomDaysKeepEveryInvariant() {
        HubPricingEnv env = TestEnvs.env("hubs.stationsPerHub=[60, 240]");
        EnvInvariants inv = EnvInvariantsTest.rollout(env, 500, 3);
        assertEquals(500 * 24, inv.steps());
        assertEquals(0, inv.totalViolations(), inv.summary() + " " + inv.firstViolation());
        HubPricingEnv three = TestEnvs.env("hubs.count=3", "hubs.stationsPerHub=[20, 150, 400]", "demand.priceSensitiveShare=0.5",
                "demand.demandMultiplier=1.5");
        EnvInvariants inv3 = EnvInvariantsTest.rollout(three, 300, 4);
        assertEquals(0, inv3.totalViolations(), inv3.summary() + " " + inv3.firstViolation());
    }

    @Test
    void atEqualPricesTheSmallHubFillsEvenlyUpToItsStations() {
        HubPricingEnv env = TestEnvs.env("hubs.stationsPerHub=[60, 240]");
        int busy = 0;
        int quiet = 0;
        for (int d = 0; d < 200; d++) {
            env.resetFast(d, ResetOptions.TRAINING);
            boolean done = false;
            while (!done) {
                done = env.stepFast(new double[] {1.5, 1.5});
                int n = env.lastArrivals();
                int small = env.period(0).assigned;
                int big = env.period(1).assigned;
                assertTrue(small <= 60 && big <= 240, "within each hub's stations: " + small + ", " + big);
                assertEquals(0, env.period(0).balked + env.period(1).balked, "nobody balks at equal prices");
                assertEquals(Math.max(0, n - 300), env.lastLost(), "EVs are lost only when both hubs are full");
                if (n <= 120) {
                    quiet++;
                    assertEquals(n, small + big);
                    assertTrue(Math.abs(small - big) <= 1, "an even split while the small hub has room: " + small + " vs " + big);
                } else {
                    busy++;
                    assertEquals(60, small, "a busy hour fills the small hub (" + n + " EVs)");
                    assertEquals(Math.min(n - 60, 240), big, "and the rest go to the big hub");
                }
            }
        }
        assertTrue(busy > 500 && quiet > 500, "both kinds of hours occur: busy " + busy + ", quiet " + quiet);
    }
}
