package org.hubprice.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.Mode;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.wrappers.EpsilonGreedy;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnAgentTest {
    @TempDir
    Path tmp;

    private static DqnConfig config(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(DqnContractTest.SMALL);
        p.putAll(extra);
        return DqnConfig.fromParams(Params.of("dqn", p));
    }

    @Test
    void theHubGameBoxBecomes101PriceLevels() {
        try (DqnAgent a = new DqnAgent(DqnConfig.fromParams(Params.of("dqn", Map.of("hidden", "8"))), Box.uniform(0, 1, 7),
                Box.uniform(1, 2, 1), 1, Device.cpu())) {
            assertEquals(101, a.actionCount());
            double[] out = new double[1];
            assertEquals(1.0, a.actionFor(0, out)[0]);
            assertEquals(1.37, a.actionFor(37, out)[0], 1e-12);
            assertEquals(2.0, a.actionFor(100, out)[0]);
            for (int k = 0; k < 101; k++) {
                assertEquals(k, a.indexOf(a.actionFor(k, out)));
            }
            assertEquals(50, a.indexOf(new double[] {1.5004}));
        }
    }

    @Test
    void learnsTheBestActionOfAOneStepProblem() {
        // a contextual bandit: reward 1 for action 2 when obs[0] > 0, for action 0 otherwise; gamma 0
        Map<String, Object> p = Map.of("gamma", 0.0, "learningRate", 3e-3, "obsNorm", "none", "batchSize", 32);
        try (DqnAgent a = new DqnAgent(config(p), Box.uniform(-1, 1, 2), new Discrete(3), 3, Device.cpu())) {
            org.hubprice.agents.util.Rng rng = new org.hubprice.agents.util.Rng(4);
            for (int i = 0; i < 600; i++) {
                double[] o = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
                int act = rng.nextInt(3);
                double r = (o[0] > 0 ? act == 2 : act == 0) ? 1 : 0;
                a.observe(new Transition(o, new double[] {act}, r, o, true, false));
                a.learn(1);
            }
            assertEquals(2.0, a.act(new double[] {0.7, 0}, Mode.EVAL)[0]);
            assertEquals(0.0, a.act(new double[] {-0.7, 0}, Mode.EVAL)[0]);
            float[] q = a.qValues(new double[] {0.7, 0});
            assertEquals(1.0, q[2], 0.15, "Q of the rewarded action approaches 1");
            assertTrue(a.lastLoss() < 0.1, "loss " + a.lastLoss());
        }
    }

    @Test
    void noUpdateBeforeLearningStarts() {
        try (DqnAgent a = new DqnAgent(config(Map.of("learningStarts", 50)), Box.uniform(-1, 1, 2), new Discrete(3), 3, Device.cpu())) {
            for (int i = 0; i < 49; i++) {
                a.observe(new Transition(new double[2], new double[] {1}, 0, new double[2], false, false));
                assertEquals(0, a.learn(2));
            }
            a.observe(new Transition(new double[2], new double[] {1}, 0, new double[2], false, false));
            assertEquals(2, a.learn(2));
            assertEquals(2, a.updates());
        }
    }

    @Test
    void explorationFollowsTheSchedule() {
        AgentContext ctx = new AgentContext(Box.uniform(-1, 1, 3), Box.uniform(1, 2, 1),
                Map.of("hidden", "8", "epsilonDecay", "linear", "epsilonStart", 1.0, "epsilonEnd", 0.0, "epsilonDecaySteps", 1000), 5);
        try (Agent agent = new DqnFactory().create(ctx)) {
            EpsilonGreedy eg = (EpsilonGreedy) agent;
            double greedy = agent.act(new double[3], Mode.EVAL)[0];
            int randomEarly = 0;
            for (int i = 0; i < 200; i++) {
                agent.act(new double[3], Mode.TRAIN);
                randomEarly += eg.lastWasRandom() ? 1 : 0;
            }
            // epsilon falls from 1.0 to 0.8 over these 200 steps: expected 180 random, sd ~5
            assertTrue(randomEarly > 160, "random actions early: " + randomEarly);
            for (int i = 0; i < 800; i++) {
                agent.act(new double[3], Mode.TRAIN);
            }
            assertEquals(0.0, eg.epsilon());
            for (int i = 0; i < 50; i++) {
                assertEquals(greedy, agent.act(new double[3], Mode.TRAIN)[0], "epsilon 0: greedy");
            }
            double v = ((EpsilonGreedy) agent).act(new double[3], Mode.EVAL)[0];
            assertEquals(Math.round(v * 100) / 100.0, v, 1e-12, "actions are on the 0.01 grid");
        }
    }

    @Test
    void paperScheduleDecaysEvery40000Steps() {
        var s = DqnConfig.defaults().epsilon();
        assertEquals(0.8, s.value(0));
        assertEquals(0.8, s.value(39_999));
        assertEquals(0.8 * 0.95, s.value(40_000), 1e-12);
        assertEquals(0.05, s.value(10_000_000));
    }

    @Test
    void configErrorsNameTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> DqnConfig.fromParams(Params.of("dqn", Map.of("gama", 0.9))));
        assertTrue(e.getMessage().contains("Maybe 'gamma'"), e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> DqnConfig.fromParams(Params.of("dqn", Map.of("gamma", 1.5))));
        assertTrue(g.getMessage().contains("gamma = 1.5"), g.getMessage());
        var t = assertThrows(IllegalArgumentException.class, () -> DqnConfig.fromParams(Params.of("dqn", Map.of("targetUpdate", "soft"))));
        assertTrue(t.getMessage().contains("polyak, hard"), t.getMessage());
        assertEquals(100, DqnConfig.fromParams(Params.of("dqn", Map.of("targetUpdate", "hard"))).targetUpdateEvery());
        assertEquals(DqnConfig.defaults(), DqnConfig.fromParams(Params.of("dqn", DqnConfig.defaults().toMap())));
        var multi = assertThrows(IllegalArgumentException.class,
                () -> new DqnAgent(DqnConfig.defaults(), Box.uniform(0, 1, 3), Box.uniform(1, 2, 2), 1, Device.cpu()));
        assertTrue(multi.getMessage().contains("sac"), multi.getMessage());
    }

    @Test
    void loadRejectsContradictingSettingsAndLoadsWithNone() throws Exception {
        AgentContext ctx = new AgentContext(Box.uniform(-1, 1, 3), new Discrete(3), Map.of("hidden", "8"), 5);
        Path dir = tmp.resolve("ck");
        double[] before;
        try (Agent agent = new DqnFactory().create(ctx)) {
            agent.save(dir);
            before = agent.act(new double[] {0.1, 0.2, 0.3}, Mode.EVAL).clone();
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DqnFactory().load(dir, new AgentContext(ctx.observationSpace(), ctx.actionSpace(), Map.of("network", "mha"), 5)));
        assertTrue(e.getMessage().contains("network: checkpoint ff, requested mha"), e.getMessage());
        try (Agent loaded = new DqnFactory().load(dir, new AgentContext(ctx.observationSpace(), ctx.actionSpace(), Map.of(), 99))) {
            assertArrayEquals(before, loaded.act(new double[] {0.1, 0.2, 0.3}, Mode.EVAL));
        }
    }
}
