package org.hubprice.evaluation.canonical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.env.bertrand.BertrandGame;
import org.hubprice.env.bertrand.ObservationEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SessionsTest {
    /** A small, fast-converging game: 5 prices, quick exploration decay, short convergence window. */
    private static CanonicalConfig.Builder small() {
        return CanonicalConfig.builder().set("m", "5").set("beta", "2e-4").set("convergencePeriods", "2000")
                .set("maxPeriods", "1000000").set("impulsePeriods", "10");
    }

    @Test
    void genericLoopReproducesTheFastLoopExactly() {
        CanonicalConfig fast = small().build();
        CanonicalConfig generic = small().set("checkEvery", "1").optGeneric(true).build();
        assertTrue(Sessions.fastPath(fast));
        assertFalse(Sessions.fastPath(generic));
        BertrandGame game = new BertrandGame(fast.game());
        var factory = AgentRegistry.load().get("tabular-q");
        for (long seed = 1; seed <= 3; seed++) {
            SessionResult a = Sessions.run(fast, game, factory, 0, seed);
            SessionResult b = Sessions.run(generic, game, factory, 0, seed);
            assertTrue(a.converged(), "the small game converges");
            assertEquals(a.converged(), b.converged());
            assertEquals(a.periods(), b.periods(), "same period of convergence, seed " + seed);
            assertArrayEquals(a.cycle().states(), b.cycle().states());
            assertEquals(a.delta(), b.delta());
            assertArrayEquals(a.impulse().price(), b.impulse().price());
            assertEquals(a.impulse().deviationGain(), b.impulse().deviationGain());
        }
    }

    /**
     * Checking every 500 periods sees the strategies only at multiples of 500 (a change that is
     * undone between two checks goes unnoticed, so the stop may come earlier or later than the
     * per-period check's); for this seed both stop on the same limit cycle.
     */
    @Test
    void coarserChecksStopAtCheckPointsOnTheSameLimitCycle() {
        CanonicalConfig fast = small().build();
        CanonicalConfig generic = small().set("checkEvery", "500").optGeneric(true).build();
        BertrandGame game = new BertrandGame(fast.game());
        var factory = AgentRegistry.load().get("tabular-q");
        SessionResult a = Sessions.run(fast, game, factory, 0, 7);
        SessionResult b = Sessions.run(generic, game, factory, 0, 7);
        assertTrue(a.converged() && b.converged());
        assertEquals(0, b.periods() % 500);
        // the same cycle, possibly entered at another of its states
        assertArrayEquals(java.util.Arrays.stream(a.cycle().states()).sorted().toArray(),
                java.util.Arrays.stream(b.cycle().states()).sorted().toArray());
        assertEquals(a.delta(), b.delta(), 1e-12);
    }

    @Test
    void vectorObservationsRunThroughTheGenericLoop() {
        // tabular-q needs Discrete observations: the generic loop passes the encoding through and the factory says why it fails.
        CanonicalConfig cfg = small().optObservation(ObservationEncoding.ONE_HOT).build();
        assertFalse(Sessions.fastPath(cfg));
        var e = assertThrows(IllegalArgumentException.class, () -> CanonicalRunner.run(cfg, 1, 1, 1, AgentRegistry.load(), null));
        assertTrue(e.getMessage().contains("Discrete observation"), e.getMessage());
    }

    /** A non-learning agent that posts one price index whatever it sees; accepts any observation space. */
    static final class FixedPrice implements org.hubprice.agents.AgentFactory {
        final java.util.concurrent.atomic.AtomicInteger observed = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String name() {
            return "fixed-price";
        }

        @Override
        public String description() {
            return "test agent";
        }

        @Override
        public org.hubprice.agents.Agent create(org.hubprice.agents.AgentContext ctx) {
            int price = Integer.parseInt(String.valueOf(ctx.params().getOrDefault("price", "3")));
            return new org.hubprice.agents.Agent() {
                final double[] out = {price};

                @Override
                public String name() {
                    return "fixed-price";
                }

                @Override
                public org.hubprice.env.api.Space observationSpace() {
                    return ctx.observationSpace();
                }

                @Override
                public org.hubprice.env.api.Space actionSpace() {
                    return ctx.actionSpace();
                }

                @Override
                public double[] act(double[] observation, org.hubprice.agents.Mode mode) {
                    assertTrue(ctx.observationSpace().contains(observation), "observation in its space");
                    return out;
                }

                @Override
                public void observe(org.hubprice.env.api.Transition t) {
                    observed.incrementAndGet();
                }

                @Override
                public int learn(int gradientSteps) {
                    return 0;
                }

                @Override
                public void save(java.nio.file.Path directory) {
                    throw new IllegalStateException("the canonical session runner must never save or load this test agent");
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public org.hubprice.agents.Agent load(java.nio.file.Path directory, org.hubprice.agents.AgentContext context) {
            throw new IllegalStateException("the canonical session runner must never save or load this test agent");
        }
    }

    @Test
    void anyRegisteredAgentRunsThroughTheGenericLoop() {
        FixedPrice f = new FixedPrice();
        CanonicalConfig cfg = small().optAgent("fixed-price").set("price", "4").set("checkEvery", "100").build();
        assertEquals(ObservationEncoding.ONE_HOT, cfg.effectiveObservation(), "neural-style agents get one-hot states by default");
        assertFalse(Sessions.fastPath(cfg));
        CanonicalReport r = CanonicalRunner.run(cfg, 2, 1, 1, AgentRegistry.of(f), null);
        BertrandGame game = r.game();
        int prof = game.profileIndex(new int[] {4, 4});
        for (SessionResult s : r.sessions()) {
            assertTrue(s.converged());
            assertEquals(2000, s.periods(), "fixed strategies are stable from the start: stop at the first check reaching 2000");
            assertEquals(1, s.cycle().length());
            assertEquals(LimitCycle.delta(game, game.profit(prof, 0)), s.delta(), 1e-12);
        }
        assertEquals(2 * 2 * 2000, f.observed.get(), "every firm observes every period");
        assertEquals(2 + 2 * 2, f.closed.get(), "the up-front probe and every session's agents are closed");
    }

    @Test
    void sameSeedSameSessionsWhateverTheThreadCount() {
        CanonicalConfig cfg = small().build();
        CanonicalReport one = CanonicalRunner.run(cfg, 4, 1, 42, AgentRegistry.load(), null);
        CanonicalReport two = CanonicalRunner.run(cfg, 4, 2, 42, AgentRegistry.load(), null);
        CanonicalReport other = CanonicalRunner.run(cfg, 4, 2, 43, AgentRegistry.load(), null);
        for (int i = 0; i < 4; i++) {
            SessionResult a = one.sessions().get(i);
            SessionResult b = two.sessions().get(i);
            assertEquals(i, a.index());
            assertEquals(a.seed(), b.seed());
            assertEquals(a.periods(), b.periods());
            assertEquals(a.delta(), b.delta());
            assertArrayEquals(a.cycle().states(), b.cycle().states());
        }
        List<Long> p1 = one.sessions().stream().map(SessionResult::periods).toList();
        List<Long> p3 = other.sessions().stream().map(SessionResult::periods).toList();
        assertNotEquals(p1, p3, "another root seed gives other sessions");
    }

    @Test
    void sessionsStopAtTheCapUnconverged() {
        CanonicalConfig cfg = small().set("maxPeriods", "3000").build();
        CanonicalReport r = CanonicalRunner.run(cfg, 2, 1, 1, AgentRegistry.load(), null);
        for (SessionResult s : r.sessions()) {
            assertFalse(s.converged());
            assertEquals(3000, s.periods());
        }
        assertEquals(0.0, r.convergedShare());
        assertEquals(2, r.delta().n(), "with no converged session the summary covers all");
        assertTrue(Double.isNaN(r.periodsToConvergence().mean()));
    }

    @Test
    void unknownAgentsAndParametersFailClearly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalRunner.run(small().optAgent("no-such-agent").build(), 1, 1, 1, AgentRegistry.load(), null));
        assertTrue(e.getMessage().contains("tabular-q") && e.getMessage().contains("no-such-agent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalRunner.run(small().set("gamma", "0.9").build(), 1, 1, 1, AgentRegistry.load(), null));
        assertTrue(e.getMessage().contains("'gamma'") && e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small().set("deviationPrice", "5").build());
        assertTrue(e.getMessage().contains("deviationPrice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small().set("maxPeriods", "lots"));
        assertTrue(e.getMessage().contains("maxPeriods"), e.getMessage());
    }

    /** The fast loop allocates nothing per period: 100x more periods must not allocate measurably more. */
    @Test
    void fastLoopAllocatesNothingPerPeriod() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
                "this JVM cannot measure per-thread allocation");
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        BertrandGame game = new BertrandGame(small().build().game());
        var factory = AgentRegistry.load().get("tabular-q");
        CanonicalConfig shortRun = small().set("convergencePeriods", "100000000").set("maxPeriods", "20000").build();
        CanonicalConfig longRun = small().set("convergencePeriods", "100000000").set("maxPeriods", "2000000").build();
        Sessions.run(longRun, game, factory, 0, 1); // warm up the JIT
        long id = Thread.currentThread().getId();
        long a0 = tmx.getThreadAllocatedBytes(id);
        Sessions.run(shortRun, game, factory, 0, 1);
        long a1 = tmx.getThreadAllocatedBytes(id);
        Sessions.run(longRun, game, factory, 0, 1);
        long a2 = tmx.getThreadAllocatedBytes(id);
        long perShort = a1 - a0;
        long perLong = a2 - a1;
        assertTrue(perLong - perShort < 16_384, "2,000,000 periods allocated " + perLong + " bytes vs " + perShort
                + " for 20,000: the hot loop allocates");
    }
}
