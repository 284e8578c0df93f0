package org.hubprice.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.checkpoint.CheckpointDigests;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.HubVectorEnv;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.run.LoopState;
import org.hubprice.training.run.RunLayout;
import org.hubprice.training.run.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one agent per hub: hubs act simultaneously each period, each agent stores its own
 * transitions and learns on the configured schedule; metrics, validation, the learning curve,
 * checkpoints and stopping as configured. Build one with {@link #builder()}, then {@link #run()}.
 *
 * <p>The run directory is described by {@link RunLayout}; a directory that already holds a run
 * is never written over unless the run is resumed ({@link org.hubprice.training.run.ResumePolicy}).
 *
 * <p><b>Determinism and resume.</b> Episode {@code k} (0-based) resets the environment with
 * {@code Seeds.derive(root, "episode", k)}; agent {@code i} gets {@code Seeds.derive(root,
 * "agent", i)}; validation days and their draws come from their own streams. The schedule is a
 * function of the episode and period counters. Checkpoints hold each agent's full training
 * state and the loop's counters ({@link TrainerState}), so a run stopped and resumed ends with
 * the same parameters as one never stopped (same seed, CPU).
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final RunLayout layout;
    private final String device;
    private final int updateThreads;
    private final boolean resume;
    private final boolean quiet;
    private final boolean stopOnSignal;
    private final Function<TrainingConfig, VectorEnv> envFactory;
    private final AgentRegistry registry;
    private final List<String> command;
    private final LongConsumer episodeListener;
    private final Consumer<Path> onStart;
    private final Map<String, Object> runtime;
    private final PrintStream progressLines;
    private volatile boolean stopRequested;

    private Trainer(Builder b) {
        this.config = b.config;
        this.layout = new RunLayout(b.dir);
        this.device = b.device;
        this.updateThreads = b.updateThreads;
        this.resume = b.resume;
        this.quiet = b.quiet;
        this.stopOnSignal = b.stopOnSignal;
        this.envFactory = b.envFactory != null ? b.envFactory : Trainer::hubGame;
        this.registry = b.registry != null ? b.registry : AgentRegistry.load();
        this.command = b.command;
        this.episodeListener = b.episodeListener;
        this.onStart = b.onStart;
        this.runtime = b.runtime;
        this.progressLines = b.progressLines;
    }

    /** A builder; {@link Builder#setConfig} and {@link Builder#setOutputDir} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The hub pricing game of the configuration (loads the market data and resolves the DA commitment, cached). */
    public static VectorEnv hubGame(TrainingConfig config) {
        return new HubVectorEnv(HubPricingEnv.create(config.env()));
    }

    /**
     * Checks that every hub's agent of {@code config} can be made for {@code env} (known name,
     * parameters its factory accepts, spaces it supports) by making and closing them; writes
     * nothing. For commands that must refuse bad input before they write anything.
     *
     * @throws IllegalArgumentException naming {@code agents[i]} and what is wrong
     */
    public static void checkAgents(TrainingConfig config, VectorEnv env) throws IOException {
        if (env.agentCount() != config.hubCount()) {
            throw new IllegalArgumentException("the environment has " + env.agentCount() + " agents but the configuration " + config.hubCount()
                    + " (agents list / env.hubs.count)");
        }
        for (Seat s : Seat.createAll(config, env, AgentRegistry.load(), "cpu", null)) {
            s.agent.close();
        }
    }

    /**
     * The update threads a run gets by default when {@code sharing} runs share the machine and
     * each engine operation runs on {@code engineThreads} threads: the cores per run over the
     * engine threads, at least 1. A command that starts runs in child processes passes the
     * engine threads it gives them; a run in this JVM uses {@link #defaultUpdateThreads()}.
     */
    public static int defaultUpdateThreads(int sharing, int engineThreads) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / (Math.max(1, sharing) * Math.max(1, engineThreads)));
    }

    /**
     * The default of a run in this JVM ({@link Builder#optUpdateThreads} left at 0): one run, with
     * this JVM's engine threads per operation (the property {@code ai.djl.pytorch.num_threads};
     * unset, PyTorch uses every core for one operation). So the CLI, which runs one engine thread
     * per operation, updates the hubs on every core, while a Java program on PyTorch's defaults
     * keeps one update thread instead of a team of engine threads per hub.
     */
    static int defaultUpdateThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, cores / engineThreads(cores, System.getProperty("ai.djl.pytorch.num_threads")));
    }

    /** The engine threads per operation that the property {@code value} (null: unset) gives on {@code cores} cores. */
    static int engineThreads(int cores, String value) {
        if (value != null) {
            try {
                return Math.max(1, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                // DJL refuses such a value when the engine starts; the count here does not matter
            }
        }
        return cores;
    }

    /** Asks a running {@link #run()} to stop after the current episode, writing a checkpoint first. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains until a stopping rule fires (or {@link #requestStop()}), writing the run directory.
     *
     * @throws IllegalArgumentException for bad input (unknown agent, bad agent parameters,
     *         unusable output directory) before anything is written
     */
    public TrainingSummary run() throws IOException {
        RunLayout.checkOutputDir(layout.dir(), resume);
        long setupStart = System.nanoTime();
        if (resume) {
            layout.removeLeftovers();
        }
        Path resumeFrom = resume ? layout.latestCheckpoint() : null;
        TrainerState saved = null;
        if (resumeFrom != null) {
            if (!CheckpointDigests.verify(resumeFrom)) {
                LOG.info("note: checkpoint {} has no {} (written before checkpoints carried digests); its files are loaded without a check",
                        resumeFrom, CheckpointDigests.FILE);
            }
            saved = Checkpoints.readJson(resumeFrom.resolve(RunLayout.TRAINER_STATE), TrainerState.class);
        }
        LOG.info("setting up the environment (market data, DA commitment)");
        VectorEnv env = envFactory.apply(config);
        Seat[] seats = null;
        try {
            if (env.agentCount() != config.hubCount()) {
                throw new IllegalArgumentException("the environment has " + env.agentCount() + " agents but the configuration " + config.hubCount()
                        + " (agents list / env.hubs.count)");
            }
            seats = Seat.createAll(config, env, registry, device, resumeFrom == null ? null : resumeFrom.resolve(RunLayout.AGENTS_DIR));
            LoopState state = new LoopState(seats.length, config.stopping().plateau(), saved);
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            if (onStart != null) {
                java.nio.file.Files.createDirectories(layout.dir());
                onStart.accept(layout.dir());
            }
            int lanes = updateThreads != TrainerBuilderOptions.AUTO ? updateThreads : defaultUpdateThreads();
            TrainingSession session = new TrainingSession(config, layout, env, seats, state, resumeFrom, lanes);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = stopOnSignal ? installHook(finished) : null;
            try {
                return session.run(new RunRecord(layout, config), sessionRecord(session.updateLanes()), agentsRecord(env, seats),
                        () -> stopRequested, episodeListener, quiet, progressLines, setupSeconds);
            } finally {
                finished.countDown();
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting because of the signal; the hook is running
                    }
                }
            }
        } finally {
            if (seats != null) {
                for (Seat s : seats) {
                    s.agent.close();
                }
            }
            env.close();
        }
    }

    /** On SIGINT/SIGTERM: ask the loop to stop and let it finish its episode and checkpoint before the JVM exits. */
    private Thread installHook(CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            stopRequested = true;
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hubprice-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private Map<String, Object> sessionRecord(int updateLanes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("device", device);
        Map<String, Object> rt = new LinkedHashMap<>(runtime);
        rt.put("updateThreads", updateLanes);
        s.put("runtime", rt);
        s.put("command", command);
        return s;
    }

    private List<Map<String, Object>> agentsRecord(VectorEnv env, Seat[] seats) {
        List<Map<String, Object>> agents = new ArrayList<>();
        for (int i = 0; i < seats.length; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("hub", env.agentName(i));
            a.put("agent", config.agents().get(i).agent());
            a.put("description", registry.get(config.agents().get(i).agent()).description());
            a.put("observationSpace", env.observationSpace(i).toString());
            a.put("actionSpace", seats[i].agentActionSpace.toString());
            agents.add(a);
        }
        return agents;
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder extends TrainerBuilderOptions<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        public Trainer build() {
            if (config == null) {
                throw new IllegalArgumentException("config is missing; read one with TrainingConfigs.resolve(name, overrides)");
            }
            if (dir == null) {
                throw new IllegalArgumentException("output directory is missing; give --out DIR");
            }
            return new Trainer(this);
        }
    }
}
