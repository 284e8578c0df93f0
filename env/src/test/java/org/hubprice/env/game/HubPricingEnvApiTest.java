package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API conformance in the manner of PettingZoo's parallel_api_test and parallel_seed_test and
 * Gymnasium's check_env.
 */
class HubPricingEnvApiTest {
    private static HubPricingEnv env;

    @BeforeAll
    static void build() {
        env = TestEnvs.env();
    }

    @Test
    void agentsAndSpaces() {
        HubPricingEnv e = TestEnvs.env();
        assertEquals(List.of("hub_0", "hub_1"), e.possibleAgents());
        assertTrue(e.agents().isEmpty(), "no agents before the first reset");
        for (String a : e.possibleAgents()) {
            assertSame(e.observationSpace(a), e.observationSpace(a));
            assertSame(e.actionSpace(a), e.actionSpace(a));
            assertEquals(new Box(new double[] {1}, new double[] {2}), e.actionSpace(a));
            assertEquals(HubPricingEnv.OBS_DIM, e.observationSpace(a).dimension());
        }
        assertThrows(IllegalArgumentException.class, () -> e.observationSpace("hub_2"));
        assertThrows(IllegalArgumentException.class, () -> e.actionSpace("nobody"));
        assertThrows(IllegalStateException.class, () -> e.step(Map.of("hub_0", new double[] {1}, "hub_1", new double[] {1})));
    }

    @Test
    void episodeFollowsTheParallelApi() {
        ResetResult r = env.reset(3, Map.of());
        assertEquals(env.possibleAgents(), env.agents());
        assertEquals(Set.copyOf(env.agents()), r.observations().keySet());
        assertEquals(Set.copyOf(env.agents()), r.infos().keySet());
        for (String a : env.agents()) {
            assertTrue(env.observationSpace(a).contains(r.observations().get(a)), "reset observation of " + a + " in its space");
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int step = 0; step < HubPricingEnv.PERIODS; step++) {
            List<String> agents = env.agents();
            assertEquals(env.possibleAgents(), agents);
            Map<String, double[]> actions = new LinkedHashMap<>();
            for (String a : agents) {
                actions.put(a, env.actionSpace(a).sample(rng));
            }
            StepResult s = env.step(actions);
            for (Map<String, ?> m : List.of(s.observations(), s.rewards(), s.terminations(), s.truncations(), s.infos())) {
                assertEquals(Set.copyOf(agents), m.keySet(), "dict keys equal the agents that acted");
            }
            boolean last = step == HubPricingEnv.PERIODS - 1;
            for (String a : agents) {
                assertTrue(env.observationSpace(a).contains(s.observations().get(a)), "observation of " + a + " at step " + step);
                assertTrue(Double.isFinite(s.rewards().get(a)));
                assertEquals(last, s.terminations().get(a), "terminated exactly at the end of the day");
                assertFalse(s.truncations().get(a));
                Map<String, Object> info = s.infos().get(a);
                for (String key : List.of("price", "multiplier", "assigned", "balked", "lost", "arrivals", "load", "daToEv", "daToBattery",
                        "sellBack", "batteryToEv", "rtToEv", "batteryEnergy", "batteryCostBasis", "unitCost", "profit", "rawObservation")) {
                    assertTrue(info.containsKey(key), "info has " + key);
                }
                assertEquals(s.rewards().get(a), (Double) info.get("profit"));
                assertEquals(actions.get(a)[0], (Double) info.get("multiplier"));
            }
            assertEquals(last, s.allDone());
        }
        assertTrue(env.agents().isEmpty(), "no agents after the day is over");
        assertThrows(IllegalStateException.class, () -> env.step(Map.of("hub_0", new double[] {1}, "hub_1", new double[] {1})));
        double[] terminal = env.rawObservation(0);
        assertEquals(24, terminal[0]);
        assertEquals(0, terminal[1]);
        assertEquals(0, terminal[2]);
    }

    /** One trajectory: every observation, reward and info number, flattened. */
    private static List<Object> trajectory(ParallelEnv e, long seed, long actionSeed, Map<String, Object> options) {
        List<Object> out = new ArrayList<>();
        ResetResult r = e.reset(seed, options);
        for (String a : e.possibleAgents()) {
            out.add(java.util.Arrays.toString(r.observations().get(a)));
        }
        SplittableRandom rng = new SplittableRandom(actionSeed);
        while (!e.agents().isEmpty()) {
            Map<String, double[]> actions = new LinkedHashMap<>();
            for (String a : e.agents()) {
                actions.put(a, e.actionSpace(a).sample(rng));
            }
            StepResult s = e.step(actions);
            for (String a : e.possibleAgents()) {
                for (double v : s.observations().get(a)) {
                    out.add(Double.doubleToRawLongBits(v));
                }
                out.add(Double.doubleToRawLongBits(s.rewards().get(a)));
                for (Map.Entry<String, Object> kv : s.infos().get(a).entrySet()) {
                    Object v = kv.getValue();
                    out.add(kv.getKey() + "=" + (v instanceof double[] d ? java.util.Arrays.toString(d) : v instanceof Double x
                            ? Long.toString(Double.doubleToRawLongBits(x)) : String.valueOf(v)));
                }
            }
        }
        return out;
    }

    private static void assertSameTrajectory(List<Object> a, List<Object> b, String what) {
        assertEquals(a.size(), b.size(), what + ": trajectory lengths");
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k), b.get(k), what + ": first difference at entry " + k);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalTrajectories() {
        HubPricingEnv other = TestEnvs.env();
        for (long seed : new long[] {0, 1, 42, -7}) {
            assertSameTrajectory(trajectory(env, seed, 9, Map.of()), trajectory(other, seed, 9, Map.of()), "seed " + seed + " on two instances");
            assertSameTrajectory(trajectory(env, seed, 9, Map.of()), trajectory(env, seed, 9, Map.of()), "seed " + seed + " replayed");
        }
    }

    @Test
    void differentSeedsGiveDifferentTrajectories() {
        assertNotEquals(trajectory(env, 1, 9, Map.of()), trajectory(env, 2, 9, Map.of()));
        // Same day, different seeds: different arrivals.
        Map<String, Object> day = Map.of("mode", "eval", "day", env.split().testDays()[0]);
        env.reset(1, day);
        int[] a1 = env.arrivalCounts();
        env.reset(2, day);
        assertFalse(java.util.Arrays.equals(a1, env.arrivalCounts()));
    }

    @Test
    void arrivalsArePartOfTheScenarioWhateverThePrices() {
        int testDay = env.split().testDays()[1];
        Map<String, Object> options = Map.of("mode", "eval", "day", testDay);
        int[][] seen = new int[2][];
        double[][] multipliers = {{1.0, 1.0}, {2.0, 1.3}};
        for (int run = 0; run < 2; run++) {
            env.resetFast(11, ResetOptions.fromMap(options));
            int[] perStep = new int[HubPricingEnv.PERIODS];
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                env.stepFast(multipliers[run]);
                perStep[t] = env.lastArrivals();
            }
            seen[run] = perStep;
        }
        assertArrayEquals(seen[0], seen[1]);
        env.resetFast(11, ResetOptions.fromMap(options));
        assertArrayEquals(seen[0], env.arrivalCounts());
    }

    @Test
    void trainingResetsNeverUseHeldOutDays() {
        Set<Integer> used = new HashSet<>();
        for (long seed = 0; seed < 3000; seed++) {
            env.resetFast(seed, ResetOptions.TRAINING);
            assertFalse(env.split().isTest(env.dayIndex()), "training reset on held-out day " + env.dayIndex());
            used.add(env.dayIndex());
            for (int i = 0; i < env.hubCount(); i++) {
                double e = env.hub(i).batteryEnergy();
                double b = env.hub(i).batteryCostBasis();
                assertTrue(e >= 500 && e < 3500, "training start energy " + e);
                assertTrue(b >= 20 && b < 80, "training start cost basis " + b);
            }
        }
        assertTrue(used.size() > 300, "3000 resets reach most of the 333 training days: " + used.size());
        int held = env.split().testDays()[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("day", held)));
        assertTrue(e.getMessage().contains("held out") && e.getMessage().contains("mode=eval"), e.getMessage());
        for (long seed = 0; seed < 200; seed++) {
            env.resetFast(seed, ResetOptions.EVALUATION);
            assertTrue(env.split().isTest(env.dayIndex()));
            assertEquals(2000, env.hub(1).batteryEnergy());
            assertEquals(50, env.hub(1).batteryCostBasis());
        }
    }

    @Test
    void resetOptionsPickDayAndBattery() {
        LocalDate date = env.days().get(env.split().testDays()[2]).date();
        ResetResult r = env.reset(4, Map.of("mode", "eval", "day", date.toString(), "batteryEnergy", List.of(1000.0, 3000.0),
                "batteryCostBasis", 33.0));
        assertEquals(date.toString(), r.infos().get("hub_0").get("day"));
        assertEquals(1000.0, env.hub(0).batteryEnergy());
        assertEquals(3000.0, env.hub(1).batteryEnergy());
        assertEquals(33.0, env.hub(1).batteryCostBasis());
        assertEquals(3000.0, env.rawObservation(1)[5]);
        int trainDay = env.split().trainingDay(5);
        env.reset(4, Map.of("day", trainDay));
        assertEquals(trainDay, env.dayIndex());
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("dya", 3)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("day", "2099-01-01")));
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("day", 10_000)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("batteryEnergy", 100.0)), "below the battery minimum");
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("batteryEnergy", List.of(1000.0, 1000.0, 1000.0))));
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("mode", "play")));
    }

    @Test
    void actionsAreChecked() {
        env.reset(0, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.step(Map.of("hub_0", new double[] {2.5}, "hub_1", new double[] {1})));
        assertTrue(e.getMessage().contains("hub_0") && e.getMessage().contains("[1.0, 2.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("hub_0", new double[] {Double.NaN}, "hub_1", new double[] {1})));
        assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("hub_0", new double[] {1})), "missing agent");
        assertThrows(IllegalArgumentException.class,
                () -> env.step(Map.of("hub_0", new double[] {1}, "hub_1", new double[] {1}, "hub_9", new double[] {1})));
        assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("hub_0", new double[] {1, 2}, "hub_1", new double[] {1})));
        StepResult s = env.step(Map.of("hub_0", new double[] {2 + 1e-12}, "hub_1", new double[] {1 - 1e-12}));
        assertEquals(2.0, (Double) s.infos().get("hub_0").get("multiplier"), "rounding past the bound is clamped");
        assertEquals(1.0, (Double) s.infos().get("hub_1").get("multiplier"));
    }

    @Test
    void mapStepAndFastStepAgree() {
        HubPricingEnv other = TestEnvs.env();
        env.reset(21, Map.of());
        other.resetFast(21, ResetOptions.TRAINING);
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            double[] m = {1 + rng.nextDouble(), 1 + rng.nextDouble()};
            StepResult s = env.step(Map.of("hub_0", new double[] {m[0]}, "hub_1", new double[] {m[1]}));
            boolean done = other.stepFast(m);
            assertEquals(t == 23, done);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(s.observations().get("hub_" + i), other.observation(i));
                assertEquals(s.rewards().get("hub_" + i), other.reward(i));
            }
        }
    }

    @Test
    void discreteActionsMapToEvenlySpacedMultipliers() {
        DiscretePriceActions d = DiscretePriceActions.of(TestEnvs.env());
        Space s = d.actionSpace("hub_0");
        assertEquals(new Discrete(101), s);
        assertSame(s, d.actionSpace("hub_1"));
        assertEquals(1.0, d.multiplier("hub_0", 0));
        assertEquals(2.0, d.multiplier("hub_0", 100));
        assertEquals(1.37, d.multiplier("hub_0", 37), 1e-12);
        assertEquals(37, d.nearestIndex("hub_0", 1.37));
        assertThrows(IllegalArgumentException.class, () -> d.multiplier("hub_0", 101));
        // The discrete view plays exactly the continuous game at those multipliers.
        HubPricingEnv plain = TestEnvs.env();
        d.reset(8, Map.of());
        plain.reset(8, Map.of());
        SplittableRandom rng = new SplittableRandom(1);
        while (!plain.agents().isEmpty()) {
            int k0 = rng.nextInt(101);
            int k1 = rng.nextInt(101);
            StepResult a = d.step(Map.of("hub_0", new double[] {k0}, "hub_1", new double[] {k1}));
            StepResult b = plain.step(Map.of("hub_0", new double[] {d.multiplier("hub_0", k0)}, "hub_1", new double[] {d.multiplier("hub_1", k1)}));
            assertEquals(a.rewards(), b.rewards());
        }
        assertThrows(IllegalArgumentException.class, () -> {
            d.reset(0, Map.of());
            d.step(Map.of("hub_0", new double[] {0.5}, "hub_1", new double[] {3}));
        });
        DiscretePriceActions five = new DiscretePriceActions(TestEnvs.env(), 5);
        assertEquals(1.25, five.multiplier("hub_1", 1));
    }

    @Test
    void oneHubWorksThroughTheSingleAgentView() {
        HubPricingEnv one = TestEnvs.env("hubs.count=1");
        org.hubprice.env.api.SingleAgentEnv s = org.hubprice.env.api.SingleAgentEnv.of(one);
        org.hubprice.env.api.SingleAgentEnv.Reset r = s.reset(5);
        double[] o = r.observation();
        assertTrue(s.observationSpace().contains(o));
        assertTrue(r.info().containsKey("day"), "reset carries the hub's info, as Gymnasium's (obs, info): " + r.info());
        int steps = 0;
        org.hubprice.env.api.SingleAgentEnv.Step st;
        do {
            st = s.step(new double[] {2.0});
            steps++;
            assertTrue(s.observationSpace().contains(st.observation()));
        } while (!st.done());
        assertEquals(24, steps);
        assertTrue(st.terminated() && !st.truncated());
    }

    @Test
    void provenanceNamesWhatRebuildsTheEnvironment() {
        Map<String, Object> p = env.provenance();
        assertEquals(env.config().digest(), p.get("configDigest"));
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, (double[]) p.get("commitment"));
        assertEquals(env.split().testCount(), ((int[]) p.get("testDays")).length);
        assertEquals("closed-form", p.get("dispatcher"));
    }

    @Test
    void normalizerIsSerialisableAndInvertible() {
        ObservationScaling n = env.normalizer();
        assertEquals(n, ObservationScaling.fromJson(n.toJson()));
        assertEquals(n.space(), env.observationSpace("hub_0"));
        double[] raw = {5, 40, 1200, 35, 38, 2000, 45};
        double[] back = n.denormalize(n.normalize(raw));
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i], back[i], 1e-9 * Math.max(1, Math.abs(raw[i])));
        }
        double[] spike = n.normalize(new double[] {5, 40, 1200, 1e6, -1e6, 2000, 45});
        assertTrue(n.space().contains(spike), "spikes are clamped into the space");
        assertThrows(IllegalArgumentException.class, () -> ObservationScaling.fromJson("{\"features\":[\"a\"],\"offset\":[0],\"scale\":[0],"
                + "\"low\":[0],\"high\":[1]}"));
    }

    @Test
    void stepFastAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb && tb.isThreadAllocatedMemorySupported(),
                "this JVM cannot measure per-thread allocation");
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) bean;
        HubPricingEnv e = TestEnvs.env();
        double[] m = {1.3, 1.6};
        // Warm up so that the JIT has compiled the step.
        for (int k = 0; k < 3000; k++) {
            e.resetFast(k, ResetOptions.TRAINING);
            while (!e.stepFast(m)) {
                // play the day
            }
        }
        long tid = Thread.currentThread().getId();
        long stepBytes = 0;
        int steps = 0;
        for (int rep = 0; rep < 1000; rep++) {
            e.resetFast(rep, ResetOptions.TRAINING);
            long before = tb.getThreadAllocatedBytes(tid);
            boolean done = false;
            while (!done) {
                done = e.stepFast(m);
                steps++;
            }
            stepBytes += tb.getThreadAllocatedBytes(tid) - before;
        }
        assertEquals(24_000, steps);
        // Reading the counter may itself allocate a few bytes; a per-step allocation would show as >= 16 bytes per step.
        assertTrue(stepBytes < steps, "stepFast allocated " + stepBytes + " bytes over " + steps + " steps");
    }
}
