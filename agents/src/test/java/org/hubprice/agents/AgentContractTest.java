package org.hubprice.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Json;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every built-in agent's test inherits: actions stay inside the action space in
 * both modes, a seed fixes actions and parameters bit for bit, save and load reproduce the
 * agent (and, for agents that resume exactly, its future), learning changes the parameters,
 * and evaluation is deterministic.
 *
 * <p>A subclass names the factory and, where the defaults do not fit, the action space, the
 * parameters (keep networks and batches tiny: these are unit tests) and whether the agent
 * learns. Transitions come from {@link #environment()}, by default a {@link ToyEnv}.
 */
public abstract class AgentContractTest {
    /** The factory under test. */
    protected abstract AgentFactory factory();

    /** The action space the agent is tested on (default: the hub game's price multiplier box [1, 2]). */
    protected Space actionSpace() {
        return Box.uniform(1, 2, 1);
    }

    /** Agent parameters for the tests (small networks, small batches, early learning). */
    protected Map<String, Object> params() {
        return Map.of();
    }

    /** Whether {@link Agent#learn} changes the agent's parameters. */
    protected boolean learns() {
        return true;
    }

    /**
     * Whether a loaded checkpoint continues training exactly as the saved agent would have
     * (same exploration draws, same replay samples, same optimiser state).
     */
    protected boolean resumesExactly() {
        return true;
    }

    /** Environment steps fed before the properties are checked. */
    protected int trainingSteps() {
        return 120;
    }

    /** The environment that produces transitions; its spaces define the context. */
    protected SingleAgentEnv environment() {
        return new ToyEnv(actionSpace());
    }

    /** The context an agent is created with. */
    protected AgentContext context(long seed) {
        SingleAgentEnv env = environment();
        return new AgentContext(env.observationSpace(), env.actionSpace(), params(), seed, "cpu");
    }

    @TempDir
    Path tmp;

    /** What one rollout produced: every action taken and the number of updates run. */
    protected record Rollout(List<double[]> actions, int updates) {}

    /**
     * Feeds {@code steps} environment steps to {@code agent} in training mode, calling
     * {@code learn(1)} after every step, from an environment seeded with {@code envSeed}.
     */
    protected Rollout feed(Agent agent, int steps, long envSeed) {
        try (SingleAgentEnv env = environment()) {
            double[] obs = env.reset(envSeed).observation();
            List<double[]> actions = new ArrayList<>();
            int updates = 0;
            for (int i = 0; i < steps; i++) {
                double[] a = agent.act(obs, Mode.TRAIN).clone();
                actions.add(a);
                SingleAgentEnv.Step s = env.step(a);
                agent.observe(new Transition(obs, a, s.reward(), s.observation(), s.terminated(), s.truncated()));
                updates += agent.learn(1);
                obs = s.done() ? (env instanceof ToyEnv t ? t.resetContinue() : env.reset(envSeed + i).observation()) : s.observation();
            }
            return new Rollout(actions, updates);
        }
    }

    /** Observations to probe a policy with. */
    protected List<double[]> probes(int n, long seed) {
        List<double[]> out = new ArrayList<>();
        try (SingleAgentEnv env = environment()) {
            double[] obs = env.reset(seed).observation();
            for (int i = 0; i < n; i++) {
                out.add(obs.clone());
                SingleAgentEnv.Step s = env.step(env.actionSpace().sample(new java.util.SplittableRandom(seed + i)));
                obs = s.done() ? env.reset(seed + 1000 + i).observation() : s.observation();
            }
        }
        return out;
    }

    /**
     * Everything an agent saves except run-specific provenance (time, host): the manifest
     * without its {@code provenance} entry, and the bytes of every other file.
     */
    protected Map<String, Object> snapshot(Agent agent) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "snap");
        Path ckpt = dir.resolve("ckpt");
        agent.save(ckpt);
        Map<String, Object> out = new TreeMap<>();
        try (var files = Files.walk(ckpt)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = ckpt.relativize(f).toString();
                if (rel.equals(org.hubprice.agents.checkpoint.CheckpointDigests.FILE)) {
                    continue; // it holds the manifest's digest, which changes with the provenance; every other file is compared itself
                }
                if (rel.equals(Checkpoints.MANIFEST)) {
                    Map<String, Object> m = Json.readMap(f);
                    m.remove("provenance");
                    out.put(rel, Json.MAPPER.writeValueAsString(m));
                } else {
                    out.put(rel, Arrays.hashCode(Files.readAllBytes(f)) + ":" + Files.size(f));
                }
            }
        }
        return out;
    }

    private static void assertSameActions(List<double[]> a, List<double[]> b, String what) {
        assertEquals(a.size(), b.size(), what + ": number of actions");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, what + ": action " + i);
        }
    }

    private List<double[]> evalActions(Agent agent, List<double[]> observations) {
        List<double[]> out = new ArrayList<>();
        for (double[] o : observations) {
            out.add(agent.act(o, Mode.EVAL).clone());
        }
        return out;
    }

    @Test
    void nameMatchesFactoryAndRegistryFindsIt() {
        try (Agent agent = factory().create(context(1))) {
            assertEquals(factory().name(), agent.name());
        }
        assertEquals(factory().getClass(), AgentRegistry.load().get(factory().name()).getClass(),
                "registered in META-INF/services/org.hubprice.agents.AgentFactory");
    }

    @Test
    void actionsStayInsideTheActionSpace() {
        try (Agent agent = factory().create(context(2))) {
            Space space = agent.actionSpace();
            Rollout r = feed(agent, trainingSteps(), 11);
            for (double[] a : r.actions()) {
                assertTrue(space.contains(a), "training action " + Arrays.toString(a) + " outside " + space);
            }
            for (double[] a : evalActions(agent, probes(50, 12))) {
                assertTrue(space.contains(a), "evaluation action " + Arrays.toString(a) + " outside " + space);
            }
        }
    }

    @Test
    void sameSeedGivesSameActionsAndParameters() throws IOException {
        try (Agent a = factory().create(context(3)); Agent b = factory().create(context(3))) {
            Rollout ra = feed(a, trainingSteps(), 21);
            Rollout rb = feed(b, trainingSteps(), 21);
            assertSameActions(ra.actions(), rb.actions(), "same seed");
            assertEquals(ra.updates(), rb.updates());
            if (learns()) {
                assertTrue(ra.updates() > 0, "the agent ran no update in " + trainingSteps() + " steps; lower its warm-up in params()");
            }
            assertEquals(snapshot(a), snapshot(b), "same seed, same data: saved state must be identical");
        }
    }

    /** Creates an agent with {@code seed}, feeds it {@code trainingSteps()} steps and snapshots it. */
    private Map<String, Object> trainedSnapshot(long seed, long envSeed) throws IOException {
        try (Agent agent = factory().create(context(seed))) {
            feed(agent, trainingSteps(), envSeed);
            return snapshot(agent);
        }
    }

    /**
     * The same seed gives the same run while another thread forces garbage collections all
     * along: nothing an update reads may live in memory the collector can free. Before
     * {@code EngineArrays}, every SAC run under this pressure came out different.
     */
    @Test
    void sameSeedGivesSameParametersUnderGarbageCollection() throws Exception {
        assumeTrue(learns(), "not a learning agent");
        Map<String, Object> first;
        Map<String, Object> second;
        long collections;
        try (GcPressure pressure = GcPressure.start()) {
            first = trainedSnapshot(8, 71);
            second = trainedSnapshot(8, 71);
            collections = pressure.collections();
        }
        assertTrue(collections > 10, "the pressure thread forced only " + collections + " collections");
        assertEquals(first, second, "same seed under garbage-collection pressure (" + collections + " collections)");
    }

    /**
     * Training in a thread other than the one that started the engine gives the same run: in
     * PyTorch, gradient recording is a per-thread mode that is off only in the engine's first
     * thread, so work that must not be differentiated (targets) has to be cut from the graph
     * explicitly, not left to the mode.
     */
    @Test
    void sameSeedGivesSameParametersInAnotherThread() throws Exception {
        assumeTrue(learns(), "not a learning agent");
        Map<String, Object> here = trainedSnapshot(9, 81);
        FutureTask<Map<String, Object>> there = new FutureTask<>(() -> trainedSnapshot(9, 81));
        new Thread(there, "contract-worker").start();
        assertEquals(here, there.get(), "same seed, trained in another thread");
    }

    /**
     * An agent that declares {@link Agent#learnsOnAnyThread()} trains side by side with a twin:
     * two agents (seeds 10 and 11) learning at the same time on two threads end exactly where
     * each ends trained alone. The trainer relies on this to update a run's hubs on two cores;
     * with DJL's one-per-JVM gradient collector the second thread's update would throw.
     */
    @Test
    void agentsThatLearnOnAnyThreadTrainSideBySideAsAlone() throws Exception {
        boolean declares;
        try (Agent probe = factory().create(context(10))) {
            declares = probe.learnsOnAnyThread();
        }
        assumeTrue(learns() && declares, "the agent does not declare learnsOnAnyThread");
        Map<String, Object> alone10 = trainedSnapshot(10, 91);
        Map<String, Object> alone11 = trainedSnapshot(11, 92);
        java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(2);
        long[] spans = new long[4];
        FutureTask<Map<String, Object>> a = new FutureTask<>(() -> timedSnapshot(go, 10, 91, spans, 0));
        FutureTask<Map<String, Object>> b = new FutureTask<>(() -> timedSnapshot(go, 11, 92, spans, 2));
        new Thread(a, "side-by-side-a").start();
        new Thread(b, "side-by-side-b").start();
        assertEquals(alone10, a.get(), "seed 10 trained beside seed 11");
        assertEquals(alone11, b.get(), "seed 11 trained beside seed 10");
        assertTrue(spans[0] < spans[3] && spans[2] < spans[1], "the two trainings overlapped in time");
    }

    /** {@link #trainedSnapshot} after {@code go}, with its start and end time in {@code spans[at]} and {@code spans[at + 1]}. */
    private Map<String, Object> timedSnapshot(java.util.concurrent.CyclicBarrier go, long seed, long envSeed, long[] spans, int at)
            throws Exception {
        go.await();
        spans[at] = System.nanoTime();
        Map<String, Object> s = trainedSnapshot(seed, envSeed);
        spans[at + 1] = System.nanoTime();
        return s;
    }

    @Test
    void evaluationIsDeterministic() {
        try (Agent agent = factory().create(context(4))) {
            feed(agent, trainingSteps(), 31);
            List<double[]> probes = probes(30, 32);
            List<double[]> first = evalActions(agent, probes);
            // training-mode calls in between must not change what evaluation returns
            for (double[] o : probes) {
                agent.act(o, Mode.TRAIN);
            }
            assertSameActions(first, evalActions(agent, probes), "evaluation mode");
        }
    }

    @Test
    void saveThenLoadGivesIdenticalActions() throws IOException {
        Path dir = tmp.resolve("ckpt");
        try (Agent agent = factory().create(context(5))) {
            feed(agent, trainingSteps(), 41);
            agent.save(dir);
            assertTrue(Files.isRegularFile(dir.resolve(Checkpoints.MANIFEST)), "a checkpoint has a manifest.json");
            List<double[]> probes = probes(30, 42);
            try (Agent loaded = factory().load(dir, context(5))) {
                assertEquals(agent.name(), loaded.name());
                assertSameActions(evalActions(agent, probes), evalActions(loaded, probes), "loaded agent, evaluation mode");
                if (resumesExactly()) {
                    Rollout ra = feed(agent, trainingSteps() / 2, 43);
                    Rollout rb = feed(loaded, trainingSteps() / 2, 43);
                    assertSameActions(ra.actions(), rb.actions(), "resumed training");
                    assertEquals(snapshot(agent), snapshot(loaded), "resumed training: saved state must be identical");
                }
            }
        }
    }

    @Test
    void savingTwiceReplacesTheCheckpoint() throws IOException {
        Path dir = tmp.resolve("again");
        try (Agent agent = factory().create(context(6))) {
            agent.save(dir);
            feed(agent, trainingSteps() / 2, 51);
            agent.save(dir);
            try (var files = Files.list(tmp)) {
                assertEquals(List.of("again"), files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("snap")).toList(),
                        "no temporary directories are left behind");
            }
        }
    }

    @Test
    void learningChangesTheParameters() throws IOException {
        assumeTrue(learns(), "not a learning agent");
        try (Agent agent = factory().create(context(7))) {
            Map<String, Object> before = snapshot(agent);
            Rollout r = feed(agent, trainingSteps(), 61);
            assertTrue(r.updates() > 0, "no update ran");
            Map<String, Object> after = snapshot(agent);
            List<String> changed = before.keySet().stream().filter(k -> !k.equals(Checkpoints.MANIFEST))
                    .filter(k -> !String.valueOf(before.get(k)).equals(String.valueOf(after.get(k)))).toList();
            assertFalse(changed.isEmpty(), "no saved file changed after " + r.updates() + " updates");
        }
    }

    @Test
    void loadRejectsAnotherActionOrObservationSpace() throws IOException {
        Path dir = tmp.resolve("mismatch");
        try (Agent agent = factory().create(context(8))) {
            agent.save(dir);
        }
        AgentContext ok = context(8);
        Space otherObs = Box.uniform(-1, 1, ok.observationSpace().dimension() + 1);
        AgentContext bad = new AgentContext(otherObs, ok.actionSpace(), ok.params(), 8, "cpu");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory().load(dir, bad).close());
        assertTrue(e.getMessage().contains("observation space"), "the message names what differs: " + e.getMessage());
    }
}
