package org.hubprice.agents.dqn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.nn.AdamOptimizer;
import org.hubprice.agents.nn.EngineArrays;
import org.hubprice.agents.nn.EngineThreads;
import org.hubprice.agents.nn.GradientRecorder;
import org.hubprice.agents.nn.NativeMemory;
import org.hubprice.agents.nn.Networks;
import org.hubprice.agents.nn.ParameterIO;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.norm.RewardScaler;
import org.hubprice.agents.replay.Batch;
import org.hubprice.agents.replay.ReplayBuffer;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.util.RandomStreams;
import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.DiscreteLevels;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * The DQN learner (Mnih et al. 2015) without exploration: {@link #act} is greedy in both modes;
 * the factory wraps it in {@link org.hubprice.agents.wrappers.EpsilonGreedy}.
 *
 * <p><b>Actions.</b> A Discrete(n) action space gives n Q-values. A one-dimensional Box
 * {@code [low, high]} is discretised into {@code actionLevels} evenly spaced levels including
 * both ends (101 for the hub game: 1.00, 1.01, ..., 2.00); an observed continuous action is
 * stored as its nearest level.
 *
 * <p><b>Update.</b> Sample a batch (plain Java arrays), normalise observations, scale rewards,
 * then in one sub-manager: {@code y = r + gamma (1 - terminated) Q_target(s', a*)}, where
 * {@code a*} is the target network's argmax (or the online network's, for double DQN); a
 * gradient step of Adam on the MSE or Huber loss of {@code Q(s, a) - y}; and every
 * {@code targetUpdateEvery} updates a Polyak average or a hard copy into the target network,
 * in place. Truncated episodes still bootstrap; only termination cuts the return.
 *
 * <p><b>Determinism.</b> Initial weights come from the agent's seed through the project's own
 * generator, replay sampling from a saved stream, and nothing draws from the engine's random
 * generator, so on the CPU the same seed and data give bit-identical parameters.
 */
public final class DqnAgent implements Agent {
    public static final String NAME = "dqn";
    /** The agent's random streams: network initialisation, replay sampling, and the exploration wrapper's. */
    static final RandomStreams STREAMS = RandomStreams.of("dqn", "init", "init-target", "replay", "explore");
    static final String ONLINE_FILE = "q-online.params";
    static final String TARGET_FILE = "q-target.params";
    static final String OPTIMIZER_FILE = "adam.state";
    static final String REPLAY_FILE = "replay.bin";

    private final DqnConfig config;
    private final Space observationSpace;
    private final Space actionSpace;
    private final int obsDim;
    private final int nActions;
    /** The price levels of a Box action space (null for a Discrete one). */
    private final DiscreteLevels grid;
    private final long seed;
    private final NDManager manager;
    private final Block online;
    private final Block target;
    private final AdamOptimizer adam;
    private final ParameterStore store;
    /** Huber's delta and 1/2, made once: engine-owned scalars for the loss (see EngineArrays). */
    private final NDArray huberDelta;
    private final NDArray half;
    private ReplayBuffer replay;
    private final Batch batch;
    private final Rng sampleRng;
    private ObservationNormalizer obsNorm;
    private final RewardScaler rewardScaler;
    private final float[] obsRow;
    private final double[] action = new double[1];
    private final double[] storedAction = new double[1];
    private final long[] actionIndex;
    private final float[] discount;
    private long updates;
    private double lastLoss = Double.NaN;

    /** A fresh agent: networks initialised from {@code seed}, empty replay. */
    public DqnAgent(DqnConfig config, Space observationSpace, Space actionSpace, long seed, Device device) {
        if (!(observationSpace instanceof Box)) {
            throw new IllegalArgumentException("dqn needs a Box observation space; got " + observationSpace);
        }
        this.config = config;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.obsDim = observationSpace.dimension();
        if (actionSpace instanceof Discrete d) {
            nActions = d.n();
            if (nActions < 2) {
                throw new IllegalArgumentException("dqn: a Discrete(" + nActions + ") action space leaves nothing to choose");
            }
        } else {
            Box b = (Box) actionSpace;
            if (b.dimension() != 1) {
                throw new IllegalArgumentException("dqn discretises a one-dimensional Box action; this one has " + b.dimension()
                        + " dimensions. Maybe use sac for multi-dimensional continuous actions");
            }
            if (!Double.isFinite(b.low(0)) || !Double.isFinite(b.high(0)) || b.high(0) <= b.low(0)) {
                throw new IllegalArgumentException("dqn discretises a finite, non-empty Box action; this one is [" + b.low(0) + ", "
                        + b.high(0) + "]");
            }
            nActions = config.actionLevels();
        }
        this.grid = actionSpace instanceof Box ? DiscreteLevels.over(actionSpace, nActions, "dqn") : null;
        this.seed = seed;
        NativeMemory.tuneOnce();
        this.manager = NDManager.newBaseManager(device);
        this.online = Networks.create(config.network(), obsDim, nActions, manager, STREAMS.seed(seed, "init"));
        // the target starts as an exact copy; its own seed only fills the arrays before the copy
        this.target = Networks.create(config.network(), obsDim, nActions, manager, STREAMS.seed(seed, "init-target"));
        ParameterIO.copy(online, target);
        this.adam = new AdamOptimizer(online, new AdamOptimizer.Config(config.learningRate(), 0.9, 0.999, 1e-8, config.maxGradNorm()),
                manager);
        this.store = new ParameterStore(manager, false);
        this.huberDelta = EngineArrays.scalar(manager, config.huberDelta());
        this.half = EngineArrays.scalar(manager, 0.5);
        this.replay = new ReplayBuffer(config.bufferCapacity(), obsDim, 1);
        this.batch = new Batch(config.batchSize(), obsDim, 1);
        this.sampleRng = new Rng(STREAMS.seed(seed, "replay"));
        this.obsNorm = ObservationNormalizer.fromParams(config.normalizationParams(), observationSpace);
        this.rewardScaler = new RewardScaler(RewardScaler.Mode.parse(config.rewardNorm()), config.rewardScale());
        this.obsRow = new float[obsDim];
        this.actionIndex = new long[config.batchSize()];
        this.discount = new float[config.batchSize()];
    }

    public DqnConfig config() {
        return config;
    }

    /** Number of discrete actions (Q-values). */
    public int actionCount() {
        return nActions;
    }

    /** Gradient updates run so far. */
    public long updates() {
        return updates;
    }

    /** Transitions stored so far. */
    public long transitions() {
        return replay.added();
    }

    /** Loss of the most recent update (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** The online Q-network (for benchmarks and diagnostics). */
    public Block onlineNetwork() {
        return online;
    }

    /** The manager holding the networks (its device is the agent's device). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    /** The environment action for discrete index {@code k}, written into {@code out}. */
    public double[] actionFor(int k, double[] out) {
        if (grid != null) {
            out[0] = grid.value(k);
        } else {
            out[0] = k;
        }
        return out;
    }

    /** The discrete index of an environment action (nearest level for a Box). */
    public int indexOf(double[] a) {
        if (grid != null) {
            return grid.nearestIndex(a[0]);
        }
        int k = (int) a[0];
        if (k < 0 || k >= nActions || k != a[0]) {
            throw new IllegalArgumentException("dqn: action " + a[0] + " is not in Discrete(" + nActions + ")");
        }
        return k;
    }

    /** Q-values of one observation (host copy), for diagnostics and tests. */
    public float[] qValues(double[] observation) {
        obsNorm.normalize(observation, obsRow);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(obsRow, new Shape(1, obsDim));
            return online.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    /** Greedy Q-values' argmax index for a batch of already-normalised rows (benchmarks). */
    public int[] greedyBatch(float[] rows, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(rows, new Shape(n, obsDim));
            long[] idx = online.forward(store, new NDList(x), false).singletonOrThrow().argMax(1).toLongArray();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = (int) idx[i];
            }
            return out;
        }
    }

    /** Greedy in both modes; exploration is the wrapper's job. */
    @Override
    public double[] act(double[] observation, Mode mode) {
        EngineThreads.adoptOnce(); // a caller's fresh thread (an evaluation worker, a cluster task) acts as the loop's thread would
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("dqn: observation has " + observation.length + " values; expected " + obsDim);
        }
        float[] q = qValues(observation);
        int best = 0;
        for (int k = 1; k < q.length; k++) {
            if (q[k] > q[best]) {
                best = k;
            }
        }
        return actionFor(best, action);
    }

    @Override
    public void observe(Transition t) {
        storedAction[0] = indexOf(t.action());
        replay.add(t.observation(), storedAction, t.reward(), t.nextObservation(), t.terminated());
        obsNorm.update(t.observation());
    }

    /** Its updates touch only its own replay, networks and random streams, and record per thread. */
    @Override
    public boolean learnsOnAnyThread() {
        return true;
    }

    @Override
    public int learn(int gradientSteps) {
        if (gradientSteps < 0) {
            throw new IllegalArgumentException("gradientSteps = " + gradientSteps + " must be >= 0");
        }
        if (replay.size() == 0 || replay.added() < config.learningStarts()) {
            return 0;
        }
        // recording is per thread: off here, on only inside each step's recorder, so that
        // agents may update side by side on worker threads (which record by default)
        EngineThreads.adoptOnce();
        try (GradientRecorder off = GradientRecorder.pause()) {
            for (int i = 0; i < gradientSteps; i++) {
                update();
            }
        }
        return gradientSteps;
    }

    private void update() {
        int n = batch.size;
        replay.sample(sampleRng, batch);
        obsNorm.normalize(batch.observations, n);
        obsNorm.normalize(batch.nextObservations, n);
        rewardScaler.apply(batch.rewards, n);
        float gamma = (float) config.gamma();
        for (int i = 0; i < n; i++) {
            actionIndex[i] = (long) batch.actions[i];
            discount[i] = gamma * (1f - batch.terminated[i]);
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray obs = sub.create(batch.observations, new Shape(n, obsDim));
            NDArray next = sub.create(batch.nextObservations, new Shape(n, obsDim));
            NDArray reward = sub.create(batch.rewards, new Shape(n));
            NDArray disc = sub.create(discount, new Shape(n));
            NDArray act = sub.create(actionIndex, new Shape(n, 1));
            // the target is computed outside the recorder
            NDArray qNextTarget = target.forward(store, new NDList(next), false).singletonOrThrow();
            NDArray qNext;
            if (config.doubleDqn()) {
                NDArray best = online.forward(store, new NDList(next), false).singletonOrThrow().argMax(1).reshape(n, 1);
                qNext = qNextTarget.gather(best, 1).reshape(n);
            } else {
                qNext = qNextTarget.max(new int[] {1});
            }
            // detached: a constant of the loss, also for a caller that left recording on
            // (recording is a per-thread mode, off only in the engine's first thread)
            NDArray y = reward.add(disc.mul(qNext)).stopGradient();
            try (GradientRecorder gc = GradientRecorder.open()) {
                NDArray q = online.forward(store, new NDList(obs), true).singletonOrThrow().gather(act, 1).reshape(n);
                NDArray diff = q.sub(y);
                NDArray loss;
                if (config.loss().equals("huber")) {
                    NDArray abs = diff.abs();
                    NDArray quad = abs.minimum(huberDelta);
                    // 0.5 q^2 + delta (|d| - q): quadratic inside delta, linear outside
                    loss = quad.square().mul(half).add(abs.sub(quad).mul(huberDelta)).mean();
                } else {
                    loss = diff.square().mean();
                }
                gc.backward(loss);
                if ((updates & 63) == 0) {
                    // reading the loss synchronises with the device, so only now and then
                    lastLoss = loss.getFloat();
                }
            }
            adam.step();
        }
        updates++;
        if (updates % config.targetUpdateEvery() == 0) {
            if (config.targetUpdate().equals("hard")) {
                ParameterIO.copy(online, target);
            } else {
                ParameterIO.polyak(online, target, config.tau());
            }
        }
    }

    @Override
    public void save(Path directory) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("updates", updates);
        state.put("transitions", replay.added());
        state.put("replayRng", sampleRng.state());
        state.put("adamSteps", adam.steps());
        Manifest.Builder m = Manifest.builder(NAME, "DQN").setSpaces(observationSpace, actionSpace).optNetwork(config.network().toMap())
                .optHyperparameters(config.toMap()).optNormalization(obsNorm.toMap(), rewardScaler.toMap()).optSeeds(STREAMS.toMap(seed))
                .optState(state).optEngineVersions();
        AgentCheckpoint.save(directory, m, files -> {
            files.parameters("online", ONLINE_FILE, online);
            files.parameters("target", TARGET_FILE, target);
            files.binary("optimizer", OPTIMIZER_FILE, adam::write);
            if (config.checkpointReplay()) {
                files.binary("replay", REPLAY_FILE, replay::write);
            }
        });
    }

    /**
     * Restores an agent saved by {@link #save}: parameters, optimiser, replay (when saved),
     * normalisation, counters and random streams, on {@code device} whatever device wrote it.
     */
    static DqnAgent load(AgentCheckpoint ck, DqnConfig config, Space observationSpace, Space actionSpace, Device device) throws IOException {
        return AgentCheckpoint.restoring(new DqnAgent(config, observationSpace, actionSpace, ck.seed(), device), agent -> {
            ck.parameters(ONLINE_FILE, agent.online);
            ck.parameters(TARGET_FILE, agent.target);
            ck.binary(OPTIMIZER_FILE, in -> agent.adam.read(in, ck.where(OPTIMIZER_FILE)));
            if (ck.has(REPLAY_FILE)) {
                ck.binary(REPLAY_FILE, in -> agent.replay = ReplayBuffer.read(in, ck.where(REPLAY_FILE)));
                agent.replay.checkShape(config.bufferCapacity(), agent.obsDim, 1, ck.where(REPLAY_FILE));
            }
            Map<String, Object> obs = ck.normalization("observation");
            if (obs != null) {
                agent.obsNorm = ObservationNormalizer.fromMap(obs);
            }
            Params state = ck.state();
            agent.updates = state.getLong("updates", 0);
            agent.sampleRng.setState(state.getLong("replayRng", agent.sampleRng.state()));
        });
    }

    @Override
    public void close() {
        adam.close();
        manager.close();
    }
}
