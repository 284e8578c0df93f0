package org.hubprice.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularQAgentTest {
    private static TabularQAgent agent(int states, int actions, TabularQConfig cfg, long seed) {
        return new TabularQAgent(new Discrete(states), new Discrete(actions), cfg, seed);
    }

    @Test
    void updateFollowsTheQLearningRule() {
        TabularQAgent a = agent(3, 2, new TabularQConfig(0.25, 0, 0.9, 10, 0), 1);
        a.initialiseQ((s, x) -> s + 0.1 * x); // Q(2,·) = 2.0, 2.1 -> max 2.1
        a.observe(new Transition(new double[] {0}, new double[] {1}, 5.0, new double[] {2}, false, false));
        assertEquals(0.75 * 0.1 + 0.25 * (5.0 + 0.9 * 2.1), a.q(0, 1), 1e-15);
        // a natural end does not bootstrap; truncation does
        a.observe(new Transition(new double[] {1}, new double[] {0}, 2.0, new double[] {2}, true, false));
        assertEquals(0.75 * 1.0 + 0.25 * 2.0, a.q(1, 0), 1e-15);
        a.observe(new Transition(new double[] {1}, new double[] {1}, 2.0, new double[] {2}, false, true));
        assertEquals(0.75 * 1.1 + 0.25 * (2.0 + 0.9 * 2.1), a.q(1, 1), 1e-15);
        assertEquals(0, a.learn(8), "updates happen in observe");
    }

    /** The incrementally kept greedy action always equals a full argmax with lowest-index ties. */
    @Test
    void greedyStrategyTracksTheFullArgmaxThroughTiesAndDecreases() {
        SplittableRandom r = new SplittableRandom(3);
        TabularQAgent a = agent(4, 5, new TabularQConfig(0.5, 0, 0.5, 10, 0), 1);
        for (int it = 0; it < 20_000; it++) {
            int s = r.nextInt(4);
            // rewards on a coarse lattice make exact ties frequent
            a.update(s, r.nextInt(5), r.nextInt(5) - 2, r.nextInt(4));
            for (int st = 0; st < 4; st++) {
                int best = 0;
                for (int x = 1; x < 5; x++) {
                    if (a.q(st, x) > a.q(st, best)) {
                        best = x;
                    }
                }
                assertEquals(best, a.greedyAction(st), "state " + st + " after update " + it);
            }
        }
    }

    @Test
    void convergenceIsCountedInUnchangedGreedyPeriods() {
        // One state, two actions; action 1 pays 1, action 0 pays 0.
        TabularQAgent a = agent(1, 2, new TabularQConfig(0.5, 0, 0.0, 5, 0), 1);
        assertEquals(0, a.greedyAction(0));
        a.update(0, 1, 1.0, 0); // Q(0,1) = 0.5 > 0: greedy switches, count restarts
        assertEquals(1, a.greedyAction(0));
        assertEquals(0, a.stablePeriods());
        for (int t = 1; t <= 5; t++) {
            assertFalse(a.converged());
            a.update(0, t % 2, t % 2, 0); // reinforces the leader or the loser: greedy stays 1
            assertEquals(t, a.stablePeriods());
        }
        assertTrue(a.converged());
        // A change restarts the count: action 0 now pays 10.
        a.update(0, 0, 10.0, 0);
        assertEquals(0, a.greedyAction(0));
        assertEquals(0, a.stablePeriods());
        assertFalse(a.converged());
    }

    @Test
    void explorationDecaysAsExpMinusBetaT() {
        TabularQAgent always = agent(1, 4, new TabularQConfig(0.1, 0, 0.9, 10, 0), 11);
        always.initialiseQ((s, x) -> x == 2 ? 1 : 0);
        int[] counts = new int[4];
        for (int t = 0; t < 40_000; t++) {
            counts[always.actIndex(0, Mode.TRAIN)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 400, "beta = 0 explores uniformly: " + java.util.Arrays.toString(counts));
        }
        TabularQAgent decaying = agent(1, 4, new TabularQConfig(0.1, 1e-3, 0.9, 10, 0), 11);
        decaying.initialiseQ((s, x) -> x == 2 ? 1 : 0);
        assertEquals(1.0, decaying.epsilon());
        int off = 0;
        for (int t = 0; t < 10_000; t++) {
            if (decaying.actIndex(0, Mode.TRAIN) != 2) {
                off++;
            }
        }
        // expected non-greedy plays: Σ_t exp(−βt)·3/4 ≈ 0.75/β·(1 − e^−10) ≈ 750
        assertEquals(750, off, 100);
        assertEquals(Math.exp(-10), decaying.epsilon(), 1e-15);
        assertEquals(2, decaying.actIndex(0, Mode.EVAL));
        assertEquals(10_000, decaying.periods(), "evaluation does not advance t");
    }

    @Test
    void explorationRateStaysOnTheExactCurveAcrossAnchors() {
        TabularQAgent a = agent(1, 2, new TabularQConfig(0.1, 4e-6, 0.9, 10, 0), 1);
        for (int t = 1; t <= 5000; t++) {
            a.actIndex(0, Mode.TRAIN);
            double exact = Math.exp(-4e-6 * t);
            assertEquals(exact, a.epsilon(), exact * 1e-13, "period " + t);
        }
    }

    @Test
    void sameSeedSameChoices() {
        TabularQAgent a = agent(5, 7, new TabularQConfig(0.1, 1e-4, 0.9, 10, 0), 99);
        TabularQAgent b = agent(5, 7, new TabularQConfig(0.1, 1e-4, 0.9, 10, 0), 99);
        TabularQAgent c = agent(5, 7, new TabularQConfig(0.1, 1e-4, 0.9, 10, 0), 98);
        boolean differs = false;
        for (int t = 0; t < 1000; t++) {
            int x = a.actIndex(t % 5, Mode.TRAIN);
            assertEquals(x, b.actIndex(t % 5, Mode.TRAIN));
            differs |= x != c.actIndex(t % 5, Mode.TRAIN);
            a.update(t % 5, x, x * 0.1, (t + 1) % 5);
            b.update(t % 5, x, x * 0.1, (t + 1) % 5);
        }
        assertTrue(differs);
        assertArrayEquals(a.qTable(), b.qTable());
    }

    @Test
    void saveAndLoadResumeExactly(@TempDir Path dir) throws IOException {
        TabularQAgent a = agent(6, 3, new TabularQConfig(0.2, 1e-3, 0.8, 50, 0.5), 5);
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 500; t++) {
            int s = r.nextInt(6);
            a.update(s, a.actIndex(s, Mode.TRAIN), r.nextDouble(), r.nextInt(6));
        }
        a.save(dir);
        a.save(dir); // overwriting leaves one table
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("checksums.sha256", "manifest.json", "qtable.bin"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        AgentFactory f = new TabularQFactory();
        TabularQAgent b = (TabularQAgent) f.load(dir, new AgentContext(new Discrete(6), new Discrete(3), Map.of(), 0));
        assertArrayEquals(a.qTable(), b.qTable());
        assertEquals(a.periods(), b.periods());
        assertEquals(a.epsilon(), b.epsilon(), 0.0, "the exploration rate resumes bit for bit");
        assertEquals(a.stablePeriods(), b.stablePeriods());
        assertEquals(a.config(), b.config());
        for (int t = 0; t < 300; t++) {
            int s = t % 6;
            int x = a.actIndex(s, Mode.TRAIN);
            assertEquals(x, b.actIndex(s, Mode.TRAIN), "exploration stream resumes at period " + t);
            a.update(s, x, 1, (s + 1) % 6);
            b.update(s, x, 1, (s + 1) % 6);
        }
        assertArrayEquals(a.qTable(), b.qTable());

        TabularQAgent c = (TabularQAgent) f.load(dir, new AgentContext(new Discrete(6), new Discrete(3), Map.of("alpha", 0.9), 0));
        assertEquals(0.9, c.config().alpha());
        var e = assertThrows(IllegalArgumentException.class, () -> f.load(dir, new AgentContext(new Discrete(7), new Discrete(3), Map.of(), 0)));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("states"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.load(dir, new AgentContext(new Discrete(6), new Discrete(4), Map.of(), 0)));
        assertTrue(e.getMessage().contains("actions"), e.getMessage());
    }

    @Test
    void corruptTablesAreDetected(@TempDir Path dir) throws IOException {
        TabularQAgent a = agent(4, 3, TabularQConfig.defaults(), 5);
        a.initialiseQ((s, x) -> s * 3 + x);
        a.save(dir);
        Path table = dir.resolve(TabularQAgent.TABLE_FILE);
        byte[] bytes = Files.readAllBytes(table);
        assertEquals(4 + 12 * 8, bytes.length, "a count and 12 doubles");
        bytes[17] ^= 1;
        Files.write(table, bytes);
        AgentContext ctx = new AgentContext(new Discrete(4), new Discrete(3), Map.of(), 0);
        var e = assertThrows(org.hubprice.agents.checkpoint.CheckpointException.class, () -> new TabularQFactory().load(dir, ctx));
        assertTrue(e.getMessage().contains("qtable.bin") && e.getMessage().contains("SHA-256"), e.getMessage());
        Files.write(table, java.util.Arrays.copyOf(bytes, 40));
        e = assertThrows(org.hubprice.agents.checkpoint.CheckpointException.class, () -> new TabularQFactory().load(dir, ctx));
        assertTrue(e.getMessage().contains("qtable.bin"), e.getMessage());
        assertThrows(IOException.class, () -> new TabularQFactory().load(dir.resolve("missing"), ctx));
    }

    @Test
    void parametersAreValidatedWithTheirNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TabularQConfig(0, 0, 0.9, 1, 0));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("(0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TabularQConfig(0.1, -1, 0.9, 1, 0));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TabularQConfig(0.1, 0, 1, 1, 0));
        assertTrue(e.getMessage().contains("discount"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TabularQConfig(0.1, 0, 0.5, 0, 0));
        assertTrue(e.getMessage().contains("convergencePeriods"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TabularQConfig.fromParams(Map.of("lr", 0.1), TabularQConfig.defaults()));
        assertTrue(e.getMessage().contains("'lr'") && e.getMessage().contains("alpha"), e.getMessage());
        Map<String, Object> p = new HashMap<>();
        p.put("alpha", "0.25");
        p.put("convergencePeriods", 1000);
        TabularQConfig c = TabularQConfig.fromParams(p, TabularQConfig.defaults());
        assertEquals(0.25, c.alpha());
        assertEquals(1000, c.convergencePeriods());
        assertEquals(4e-6, c.beta());
        e = assertThrows(IllegalArgumentException.class, () -> agent(1 << 20, 1 << 10, TabularQConfig.defaults(), 0));
        assertTrue(e.getMessage().contains("Maybe"), e.getMessage());
    }

    @Test
    void registeredThroughServiceLoaderAndNeedsDiscreteSpaces() {
        AgentFactory f = AgentRegistry.load().get("tabular-q");
        assertInstanceOf(TabularQFactory.class, f);
        assertInstanceOf(TabularQFactory.class, AgentRegistry.load().get("q-learning"));
        Agent a = f.create(new AgentContext(new Discrete(3), new Discrete(2), Map.of("beta", 0.0), 1));
        assertEquals("tabular-q", a.name());
        double[] act = a.act(new double[] {2}, Mode.EVAL);
        assertArrayEquals(new double[] {0}, act);
        assertThrows(IllegalArgumentException.class, () -> a.act(new double[] {3}, Mode.EVAL));
        var e = assertThrows(IllegalArgumentException.class,
                () -> f.create(new AgentContext(Box.uniform(0, 1, 2), new Discrete(2), Map.of(), 1)));
        assertTrue(e.getMessage().contains("Discrete observation"), e.getMessage());
    }
}
