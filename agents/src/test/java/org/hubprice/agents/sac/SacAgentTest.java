package org.hubprice.agents.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Mode;
import org.hubprice.agents.ToyEnv;
import org.hubprice.agents.nn.GradientRecorder;
import org.hubprice.agents.nn.ParameterIO;
import org.hubprice.agents.util.Params;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Transition;
import org.junit.jupiter.api.Test;

class SacAgentTest {
    private static final Box PRICE = Box.uniform(1, 2, 1);

    private static SacConfig small() {
        return SacConfig.fromParams(Params.of("sac", Map.of("hidden", "16,16", "batchSize", 8, "learningStarts", 20)));
    }

    private static SacAgent agent(SacConfig config, Box actions, long seed) {
        return new SacAgent(config, Box.uniform(-1, 1, ToyEnv.OBS_DIM), actions, seed, Device.cpu());
    }

    /** Feeds {@code steps} ToyEnv transitions without learning. */
    private static void fill(SacAgent agent, Box actions, int steps) {
        SingleAgentEnv env = new ToyEnv(actions);
        double[] obs = env.reset(5).observation();
        for (int i = 0; i < steps; i++) {
            double[] a = agent.act(obs, Mode.TRAIN).clone();
            SingleAgentEnv.Step s = env.step(a);
            agent.observe(new Transition(obs, a, s.reward(), s.observation(), s.terminated(), s.truncated()));
            obs = s.done() ? env.reset(100 + i).observation() : s.observation();
        }
    }

    private static List<float[]> values(Block block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : ParameterIO.parameters(block)) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static List<float[]> gradients(Block block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : ParameterIO.parameters(block)) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                out.add(g.toFloatArray());
            }
        }
        return out;
    }

    private static void assertSame(List<float[]> a, List<float[]> b, String what) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0f, what + " array " + i);
        }
    }

    @Test
    void actorStepLeavesTheCriticsParametersAndAccumulatedGradientsUnchanged() {
        try (SacAgent agent = agent(small(), PRICE, 1); NDManager m = NDManager.newBaseManager()) {
            fill(agent, PRICE, 40);
            agent.learn(3);
            // give the critics non-zero accumulated gradients, as a pending critic backward would
            try (GradientRecorder gc = GradientRecorder.open()) {
                ParameterStore ps = new ParameterStore(m, false);
                NDArray x = m.randomUniform(-1, 1, new Shape(8, ToyEnv.OBS_DIM + 1));
                NDArray y1 = agent.critic1.forward(ps, new NDList(x), true).singletonOrThrow();
                NDArray y2 = agent.critic2.forward(ps, new NDList(x), true).singletonOrThrow();
                gc.backward(y1.add(y2).square().sum());
            }
            List<float[]> c1 = values(agent.critic1);
            List<float[]> c2 = values(agent.critic2);
            List<float[]> g1 = gradients(agent.critic1);
            List<float[]> g2 = gradients(agent.critic2);
            assertTrue(g1.stream().anyMatch(g -> norm(g) > 0), "the set-up gave critic 1 gradients");
            List<float[]> actorBefore = values(agent.actor);

            agent.actorStepOnly();

            assertSame(c1, values(agent.critic1), "critic 1 parameters");
            assertSame(c2, values(agent.critic2), "critic 2 parameters");
            assertSame(g1, gradients(agent.critic1), "critic 1 gradients");
            assertSame(g2, gradients(agent.critic2), "critic 2 gradients");
            List<float[]> actorAfter = values(agent.actor);
            boolean changed = false;
            for (int i = 0; i < actorAfter.size(); i++) {
                changed |= !java.util.Arrays.equals(actorBefore.get(i), actorAfter.get(i));
            }
            assertTrue(changed, "the actor step changed the actor");
            // the critics still train afterwards: frozen only for the actor's pass
            assertTrue(agent.critic1.getParameters().get(0).getValue().getArray().hasGradient());
        }
    }

    private static double norm(float[] g) {
        double s = 0;
        for (float v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void logProbabilityIsTheSquashedGaussianDensityOnTheBox() {
        // one dimension, box [low, high]: compare with the change of variables computed naively
        // in double, and check that the density integrates to 1 over the box
        double low = 1;
        double high = 3.5;
        double c = (low + high) / 2;
        double h = (high - low) / 2;
        double mu = 0.4;
        double logStd = -0.3;
        double sigma = Math.exp(logStd);
        int n = 4001;
        float[] eps = new float[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            // actions spread over the box, away from its edges where tanh saturates in float
            double squashed = -0.999 + 1.998 * i / (n - 1);
            a[i] = c + h * squashed;
            eps[i] = (float) ((0.5 * Math.log((1 + squashed) / (1 - squashed)) - mu) / sigma);
        }
        float[] noise = new float[n];
        TanhGaussian.noiseTerm(eps, n, 1, TanhGaussian.constant(new double[] {h}), noise);
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (float) mu;
            out[2 * i + 1] = (float) logStd;
        }
        float[] logp;
        float[] squashed;
        try (NDManager m = NDManager.newBaseManager()) {
            TanhGaussian.Draw d = TanhGaussian.sample(m.create(out, new Shape(n, 2)), m.create(eps, new Shape(n, 1)),
                    m.create(noise, new Shape(n, 1)), 1, -20, 2);
            logp = d.logProb().toFloatArray();
            squashed = d.squashed().toFloatArray();
        }
        double integral = 0;
        for (int i = 0; i < n; i++) {
            double u = mu + sigma * eps[i];
            double naive = -0.5 * eps[i] * eps[i] - logStd - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - Math.tanh(u) * Math.tanh(u))
                    - Math.log(h);
            assertEquals(naive, logp[i], 2e-3 * Math.max(1, Math.abs(naive)), "log density at a = " + a[i]);
            assertEquals((a[i] - c) / h, squashed[i], 1e-4);
            if (i > 0) {
                integral += 0.5 * (Math.exp(logp[i]) + Math.exp(logp[i - 1])) * (a[i] - a[i - 1]);
            }
        }
        // the two tails beyond |tanh u| > 0.999 hold a little mass: P(|u| > atanh(0.999) = 3.8)
        assertEquals(1.0, integral, 0.01, "density integrates to ~1 over the box");
    }

    @Test
    void evaluationActsWithTheMeanAndTrainingSamples() {
        try (SacAgent agent = agent(small(), PRICE, 2)) {
            double[] o = {0.1, -0.2, 0.3};
            double e1 = agent.act(o, Mode.EVAL)[0];
            double t1 = agent.act(o, Mode.TRAIN)[0];
            double t2 = agent.act(o, Mode.TRAIN)[0];
            assertEquals(e1, agent.act(o, Mode.EVAL)[0], 0.0);
            assertNotEquals(t1, t2, "training actions are sampled");
            assertTrue(e1 >= 1 && e1 <= 2);
        }
    }

    @Test
    void nativeArraysDoNotGrowWithUpdates() {
        try (SacAgent agent = agent(small(), PRICE, 3)) {
            fill(agent, PRICE, 40);
            agent.learn(5);
            int live = agent.liveNativeArrays();
            agent.learn(200);
            for (int i = 0; i < 50; i++) {
                agent.act(new double[] {0, 0, 0}, Mode.TRAIN);
            }
            assertEquals(live, agent.liveNativeArrays(), "live native arrays after 200 more updates");
            assertEquals(205, agent.updates());
        }
    }

    @Test
    void nothingIsLearnedBeforeLearningStarts() {
        try (SacAgent agent = agent(small(), PRICE, 4)) {
            fill(agent, PRICE, 19);
            assertEquals(0, agent.learn(4));
            fill(agent, PRICE, 1);
            assertEquals(4, agent.learn(4));
        }
    }

    @Test
    void temperatureFollowsTheEntropyTarget() {
        // a target far above any reachable entropy pushes alpha up; one far below pushes it down
        for (double target : new double[] {50, -50}) {
            SacConfig cfg = small().toBuilder().opt("targetEntropyPerDimension", target).opt("alphaLr", 0.01).build();
            try (SacAgent agent = agent(cfg, PRICE, 5)) {
                fill(agent, PRICE, 40);
                agent.learn(30);
                assertTrue(target > 0 ? agent.alpha() > 0.2 : agent.alpha() < 0.2, "target " + target + ": alpha " + agent.alpha());
                assertFalse(Double.isNaN(agent.lastCriticLoss()) || Double.isNaN(agent.lastActorLoss()));
            }
        }
        SacConfig fixed = small().toBuilder().opt("autoAlpha", false).build();
        try (SacAgent agent = agent(fixed, PRICE, 5)) {
            fill(agent, PRICE, 40);
            agent.learn(10);
            assertEquals(0.2, agent.alpha(), 1e-12);
        }
    }

    @Test
    void rejectsActionSpacesItCannotSquashOnto() {
        Box obs = Box.uniform(-1, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SacAgent(small(), obs, new Discrete(5), 1, Device.cpu()));
        assertTrue(e.getMessage().contains("Box") && e.getMessage().contains("dqn"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SacAgent(small(), obs,
                new Box(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}), 1, Device.cpu()));
        assertTrue(e.getMessage().contains("finite bounds"), e.getMessage());
    }

    @Test
    void configDefaultsAreThePapersAndValidate() {
        SacConfig d = SacConfig.defaults();
        assertEquals(List.of(256, 256), d.network().hidden());
        assertEquals(3e-4, d.actorLr());
        assertEquals(3e-4, d.criticLr());
        assertEquals(3e-4, d.alphaLr());
        assertEquals(0.99, d.gamma());
        assertEquals(256, d.batchSize());
        assertEquals(1_000_000, d.bufferCapacity());
        assertEquals(0.2, d.initialAlpha());
        assertEquals(-1, d.targetEntropy(1));
        assertEquals("batch", d.rewardNorm());
        assertEquals(10, d.rewardScale());
        assertEquals(0.05, d.tau());
        assertEquals(d, SacConfig.fromParams(Params.of("sac", d.toMap())), "toMap and fromParams round-trip");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SacConfig.fromParams(Params.of("sac", Map.of("tua", 0.05))));
        assertTrue(e.getMessage().contains("tua") && e.getMessage().contains("Maybe 'tau'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().opt("tau", 1.5).build());
        assertTrue(e.getMessage().contains("tau = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().opt("learningStarts", 10).build());
        assertTrue(e.getMessage().contains("learningStarts = 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().opt("logStdMin", 3).build());
        assertTrue(e.getMessage().contains("logStdMin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().opt("rewardNorm", "perbatch").build());
        assertTrue(e.getMessage().contains("rewardNorm"), e.getMessage());
    }
}
