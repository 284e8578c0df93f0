package org.hubprice.agents.sac;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.agents.ActionSpaceKindException;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.nn.AdamOptimizer;
import org.hubprice.agents.nn.EngineThreads;
import org.hubprice.agents.nn.FlatParameters;
import org.hubprice.agents.nn.GradientRecorder;
import org.hubprice.agents.nn.NativeMemory;
import org.hubprice.agents.nn.Networks;
import org.hubprice.agents.nn.ParameterIO;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.norm.RewardScaler;
import org.hubprice.agents.replay.Batch;
import org.hubprice.agents.replay.ReplayBuffer;
import org.hubprice.agents.util.RandomStreams;
import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * Soft actor-critic (Haarnoja et al. 2018, with the automatic temperature of the follow-up
 * paper) on DJL, for a Box observation and a bounded Box action.
 *
 * <h2>Networks</h2>
 * <ul>
 *   <li>actor: observation → (mean, log std) of a diagonal Gaussian; a draw {@code u} is
 *       squashed by tanh and mapped onto the action box ({@link TanhGaussian});</li>
 *   <li>twin critics Q1, Q2: (observation, squashed action in [-1, 1]) → value; the smaller of
 *       the two is used everywhere, against over-estimation;</li>
 *   <li>target critics: Polyak averages of the critics, updated in place after every gradient
 *       step ({@link ParameterIO#polyak}).</li>
 * </ul>
 *
 * <h2>One gradient step ({@link #learn})</h2>
 * <ol>
 *   <li>sample a batch; scale its rewards ({@link RewardScaler}, default per-batch
 *       standardisation x 10 as the reference code);</li>
 *   <li>critic target {@code y = r + gamma (1 - terminated) (min Q'(s', a') - alpha log pi(a'|s'))},
 *       {@code a' ~ pi(s')}, computed with gradients off;</li>
 *   <li>critics: minimise {@code mean (Q1 - y)^2 + mean (Q2 - y)^2}, one Adam step each;</li>
 *   <li>actor: minimise {@code mean (alpha log pi(a~|s) - min Q(s, a~))} with a reparameterised
 *       {@code a~}; the critics' parameters are frozen for this pass, so neither their values
 *       nor their accumulated gradients change (DJL's PyTorch engine otherwise accumulates
 *       gradients in every array that took part in a backward pass until an optimiser clears
 *       them);</li>
 *   <li>temperature: {@code log alpha -= lr * Adam(-(mean log pi + target entropy))};</li>
 *   <li>target critics: {@code target = (1 - tau) target + tau critic}, in place.</li>
 * </ol>
 * Every native temporary of a step lives in a sub-manager closed at the end of the step, so
 * the count of live native arrays does not grow with the number of updates.
 *
 * <h2>Determinism</h2>
 * Weights are drawn from seeded host generators, all noise (exploration and the
 * reparameterisation) is drawn on the host and passed to the engine, and batches are sampled
 * with a seeded host generator: on the CPU, one seed gives bit-identical parameters.
 *
 * <p>Evaluation mode acts with the mean action {@code c + h tanh(mu)}.
 */
public final class SacAgent implements Agent {
    /** Registry name. */
    public static final String NAME = "sac";
    /** The agent's random streams: network initialisation, acting, replay sampling, update noise. */
    static final RandomStreams STREAMS = RandomStreams.of("sac", "init/actor", "init/critic1", "init/critic2", "act", "replay", "update-noise");


    final SacConfig config;
    final Box observationSpace;
    final Box actionSpace;
    final int obsDim;
    final int actDim;
    final long seed;
    private final double[] actCenter;
    private final double[] actHalf;
    private final double logProbConstant;
    private final double targetEntropy;

    private final NDManager manager;
    private final ParameterStore parameterStore;
    final Block actor;
    final Block critic1;
    final Block critic2;
    final Block target1;
    final Block target2;
    /** Both critics' parameters in one flat storage: one optimiser call and one Polyak average cover both. */
    private final FlatParameters critics;
    private final FlatParameters targets;
    final AdamOptimizer actorOpt;
    final AdamOptimizer criticOpt;
    final ScalarAdam alphaOpt;
    double logAlpha;

    ObservationNormalizer obsNorm;
    final RewardScaler rewardScaler;
    ReplayBuffer replay;
    private final Batch batch;
    final Rng actRng;
    final Rng sampleRng;
    final Rng noiseRng;

    // reused host buffers: acting and one update allocate no Java arrays
    private final float[] obsRow;
    private final double[] action;
    private final double[] unitAction;
    private final float[] discount;
    private final float[] epsNext;
    private final float[] epsPi;
    private final float[] noiseNext;
    private final float[] noisePi;
    private final UpdateInputs inputs;

    long updates;
    private double lastCriticLoss = Double.NaN;
    private double lastActorLoss = Double.NaN;
    private double lastEntropy = Double.NaN;
    private boolean closed;

    /**
     * A fresh agent.
     *
     * @param config hyperparameters
     * @param observationSpace a Box
     * @param actionSpace a Box with finite bounds and positive widths
     * @param seed root of the agent's random streams (network initialisation, acting, sampling)
     * @param device where the networks live
     */
    public SacAgent(SacConfig config, Space observationSpace, Space actionSpace, long seed, Device device) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.observationSpace = requireBox("observation space", observationSpace);
        this.actionSpace = requireBoundedBox(actionSpace);
        this.obsDim = this.observationSpace.dimension();
        this.actDim = this.actionSpace.dimension();
        this.seed = seed;
        this.actCenter = new double[actDim];
        this.actHalf = new double[actDim];
        for (int j = 0; j < actDim; j++) {
            actCenter[j] = (this.actionSpace.low(j) + this.actionSpace.high(j)) / 2;
            actHalf[j] = (this.actionSpace.high(j) - this.actionSpace.low(j)) / 2;
        }
        this.logProbConstant = TanhGaussian.constant(actHalf);
        this.targetEntropy = config.targetEntropy(actDim);

        NativeMemory.tuneOnce();
        this.manager = NDManager.newBaseManager(device == null ? Device.cpu() : device);
        try {
            this.parameterStore = new ParameterStore(manager, false);
            this.actor = Networks.create(config.network(), obsDim, 2 * actDim, manager, STREAMS.seed(seed, "init/actor"));
            List<Networks.Spec> twin = List.of(
                    new Networks.Spec(config.network(), obsDim + actDim, 1, STREAMS.seed(seed, "init/critic1")),
                    new Networks.Spec(config.network(), obsDim + actDim, 1, STREAMS.seed(seed, "init/critic2")));
            this.critics = Networks.createGroup(manager, twin);
            this.critic1 = critics.blocks().get(0);
            this.critic2 = critics.blocks().get(1);
            // targets start as exact copies; they never take part in a backward pass
            this.targets = Networks.createGroup(manager, twin);
            this.target1 = targets.blocks().get(0);
            this.target2 = targets.blocks().get(1);
            ParameterIO.polyak(critics, targets, 1);
            target1.freezeParameters(true);
            target2.freezeParameters(true);
            this.actorOpt = new AdamOptimizer(actor, adam(config.actorLr(), config.maxGradNorm()), manager);
            // one optimiser for both critics: the same rule element by element as one per critic, and
            // with clipping on, each critic's gradient is still clipped by its own norm
            this.criticOpt = new AdamOptimizer(critics, adam(config.criticLr(), config.maxGradNorm()), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.alphaOpt = new ScalarAdam(config.alphaLr());
        this.logAlpha = Math.log(config.initialAlpha());

        this.obsNorm = ObservationNormalizer.fromParams(config.normalizationParams(), observationSpace);
        this.rewardScaler = new RewardScaler(RewardScaler.Mode.parse(config.rewardNorm()), config.rewardScale());
        this.replay = new ReplayBuffer(config.bufferCapacity(), obsDim, actDim);
        int b = config.batchSize();
        this.batch = new Batch(b, obsDim, actDim);
        this.actRng = new Rng(STREAMS.seed(seed, "act"));
        this.sampleRng = new Rng(STREAMS.seed(seed, "replay"));
        this.noiseRng = new Rng(STREAMS.seed(seed, "update-noise"));

        this.obsRow = new float[obsDim];
        this.action = new double[actDim];
        this.unitAction = new double[actDim];
        this.discount = new float[b];
        this.epsNext = new float[b * actDim];
        this.epsPi = new float[b * actDim];
        this.noiseNext = new float[b];
        this.noisePi = new float[b];
        this.inputs = new UpdateInputs(manager, b, obsDim, actDim);
    }

    private static AdamOptimizer.Config adam(double lr, double maxGradNorm) {
        return new AdamOptimizer.Config(lr, 0.9, 0.999, 1e-8, maxGradNorm);
    }

    private static Box requireBox(String what, Space s) {
        if (!(s instanceof Box b)) {
            throw new IllegalArgumentException("sac: the " + what + " must be a Box; got " + s);
        }
        return b;
    }

    private static Box requireBoundedBox(Space s) {
        if (!(s instanceof Box b)) {
            throw new ActionSpaceKindException("sac: the action space must be a Box; got " + s + " (for discrete actions use dqn)", true);
        }
        for (int j = 0; j < b.dimension(); j++) {
            if (!Double.isFinite(b.low(j)) || !Double.isFinite(b.high(j)) || !(b.high(j) > b.low(j))) {
                throw new IllegalArgumentException("sac: action bound " + j + " is [" + b.low(j) + ", " + b.high(j)
                        + "]; the tanh-squashed policy needs finite bounds with low < high");
            }
        }
        return b;
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

    public SacConfig config() {
        return config;
    }

    /** The seed the agent was created with. */
    public long seed() {
        return seed;
    }

    /** Gradient steps taken so far. */
    public long updates() {
        return updates;
    }

    /** The current entropy temperature. */
    public double alpha() {
        return Math.exp(logAlpha);
    }

    /** Transitions in the replay buffer. */
    public int replaySize() {
        return replay.size();
    }

    /** Critic loss of the last gradient step (NaN before the first). */
    public double lastCriticLoss() {
        return lastCriticLoss;
    }

    /** Actor loss of the last gradient step (NaN before the first). */
    public double lastActorLoss() {
        return lastActorLoss;
    }

    /** Mean of -log pi over the last batch, an estimate of the policy's entropy (NaN before the first step). */
    public double lastEntropy() {
        return lastEntropy;
    }

    /** Live native arrays of this agent (parameters, optimiser state, leftovers); constant across updates. */
    public int liveNativeArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        ensureOpen();
        EngineThreads.adoptOnce(); // a caller's fresh thread (an evaluation worker, a cluster task) acts as the loop's thread would
        if (observation == null || observation.length != obsDim) {
            throw new IllegalArgumentException("sac: observation has " + (observation == null ? "no" : observation.length)
                    + " values; the observation space has " + obsDim);
        }
        obsNorm.normalize(observation, obsRow);
        float[] out;
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(obsRow, new Shape(1, obsDim));
            out = actor.forward(parameterStore, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
        // the squashing of a single action is cheaper on the host than as engine calls
        for (int j = 0; j < actDim; j++) {
            double u = out[j];
            if (mode == Mode.TRAIN) {
                double logStd = Math.min(config.logStdMax(), Math.max(config.logStdMin(), out[actDim + j]));
                u += Math.exp(logStd) * actRng.nextGaussian();
            }
            action[j] = toBox(j, Math.tanh(u));
        }
        return action;
    }

    private double toBox(int j, double squashed) {
        double a = actCenter[j] + actHalf[j] * squashed;
        // rounding may step outside the box by an ulp; the result must be a member
        return Math.min(actionSpace.high(j), Math.max(actionSpace.low(j), a));
    }

    @Override
    public void observe(Transition t) {
        ensureOpen();
        double[] a = t.action();
        if (a == null || a.length != actDim) {
            throw new IllegalArgumentException("sac: transition action has " + (a == null ? "no" : a.length)
                    + " values; the action space has " + actDim);
        }
        for (int j = 0; j < actDim; j++) {
            // the critics see actions on the policy's [-1, 1] scale, whatever produced them
            double u = (a[j] - actCenter[j]) / actHalf[j];
            unitAction[j] = Math.max(-1, Math.min(1, u));
        }
        obsNorm.update(t.observation());
        replay.add(t.observation(), unitAction, t.reward(), t.nextObservation(), t.terminated());
    }

    /** Its updates touch only its own replay, networks and random streams, and record per thread. */
    @Override
    public boolean learnsOnAnyThread() {
        return true;
    }

    @Override
    public int learn(int gradientSteps) {
        ensureOpen();
        if (gradientSteps < 0) {
            throw new IllegalArgumentException("gradientSteps = " + gradientSteps + " must be >= 0");
        }
        if (replay.size() < config.learningStarts()) {
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

    /** Fills the host side of one update: batch, scaled rewards, discounts and noise. */
    private void prepareBatch() {
        int b = config.batchSize();
        replay.sample(sampleRng, batch);
        obsNorm.normalize(batch.observations, b);
        obsNorm.normalize(batch.nextObservations, b);
        rewardScaler.apply(batch.rewards, b);
        float g = (float) config.gamma();
        for (int i = 0; i < b; i++) {
            discount[i] = g * (1f - batch.terminated[i]);
        }
        for (int i = 0; i < epsNext.length; i++) {
            epsNext[i] = (float) noiseRng.nextGaussian();
        }
        for (int i = 0; i < epsPi.length; i++) {
            epsPi[i] = (float) noiseRng.nextGaussian();
        }
        TanhGaussian.noiseTerm(epsNext, b, actDim, logProbConstant, noiseNext);
        TanhGaussian.noiseTerm(epsPi, b, actDim, logProbConstant, noisePi);
    }

    /** One gradient step of critics, actor, temperature and targets. */
    void update() {
        prepareBatch();
        inputs.write(batch, discount, epsNext, noiseNext, epsPi, noisePi, Math.exp(logAlpha));
        float[] read;
        try (NDManager sub = manager.newSubManager()) {
            NDArray criticLoss = criticStep(sub);
            NDList actorOut = actorStep(sub);
            // one read (one device synchronisation) per update: both losses and the entropy estimate
            read = NDArrays.stack(new NDList(criticLoss, actorOut.get(0), actorOut.get(1))).toFloatArray();
        }
        lastCriticLoss = read[0];
        lastActorLoss = read[1];
        double meanLogProb = read[2];
        lastEntropy = -meanLogProb;
        // temperature: d/d(log alpha) of -log alpha * (log pi + target) is -(log pi + target)
        if (config.autoAlpha()) {
            logAlpha = alphaOpt.step(logAlpha, -(meanLogProb + targetEntropy));
        }
        // targets, in place, both critics in one call (the arrays stay the ones the parameter store holds)
        ParameterIO.polyak(critics, targets, config.tau());
        updates++;
    }

    /**
     * Only the actor's part of an update, on a fresh batch: for the test that the actor step
     * leaves the critics alone. Not a training step (no temperature, target or counter change).
     */
    void actorStepOnly() {
        try (GradientRecorder off = GradientRecorder.pause()) {
            prepareBatch();
            inputs.write(batch, discount, epsNext, noiseNext, epsPi, noisePi, Math.exp(logAlpha));
            try (NDManager sub = manager.newSubManager()) {
                actorStep(sub);
            }
        }
    }

    /** Critic target, cut from the graph, then one Adam step on both critics; returns the loss. */
    private NDArray criticStep(NDManager sub) {
        int b = config.batchSize();
        NDArray next = inputs.next.array(sub);
        NDArray alpha = inputs.alpha.array(sub);
        NDArray outNext = actor.forward(parameterStore, new NDList(next), false).singletonOrThrow();
        TanhGaussian.Draw d = TanhGaussian.sample(outNext, inputs.epsNext.array(sub), inputs.noiseNext.array(sub), actDim,
                config.logStdMin(), config.logStdMax());
        NDList xNext = new NDList(next.concat(d.squashed(), 1));
        NDArray q1Next = target1.forward(parameterStore, xNext, false).singletonOrThrow();
        NDArray q2Next = target2.forward(parameterStore, xNext, false).singletonOrThrow();
        // Detached: the target is a constant of the critic loss. Recording is off here (see
        // learn), but a caller that left it on would otherwise send the critic loss's
        // gradients into the actor (through a' ~ pi(s')), which its next step would apply.
        NDArray y = q1Next.minimum(q2Next).sub(d.logProb().mul(alpha)).mul(inputs.discount.array(sub))
                .add(inputs.reward.array(sub)).stopGradient();

        NDArray loss;
        try (GradientRecorder gc = GradientRecorder.open()) {
            // [s, a] was assembled on the host (UpdateInputs)
            NDList x = new NDList(inputs.critic.array(sub));
            NDArray q1 = critic1.forward(parameterStore, x, true).singletonOrThrow();
            NDArray q2 = critic2.forward(parameterStore, x, true).singletonOrThrow();
            loss = q1.sub(y).square().mean().add(q2.sub(y).square().mean());
            gc.backward(loss);
        }
        criticOpt.step();
        return loss;
    }

    /**
     * One Adam step on the actor with the critics frozen: gradients flow through the critics
     * to the action, but the critics' parameters record none, so their values and their
     * accumulated gradients stay as they were (and no weight gradients are computed for them).
     *
     * @return the actor loss and the batch mean of log pi of the reparameterised actions
     */
    private NDList actorStep(NDManager sub) {
        NDArray obs = inputs.obs.array(sub);
        NDArray loss;
        NDArray meanLogProb;
        critic1.freezeParameters(true);
        critic2.freezeParameters(true);
        try (GradientRecorder gc = GradientRecorder.open()) {
            NDArray out = actor.forward(parameterStore, new NDList(obs), true).singletonOrThrow();
            TanhGaussian.Draw d = TanhGaussian.sample(out, inputs.epsPi.array(sub), inputs.noisePi.array(sub), actDim,
                    config.logStdMin(), config.logStdMax());
            NDList x = new NDList(obs.concat(d.squashed(), 1));
            NDArray q = critic1.forward(parameterStore, x, true).singletonOrThrow()
                    .minimum(critic2.forward(parameterStore, x, true).singletonOrThrow());
            loss = d.logProb().mul(inputs.alpha.array(sub)).sub(q).mean();
            gc.backward(loss);
            meanLogProb = d.logProb().mean();
        } finally {
            critic1.freezeParameters(false);
            critic2.freezeParameters(false);
        }
        actorOpt.step();
        return new NDList(loss, meanLogProb);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sac: this agent was closed; its native memory is released");
        }
    }

    @Override
    public void save(Path directory) throws IOException {
        ensureOpen();
        SacCheckpoint.save(this, directory);
    }

    /** The five networks in checkpoint order: actor, critics, target critics. */
    Block[] networks() {
        return new Block[] {actor, critic1, critic2, target1, target2};
    }

    /** Restores an agent saved by {@link #save} (the factory checks spaces and settings first). */
    static SacAgent load(AgentCheckpoint ck, SacConfig config, Space observationSpace, Space actionSpace, Device device)
            throws IOException {
        return SacCheckpoint.load(ck, config, observationSpace, actionSpace, device);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            actorOpt.close();
            criticOpt.close();
            manager.close();
        }
    }
}
