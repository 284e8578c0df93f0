package org.hubprice.training;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.common.Provenance;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.training.PhaseTimes.Phase;
import org.hubprice.training.config.HubAgentConfig;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.output.CsvLog;
import org.hubprice.training.output.LearningCurve;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.validation.Benchmarks;
import org.hubprice.training.validation.ValidationResult;
import org.hubprice.training.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: hubs act simultaneously each period, each agent stores its own
 * transitions and learns on the configured schedule; metrics, validation, the learning curve,
 * checkpoints and stopping as configured. Build one with {@link #builder()}, then {@link #run()}.
 *
 * <p><b>Run directory.</b> {@code run.json} (resolved configuration, seeds, environment,
 * provenance, sessions), {@code config.yaml} (the resolved configuration, read back by
 * {@code --resume}), {@code metrics.csv} (one row per episode), {@code validation.csv},
 * {@code learning-curve.png}, {@code checkpoints/last} (periodic), {@code checkpoints/final}
 * (at the end), {@code checkpoints/best} (highest validation profit) and
 * {@code run-summary.json}. A directory that already holds a run is never written over unless
 * the run is resumed.
 *
 * <p><b>Determinism and resume.</b> Episode {@code k} (0-based) resets the environment with
 * {@code Seeds.derive(root, "episode", k)}; agent {@code i} gets {@code Seeds.derive(root,
 * "agent", i)}; validation days and their draws come from their own streams. The schedule is a
 * function of the episode and period counters. Checkpoints hold each agent's full training
 * state (its {@link Agent#save} writes parameters, optimiser state, replay buffer and random
 * streams) and the loop's counters ({@link TrainerState}), so a run stopped and resumed ends
 * with the same parameters as one never stopped (same seed, CPU).
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    /** File names inside a run directory. */
    public static final String RUN_JSON = "run.json";
    public static final String CONFIG_YAML = "config.yaml";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String VALIDATION_CSV = "validation.csv";
    public static final String CURVE_PNG = "learning-curve.png";
    public static final String SUMMARY_JSON = "run-summary.json";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String TRAINER_STATE = "trainer-state.json";
    public static final String AGENTS_DIR = "agents";

    private final TrainingConfig config;
    private final Path dir;
    private final String device;
    private final boolean resume;
    private final boolean quiet;
    private final boolean stopOnSignal;
    private final Function<TrainingConfig, TrainingEnv> envFactory;
    private final AgentRegistry registry;
    private final List<String> command;
    private final java.util.function.LongConsumer episodeListener;
    private final java.util.function.Consumer<Path> onStart;
    private final Map<String, Object> runtime;
    private volatile boolean stopRequested;

    private Trainer(Builder b) {
        this.config = b.config;
        this.dir = b.dir.toAbsolutePath().normalize();
        this.device = b.device;
        this.resume = b.resume;
        this.quiet = b.quiet;
        this.stopOnSignal = b.stopOnSignal;
        this.envFactory = b.envFactory != null ? b.envFactory : Trainer::hubGame;
        this.registry = b.registry != null ? b.registry : AgentRegistry.load();
        this.command = b.command;
        this.episodeListener = b.episodeListener;
        this.onStart = b.onStart;
        this.runtime = b.runtime;
    }

    /** A builder; {@link Builder#setConfig} and {@link Builder#setOutputDir} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The hub pricing game of the configuration (loads the market data and resolves the DA commitment, cached). */
    public static TrainingEnv hubGame(TrainingConfig config) {
        return new HubGameEnv(HubPricingEnv.create(config.env()));
    }

    /** Asks a running {@link #run()} to stop after the current episode, writing a checkpoint first. */
    public void requestStop() {
        stopRequested = true;
    }

    // =================================================================== output directory checks

    /**
     * Checks that {@code dir} can take a new run (absent, or an empty directory, under a
     * writable parent) or, when resuming, holds one with a checkpoint. Writes nothing.
     *
     * @throws IllegalArgumentException naming the directory and what to do instead
     */
    public static void checkOutputDir(Path dir, boolean resume) {
        Path d = dir.toAbsolutePath().normalize();
        if (resume) {
            if (!Files.isDirectory(d) || !Files.isRegularFile(d.resolve(RUN_JSON))) {
                throw new IllegalArgumentException("--resume: " + dir + " holds no training run (no " + RUN_JSON + "). Maybe another --out, or"
                        + " drop --resume to start a new run");
            }
            if (latestCheckpoint(d) == null) {
                throw new IllegalArgumentException("--resume: " + dir + " holds no checkpoint (" + CHECKPOINTS + "/last or " + CHECKPOINTS
                        + "/final): the run stopped before its first one. Maybe start it again into another --out");
            }
            if (!Files.isWritable(d)) {
                throw new IllegalArgumentException("--out " + dir + " is not writable; resuming must write checkpoints and metrics there");
            }
            return;
        }
        if (Files.exists(d)) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("--out " + dir + " is a file, not a directory. Maybe another --out");
            }
            if (Files.isRegularFile(d.resolve(RUN_JSON))) {
                throw new IllegalArgumentException("--out " + dir + " already holds a training run (" + RUN_JSON + "); nothing was written."
                        + " Maybe --resume to continue it, or another --out for a new run");
            }
            try (var s = Files.list(d)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir + " exists and is not empty; a new run needs an empty or new directory."
                            + " Maybe another --out");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + dir + " cannot be read: " + e.getMessage());
            }
            if (!Files.isWritable(d)) {
                throw new IllegalArgumentException("--out " + dir + " is not writable. Maybe another --out");
            }
            RunFiles.probeCreatable(dir, d);
            return;
        }
        Path p = d.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p) || !Files.isWritable(p)) {
            throw new IllegalArgumentException("--out " + dir + " cannot be created: " + (p == null ? "no existing parent directory"
                    : p + (Files.isDirectory(p) ? " is not writable" : " is not a directory")) + ". Maybe another --out");
        }
        RunFiles.probeCreatable(dir, p);
    }

    /** Settings a resumed run may change: they do not alter what is learned. */
    public static final List<String> RESUMABLE_CHANGES = List.of("description", "stopping.", "progress.", "checkpoint.every",
            "validation.every");

    /**
     * The configuration of a resumed run: the run's own {@code config.yaml} with
     * {@code overrides}; when {@code configArg} is given it must resolve to the same
     * configuration. Only {@link #RESUMABLE_CHANGES} may differ from what the run started with
     * (the stopping rules, reporting, checkpoint and validation frequency), because anything
     * else would change what the resumed part learns.
     *
     * @param seed a {@code --seed}, or null; it must equal the run's seed
     */
    public static TrainingConfig resumeConfig(Path dir, String configArg, List<String> overrides, Long seed) {
        checkOutputDir(dir, true);
        Path file = dir.toAbsolutePath().normalize().resolve(CONFIG_YAML);
        TrainingConfig saved = org.hubprice.training.config.TrainingConfigs.load(file, List.of());
        TrainingConfig resumed = org.hubprice.training.config.TrainingConfigs.load(file, overrides);
        if (seed != null && seed != saved.seed()) {
            throw new IllegalArgumentException("--seed " + seed + " differs from the run's seed " + saved.seed()
                    + "; a resumed run keeps its seed. Maybe drop --seed");
        }
        List<String> changed = differences(saved.toMap(), resumed.toMap(), "");
        changed.removeIf(k -> RESUMABLE_CHANGES.stream().anyMatch(a -> a.endsWith(".") ? k.startsWith(a) : k.equals(a)));
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("--resume: --set changes " + changed + ", which would change what the resumed part learns; only "
                    + RESUMABLE_CHANGES + " may change. Maybe start a new run with another --out");
        }
        if (configArg != null) {
            TrainingConfig requested = org.hubprice.training.config.TrainingConfigs.resolve(configArg, overrides);
            if (seed != null) {
                requested = requested.withSeed(seed);
            }
            List<String> diff = differences(requested.toMap(), resumed.toMap(), "");
            diff.removeIf(k -> k.equals("description"));
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("--resume: --config " + configArg + " differs from the run's configuration at " + diff
                        + ". Maybe drop --config (the run's " + CONFIG_YAML + " is used)");
            }
        }
        return resumed;
    }

    @SuppressWarnings("unchecked")
    private static List<String> differences(Object a, Object b, String path) {
        List<String> out = new ArrayList<>();
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            java.util.Set<Object> keys = new java.util.LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                out.addAll(differences(ma.get(k), mb.get(k), path.isEmpty() ? String.valueOf(k) : path + "." + k));
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                out.addAll(differences(la.get(i), lb.get(i), path + "[" + i + "]"));
            }
        } else if (!java.util.Objects.equals(normal(a), normal(b))) {
            out.add(path);
        }
        return out;
    }

    private static Object normal(Object v) {
        if (v instanceof double[] d) {
            return Arrays.toString(d);
        }
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    /** The checkpoint a resume continues from: the one of {@code last} and {@code final} with more episodes, or null. */
    static Path latestCheckpoint(Path runDir) {
        Path best = null;
        long bestEpisodes = -1;
        for (String name : List.of("last", "final")) {
            Path c = runDir.resolve(CHECKPOINTS).resolve(name);
            Path state = c.resolve(TRAINER_STATE);
            if (Files.isRegularFile(state)) {
                try {
                    long e = RunFiles.JSON.readTree(state.toFile()).path("episodes").asLong(-1);
                    if (e > bestEpisodes) {
                        bestEpisodes = e;
                        best = c;
                    }
                } catch (IOException e) {
                    throw new org.hubprice.agents.checkpoint.CheckpointException(state, "is damaged: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    ? org.hubprice.agents.checkpoint.Checkpoints.jsonProblem(j) : e.getMessage())
                            + "; --resume cannot tell which checkpoint is the latest", e);
                }
            }
        }
        return best;
    }

    // =================================================================== the run

    /**
     * Trains until a stopping rule fires (or {@link #requestStop()}), writing the run directory.
     *
     * @throws IllegalArgumentException for bad input (unknown agent, bad agent parameters,
     *         unusable output directory) before anything is written
     */
    public TrainingSummary run() throws IOException {
        checkOutputDir(dir, resume);
        long setupStart = System.nanoTime();
        if (resume) {
            Session.removeLeftovers(dir);
        }
        Path resumeFrom = resume ? latestCheckpoint(dir) : null;
        TrainerState saved = null;
        if (resumeFrom != null) {
            if (!org.hubprice.agents.checkpoint.CheckpointDigests.verify(resumeFrom)) {
                LOG.info("note: checkpoint {} has no {} (written before checkpoints carried digests); its files are loaded without a check",
                        resumeFrom, org.hubprice.agents.checkpoint.CheckpointDigests.FILE);
            }
            saved = org.hubprice.agents.checkpoint.Checkpoints.readJson(resumeFrom.resolve(TRAINER_STATE), TrainerState.class);
        }

        LOG.info("setting up the environment (market data, DA commitment)");
        TrainingEnv env = envFactory.apply(config);
        Seat[] seats = null;
        try {
            if (env.agentCount() != config.hubCount()) {
                throw new IllegalArgumentException("the environment has " + env.agentCount() + " agents but the configuration " + config.hubCount()
                        + " (agents list / env.hubs.count)");
            }
            seats = createSeats(env, resumeFrom);
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            return new Session(env, seats, saved, resumeFrom, setupSeconds).run();
        } finally {
            if (seats != null) {
                for (Seat s : seats) {
                    if (s != null) {
                        s.agent.close();
                    }
                }
            }
            env.close();
        }
    }

    private Seat[] createSeats(TrainingEnv env, Path resumeFrom) throws IOException {
        int levels = config.env().pricing().discreteLevels();
        Seat[] seats = new Seat[config.hubCount()];
        try {
            for (int i = 0; i < seats.length; i++) {
                HubAgentConfig hc = config.agents().get(i);
                String where = "agents[" + i + "]";
                AgentFactory factory;
                try {
                    factory = registry.get(hc.agent());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".agent: " + e.getMessage(), e);
                }
                Space agentSpace = Seat.agentSpace(env.actionSpace(i), hc.discrete(), levels, where);
                AgentContext ctx = new AgentContext(env.observationSpace(i), agentSpace, hc.params(), Seeds.derive(config.seed(), "agent", i),
                        device);
                Agent agent;
                try {
                    agent = resumeFrom != null ? factory.load(resumeFrom.resolve(AGENTS_DIR).resolve(env.agentName(i)), ctx) : factory.create(ctx);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + " (" + hc.agent() + "): " + e.getMessage()
                            + (hc.discrete() ? "" : e.getMessage() != null && e.getMessage().contains("Discrete")
                                    ? ". Maybe " + where + ".actions=discrete" : ""), e);
                }
                seats[i] = Seat.of(agent, agentSpace, env.actionSpace(i));
            }
        } catch (IOException | RuntimeException e) {
            for (Seat s : seats) {
                if (s != null) {
                    s.agent.close();
                }
            }
            throw e;
        }
        return seats;
    }

    /** One session of a run: from a fresh start or a checkpoint to a stop. */
    private final class Session {
        private final TrainingEnv env;
        private final Seat[] seats;
        private final int hubs;
        private final Path resumeFrom;
        private final double setupSeconds;
        private final PhaseTimes times = new PhaseTimes();
        private final PhaseTimes previousTimes = new PhaseTimes();
        private final PlateauDetector plateau;
        private final double[][] obs;
        private final double[][] next;
        private final double[][] envActions;
        private final long[] updates;
        // per-episode accumulators
        private final double[] epReward;
        private final double[] epMultiplier;
        private final long[] epServed;
        private final long[] epBalked;
        // recent means for progress
        private final double[][] recentReward;
        private final double[][] recentMultiplier;
        private final double[] recentRewardSum;
        private final double[] recentMultiplierSum;
        private long episodes;
        private long periods;
        private long previousTrainingNanos;
        private Double bestProfit;
        private long bestEpisode;
        private long lastValidationEpisode;
        private int sessions;
        private Validator validator;
        private Benchmarks benchmarks;
        private ValidationResult lastValidation;
        private LearningCurve curve;
        private CsvLog metrics;
        private CsvLog validationLog;
        private ProgressBar bar;
        private long lastBarUpdate;

        Session(TrainingEnv env, Seat[] seats, TrainerState saved, Path resumeFrom, double setupSeconds) {
            this.env = env;
            this.seats = seats;
            this.hubs = seats.length;
            this.resumeFrom = resumeFrom;
            this.setupSeconds = setupSeconds;
            this.plateau = new PlateauDetector(config.stopping().plateau());
            obs = new double[hubs][];
            next = new double[hubs][];
            envActions = new double[hubs][];
            for (int i = 0; i < hubs; i++) {
                obs[i] = new double[env.observationSpace(i).dimension()];
                next[i] = new double[env.observationSpace(i).dimension()];
                envActions[i] = seats[i].envAction;
            }
            updates = new long[hubs];
            epReward = new double[hubs];
            epMultiplier = new double[hubs];
            epServed = new long[hubs];
            epBalked = new long[hubs];
            int w = config.progress().window();
            recentReward = new double[hubs][w];
            recentMultiplier = new double[hubs][w];
            recentRewardSum = new double[hubs];
            recentMultiplierSum = new double[hubs];
            sessions = 1;
            if (saved != null) {
                episodes = saved.episodes();
                periods = saved.periods();
                previousTrainingNanos = saved.trainingNanos();
                plateau.restore(saved.plateau());
                bestProfit = saved.bestProfit();
                bestEpisode = saved.bestEpisode();
                lastValidationEpisode = saved.lastValidationEpisode();
                if (saved.updates() != null && saved.updates().length == hubs) {
                    System.arraycopy(saved.updates(), 0, updates, 0, hubs);
                }
                if (saved.phaseNanos() != null) {
                    for (Phase p : Phase.values()) {
                        previousTimes.add(p, saved.phaseNanos().getOrDefault(p.id(), 0L));
                    }
                }
                sessions = saved.sessions() + 1;
            }
        }

        TrainingSummary run() throws IOException {
            Files.createDirectories(dir);
            if (onStart != null) {
                onStart.accept(dir);
            }
            LOG.info("training {} hubs ({}) into {}{}", hubs, agentNames(), dir, resumeFrom != null ? ", resuming at episode " + episodes : "");
            writeRunJson();
            long t0 = System.nanoTime();
            validator = new Validator(env, config.seed(), config.validation().days());
            benchmarks = validator.benchmarks();
            benchmarkSeconds = (System.nanoTime() - t0) / 1e9;
            if (benchmarks != null) {
                RunFiles.writeJson(dir.resolve("validation-benchmarks.json"), benchmarksJson());
                LOG.info("validation on {} training days; benchmarks per day (all hubs): competitive {}, monopoly proxy (cap) {}, random {}",
                        validator.days().size(), money(benchmarks.competitive().totalPerDay()), money(benchmarks.monopoly().totalPerDay()),
                        money(benchmarks.random().totalPerDay()));
            }
            openLogs();
            Thread hook = stopOnSignal ? installHook() : null;
            StopReason reason = null;
            sessionStart = System.nanoTime();
            long sessionEpisodes = 0;
            long sessionPeriods = 0;
            CountDownLatch finished = hookLatch;
            try {
                openBar();
                reason = stopReason(sessionStart);
                if (reason != null) {
                    LOG.info("nothing to train: {} at episode {}. Maybe raise stopping.maxEpisodes / maxWallTime with --set", reason.text(), episodes);
                }
                while (reason == null) {
                    long p0 = periods;
                    playEpisode();
                    sessionEpisodes++;
                    sessionPeriods += periods - p0;
                    afterEpisode();
                    if (episodeListener != null) {
                        episodeListener.accept(episodes);
                    }
                    boolean fired = plateau.add(sum(epReward));
                    if (episodes % config.validation().every() == 0) {
                        validate();
                    }
                    reason = fired ? StopReason.PLATEAU : stopReason(sessionStart);
                    if (reason == null && episodes % config.checkpoint().every() == 0) {
                        writeCheckpoint("last", trainingNanos(sessionStart));
                    }
                    report(sessionStart, false);
                }
                if (reason != StopReason.INTERRUPTED && lastValidationEpisode != episodes && sessionEpisodes > 0) {
                    validate();
                }
                long trainingNanos = trainingNanos(sessionStart);
                if (sessionEpisodes > 0) {
                    if (reason == StopReason.INTERRUPTED) {
                        writeCheckpoint("last", trainingNanos);
                    } else {
                        writeCheckpoint("final", trainingNanos);
                        RunFiles.deleteRecursively(dir.resolve(CHECKPOINTS).resolve("last"));
                    }
                }
                closeBar();
                long out0 = System.nanoTime();
                metrics.flush();
                validationLog.flush();
                drawCurve();
                times.add(Phase.OUTPUT, System.nanoTime() - out0);
                long sessionNanos = System.nanoTime() - sessionStart;
                LOG.info("stopped after episode {}: {}", episodes, reason.text());
                LOG.info("time: {} episodes in {} s this session, {} periods/s; {}", sessionEpisodes, String.format(Locale.ROOT, "%.1f",
                        sessionNanos / 1e9), String.format(Locale.ROOT, "%.0f", sessionPeriods / Math.max(1e-9, sessionNanos / 1e9)),
                        times.describe(sessionNanos));
                TrainingSummary summary = summary(reason, sessionEpisodes, sessionPeriods, sessionNanos);
                RunFiles.writeJson(dir.resolve(SUMMARY_JSON), summaryJson(summary));
                recordStop(reason);
                return summary;
            } finally {
                closeBar();
                metrics.close();
                validationLog.close();
                if (finished != null) {
                    finished.countDown();
                }
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting because of the signal; the hook is running
                    }
                }
            }
        }

        /**
         * Deletes the hidden temporary files and directories ({@code .NAME.tmp-...}) an earlier
         * session left when it was killed while writing, in the run directory and in
         * {@code checkpoints/}. A checkpoint killed between its two renames survives only as
         * {@code .NAME.old-...}: it is renamed back when {@code NAME} is missing.
         */
        private static void removeLeftovers(Path dir) throws IOException {
            for (Path d : List.of(dir, dir.resolve(CHECKPOINTS))) {
                if (!Files.isDirectory(d)) {
                    continue;
                }
                List<Path> entries;
                try (var s = Files.list(d)) {
                    entries = s.sorted().toList();
                }
                for (Path p : entries) {
                    String n = p.getFileName().toString();
                    int old = n.indexOf(".old-");
                    if (n.startsWith(".") && old > 1 && !Files.exists(d.resolve(n.substring(1, old)))) {
                        Files.move(p, d.resolve(n.substring(1, old)));
                        LOG.info("restored {} from {}, left by a session killed while replacing it", d.resolve(n.substring(1, old)), n);
                    } else if (n.startsWith(".") && (n.contains(".tmp-") || old > 1)) {
                        RunFiles.deleteRecursively(p);
                        LOG.info("removed {}, left half-written by the earlier session", dir.relativize(p));
                    }
                }
            }
        }

        private CountDownLatch hookLatch;
        private long sessionStart;
        private double benchmarkSeconds;

        private Thread installHook() {
            hookLatch = new CountDownLatch(1);
            CountDownLatch latch = hookLatch;
            Thread hook = new Thread(() -> {
                stopRequested = true;
                try {
                    // Let the loop finish its episode and write a checkpoint before the JVM exits.
                    latch.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hubprice-train-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        }

        private boolean plotFailed;

        /** Redraws the learning curve; a failure (no fonts on a bare server, ...) is logged once and never stops training. */
        private void drawCurve() {
            try {
                curve.write(dir.resolve(CURVE_PNG));
            } catch (IOException | RuntimeException | LinkageError e) {
                if (!plotFailed) {
                    plotFailed = true;
                    LOG.warn("cannot draw {} ({}); training goes on, metrics.csv has the same data", CURVE_PNG, e.toString());
                }
            }
        }

        private String agentNames() {
            List<String> names = new ArrayList<>();
            for (HubAgentConfig a : config.agents()) {
                names.add(a.agent());
            }
            return String.join(" x ", names);
        }

        private long trainingNanos(long sessionStart) {
            return previousTrainingNanos + (System.nanoTime() - sessionStart);
        }

        private StopReason stopReason(long sessionStart) {
            if (stopRequested) {
                return StopReason.INTERRUPTED;
            }
            if (episodes >= config.stopping().maxEpisodes()) {
                return StopReason.MAX_EPISODES;
            }
            Duration wall = config.stopping().maxWallTime();
            if (wall != null && trainingNanos(sessionStart) >= wall.toNanos()) {
                return StopReason.MAX_WALL_TIME;
            }
            if (plateau.fired()) {
                return StopReason.PLATEAU;
            }
            return null;
        }

        // --------------------------------------------------------------- the hot path

        private void playEpisode() {
            long seed = Seeds.derive(config.seed(), "episode", episodes);
            Arrays.fill(epReward, 0);
            Arrays.fill(epMultiplier, 0);
            Arrays.fill(epServed, 0);
            Arrays.fill(epBalked, 0);
            boolean perPeriod = config.schedule().perPeriod();
            long t = System.nanoTime();
            env.resetTraining(seed);
            for (int i = 0; i < hubs; i++) {
                System.arraycopy(env.observation(i), 0, obs[i], 0, obs[i].length);
            }
            long now = System.nanoTime();
            times.add(Phase.ENVIRONMENT, now - t);
            int steps = 0;
            boolean done = false;
            while (!done) {
                t = now;
                for (int i = 0; i < hubs; i++) {
                    seats[i].act(obs[i], Mode.TRAIN);
                }
                now = System.nanoTime();
                times.add(Phase.ACTION_SELECTION, now - t);
                t = now;
                done = env.step(envActions);
                boolean truncated = done && env.truncated();
                for (int i = 0; i < hubs; i++) {
                    System.arraycopy(env.observation(i), 0, next[i], 0, next[i].length);
                }
                now = System.nanoTime();
                times.add(Phase.ENVIRONMENT, now - t);
                t = now;
                for (int i = 0; i < hubs; i++) {
                    double r = env.reward(i);
                    seats[i].agent.observe(new Transition(obs[i], seats[i].agentAction, r, next[i], done && !truncated, truncated));
                    epReward[i] += r;
                    epMultiplier[i] += env.multiplier(i);
                    epServed[i] += env.served(i);
                    epBalked[i] += env.balked(i);
                }
                now = System.nanoTime();
                times.add(Phase.OBSERVE, now - t);
                if (perPeriod) {
                    t = now;
                    learn(periods);
                    now = System.nanoTime();
                    times.add(Phase.UPDATES, now - t);
                }
                // The next observations become the current ones; the old buffers take the next step's.
                for (int i = 0; i < hubs; i++) {
                    double[] tmp = obs[i];
                    obs[i] = next[i];
                    next[i] = tmp;
                }
                periods++;
                steps++;
            }
            for (int i = 0; i < hubs; i++) {
                epMultiplier[i] /= Math.max(1, steps);
            }
            if (!perPeriod) {
                t = System.nanoTime();
                learn(episodes);
                times.add(Phase.UPDATES, System.nanoTime() - t);
            }
            episodes++;
        }

        private void learn(long unit) {
            for (int i = 0; i < hubs; i++) {
                int n = config.schedule().stepsAt(i, unit);
                if (n > 0) {
                    updates[i] += seats[i].agent.learn(n);
                }
            }
        }

        // --------------------------------------------------------------- bookkeeping

        private void afterEpisode() throws IOException {
            long t = System.nanoTime();
            metrics.beginRow(episodes).add(env.episodeLabel()).add(sum(epReward));
            for (double r : epReward) {
                metrics.add(r);
            }
            for (double m : epMultiplier) {
                metrics.add(m);
            }
            for (long s : epServed) {
                metrics.add(s);
            }
            for (long b : epBalked) {
                metrics.add(b);
            }
            for (long u : updates) {
                metrics.add(u);
            }
            metrics.endRow();
            int w = config.progress().window();
            int slot = (int) ((episodes - 1) % w);
            for (int i = 0; i < hubs; i++) {
                recentRewardSum[i] += epReward[i] - recentReward[i][slot];
                recentReward[i][slot] = epReward[i];
                recentMultiplierSum[i] += epMultiplier[i] - recentMultiplier[i][slot];
                recentMultiplier[i][slot] = epMultiplier[i];
            }
            curve.addEpisode(episodes, epReward, epMultiplier);
            if (episodes % config.progress().plotEvery() == 0) {
                drawCurve();
            }
            times.add(Phase.OUTPUT, System.nanoTime() - t);
        }

        private void validate() throws IOException {
            long t = System.nanoTime();
            ValidationResult r = validator.run((hub, o, out) -> {
                Seat s = seats[hub];
                s.act(o, Mode.EVAL);
                System.arraycopy(s.envAction, 0, out, 0, out.length);
            });
            times.add(Phase.VALIDATION, System.nanoTime() - t);
            lastValidation = r;
            lastValidationEpisode = episodes;
            double delta = benchmarks != null ? benchmarks.collusionIndex(r) : Double.NaN;
            t = System.nanoTime();
            validationLog.beginRow(episodes).add(r.totalPerDay()).add(delta);
            for (double p : r.profitPerDay()) {
                validationLog.add(p);
            }
            for (double m : r.meanMultiplier()) {
                validationLog.add(m);
            }
            validationLog.endRow();
            validationLog.flush();
            curve.addValidation(episodes, r.profitPerDay(), r.meanMultiplier());
            drawCurve();
            times.add(Phase.OUTPUT, System.nanoTime() - t);
            LOG.info("validation at episode {}: profit per day {} (hubs {}), mean multiplier {}, quick collusion index {}", episodes,
                    money(r.totalPerDay()), moneyList(r.profitPerDay()), numberList(r.meanMultiplier()), String.format(Locale.ROOT, "%.3f", delta));
            if (config.checkpoint().best() && (bestProfit == null || r.totalPerDay() > bestProfit)) {
                bestProfit = r.totalPerDay();
                bestEpisode = episodes;
                writeCheckpoint("best", trainingNanos(sessionStart));
            }
        }

        private void writeCheckpoint(String name, long trainingNanos) throws IOException {
            long t = System.nanoTime();
            metrics.flush();
            validationLog.flush();
            Map<String, Long> phases = new LinkedHashMap<>();
            PhaseTimes all = new PhaseTimes();
            all.addAll(previousTimes);
            all.addAll(times);
            for (Phase p : Phase.values()) {
                phases.put(p.id(), all.nanos(p));
            }
            TrainerState state = new TrainerState(episodes, periods, trainingNanos, plateau.state(), bestProfit, bestEpisode, lastValidationEpisode,
                    updates.clone(), phases, sessions);
            Path target = dir.resolve(CHECKPOINTS).resolve(name);
            RunFiles.writeDirectory(target, tmp -> {
                RunFiles.writeJson(tmp.resolve(TRAINER_STATE), state);
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("kind", name);
                info.put("episodes", episodes);
                info.put("time", Instant.now().toString());
                info.put("configSeed", config.seed());
                List<Map<String, Object>> agents = new ArrayList<>();
                for (int i = 0; i < hubs; i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("hub", env.agentName(i));
                    a.put("agent", config.agents().get(i).agent());
                    a.put("dir", AGENTS_DIR + "/" + env.agentName(i));
                    agents.add(a);
                }
                info.put("agents", agents);
                info.put("environment", env.describe());
                RunFiles.writeJson(tmp.resolve("checkpoint.json"), info);
                for (int i = 0; i < hubs; i++) {
                    seats[i].agent.save(tmp.resolve(AGENTS_DIR).resolve(env.agentName(i)));
                }
                // the agents' directories carry their own digests; this one covers the two files above
                org.hubprice.agents.checkpoint.CheckpointDigests.seal(tmp, false);
            });
            times.add(Phase.CHECKPOINTS, System.nanoTime() - t);
            LOG.debug("checkpoint {} written at episode {}", name, episodes);
        }

        private void report(long sessionStart, boolean force) {
            long t = System.nanoTime();
            if (bar != null && (force || t - lastBarUpdate > 250_000_000L)) {
                lastBarUpdate = t;
                bar.stepTo(episodes);
                bar.setExtraMessage(recentLine(sessionStart, true));
            }
            if (episodes % config.progress().logEvery() == 0) {
                LOG.info("episode {}/{}: {}", episodes, config.stopping().maxEpisodes(), recentLine(sessionStart, false));
                try {
                    metrics.flush();
                } catch (IOException e) {
                    LOG.warn("cannot flush {}: {}", METRICS_CSV, e.getMessage());
                }
            }
            times.add(Phase.OUTPUT, System.nanoTime() - t);
        }

        /** Speed and recent means; {@code compact} for the progress bar (whole dollars, short labels). */
        private String recentLine(long sessionStart, boolean compact) {
            int n = (int) Math.min(episodes, config.progress().window());
            double seconds = (System.nanoTime() - sessionStart) / 1e9;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, compact ? "%.0f p/s" : "%.0f periods/s", (periods - startPeriods) / Math.max(1e-9, seconds)));
            if (n > 0) {
                double[] r = new double[hubs];
                double[] m = new double[hubs];
                for (int i = 0; i < hubs; i++) {
                    r[i] = recentRewardSum[i] / n;
                    m[i] = recentMultiplierSum[i] / n;
                }
                if (compact) {
                    sb.append(" $/day ").append(compactList(r, "%.0f")).append(" x ").append(compactList(m, "%.2f"));
                } else {
                    sb.append(" | recent profit/day ").append(moneyList(r)).append(" | multiplier ").append(numberList(m));
                    sb.append(" | ETA ").append(eta(seconds));
                }
            }
            return sb.toString();
        }

        private long startPeriods;
        private long startEpisodes;

        /** Time left at this session's pace, to the episode limit or the wall-time limit, whichever is nearer. */
        private String eta(double sessionSeconds) {
            long done = episodes - startEpisodes;
            if (done <= 0) {
                return "unknown";
            }
            double left = (config.stopping().maxEpisodes() - episodes) * sessionSeconds / done;
            Duration wall = config.stopping().maxWallTime();
            if (wall != null) {
                left = Math.min(left, Math.max(0, (wall.toNanos() - trainingNanos(sessionStart)) / 1e9));
            }
            long s = Math.round(left);
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }

        private void openBar() {
            startPeriods = periods;
            startEpisodes = episodes;
            if (quiet || System.console() == null) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(config.stopping().maxEpisodes()).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).setUnit(" ep", 1)
                    .startsFrom(episodes, Duration.ZERO).build();
        }

        private void closeBar() {
            if (bar != null) {
                bar.stepTo(episodes);
                bar.close();
                bar = null;
            }
        }

        private void openLogs() throws IOException {
            List<String> header = new ArrayList<>(List.of("episode", "day", "total_reward"));
            for (String prefix : List.of("reward", "multiplier", "served", "balked", "updates")) {
                for (int i = 0; i < hubs; i++) {
                    header.add(prefix + "_" + env.agentName(i));
                }
            }
            long resumeAt = resumeFrom != null ? episodes : -1;
            metrics = CsvLog.open(dir.resolve(METRICS_CSV), header, resumeAt);
            List<String> vHeader = new ArrayList<>(List.of("episode", "total_profit_per_day", "collusion_index_quick"));
            for (String prefix : List.of("profit_per_day", "multiplier")) {
                for (int i = 0; i < hubs; i++) {
                    vHeader.add(prefix + "_" + env.agentName(i));
                }
            }
            validationLog = CsvLog.open(dir.resolve(VALIDATION_CSV), vHeader, resumeAt);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < hubs; i++) {
                names.add(env.agentName(i));
            }
            curve = new LearningCurve(names, config.stopping().maxEpisodes());
            if (benchmarks != null) {
                curve.setBenchmarks(benchmarks.competitive().totalPerDay() / hubs, benchmarks.monopoly().totalPerDay() / hubs);
            }
            if (resumeFrom != null) {
                replayCurve(header.size());
            }
        }

        /** Rebuilds the learning curve and the recent means from the CSV rows kept on resume. */
        private void replayCurve(int columns) throws IOException {
            List<String> lines = Files.readAllLines(dir.resolve(METRICS_CSV), StandardCharsets.UTF_8);
            double[] r = new double[hubs];
            double[] m = new double[hubs];
            int w = config.progress().window();
            for (int k = 1; k < lines.size(); k++) {
                String[] c = splitCsv(lines.get(k));
                if (c.length != columns) {
                    continue;
                }
                long e = Long.parseLong(c[0]);
                for (int i = 0; i < hubs; i++) {
                    r[i] = Double.parseDouble(c[3 + i]);
                    m[i] = Double.parseDouble(c[3 + hubs + i]);
                    int slot = (int) ((e - 1) % w);
                    recentRewardSum[i] += r[i] - recentReward[i][slot];
                    recentReward[i][slot] = r[i];
                    recentMultiplierSum[i] += m[i] - recentMultiplier[i][slot];
                    recentMultiplier[i][slot] = m[i];
                }
                curve.addEpisode(e, r, m);
            }
            List<String> vl = Files.readAllLines(dir.resolve(VALIDATION_CSV), StandardCharsets.UTF_8);
            for (int k = 1; k < vl.size(); k++) {
                String[] c = splitCsv(vl.get(k));
                if (c.length != 3 + 2 * hubs) {
                    continue;
                }
                double[] p = new double[hubs];
                double[] mm = new double[hubs];
                for (int i = 0; i < hubs; i++) {
                    p[i] = Double.parseDouble(c[3 + i]);
                    mm[i] = Double.parseDouble(c[3 + hubs + i]);
                }
                curve.addValidation(Long.parseLong(c[0]), p, mm);
            }
        }

        // --------------------------------------------------------------- run.json and summary

        private void writeRunJson() throws IOException {
            Path file = dir.resolve(RUN_JSON);
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("started", Instant.now().toString());
            session.put("resumedFrom", resumeFrom == null ? null : dir.relativize(resumeFrom).toString());
            session.put("episodesAtStart", episodes);
            session.put("device", device);
            session.put("runtime", runtime);
            session.put("command", command);
            session.put("provenance", Provenance.collect());
            Map<String, Object> run;
            if (resumeFrom != null && Files.isRegularFile(file)) {
                run = RunFiles.JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
                @SuppressWarnings("unchecked")
                List<Object> list = run.get("sessions") instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
                if (!list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> previous && !previous.containsKey("stopped")) {
                    LOG.warn("the previous session (started {}) has no clean stop recorded: it was killed or crashed. Resuming from {} at "
                            + "episode {}; the episodes it played after that checkpoint are played again", previous.get("started"),
                            dir.relativize(resumeFrom), episodes);
                }
                list.add(session);
                run.put("sessions", list);
                run.put("config", config.toMap());
            } else {
                run = new LinkedHashMap<>();
                run.put("kind", "hubprice training run");
                run.put("config", config.toMap());
                Map<String, Object> seeds = new LinkedHashMap<>();
                seeds.put("root", config.seed());
                seeds.put("episodes", "episode k (0-based) resets the environment with Seeds.derive(root, \"episode\", k)");
                List<Long> agentSeeds = new ArrayList<>();
                for (int i = 0; i < hubs; i++) {
                    agentSeeds.add(Seeds.derive(config.seed(), "agent", i));
                }
                seeds.put("agents", agentSeeds);
                seeds.put("validationSet", Seeds.derive(config.seed(), "validation-set"));
                seeds.put("validationDays", "validation slot j resets with Seeds.derive(root, \"validation\", j)");
                run.put("seeds", seeds);
                List<Map<String, Object>> agents = new ArrayList<>();
                for (int i = 0; i < hubs; i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("hub", env.agentName(i));
                    a.put("agent", config.agents().get(i).agent());
                    a.put("description", registry.get(config.agents().get(i).agent()).description());
                    a.put("observationSpace", env.observationSpace(i).toString());
                    a.put("actionSpace", seats[i].agentActionSpace.toString());
                    agents.add(a);
                }
                run.put("agents", agents);
                run.put("environment", env.describe());
                run.put("versions", versions());
                run.put("sessions", new ArrayList<>(List.of(session)));
                RunFiles.writeString(dir.resolve(CONFIG_YAML), "# Resolved training configuration of this run (read back by --resume).\n"
                        + config.toYaml());
            }
            RunFiles.writeJson(file, run);
        }

        /** Marks this session in {@code run.json} as stopped cleanly, so the next {@code --resume} can tell a kill from a stop. */
        @SuppressWarnings("unchecked")
        private void recordStop(StopReason reason) throws IOException {
            Path file = dir.resolve(RUN_JSON);
            Map<String, Object> run = RunFiles.JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            if (run.get("sessions") instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Map<?, ?> last) {
                Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) last);
                session.put("stopped", Instant.now().toString());
                session.put("stopReason", reason.name());
                session.put("episodesAtStop", episodes);
                List<Object> list = new ArrayList<>((List<Object>) l);
                list.set(list.size() - 1, session);
                run.put("sessions", list);
                RunFiles.writeJson(file, run);
            }
        }

        private Map<String, Object> benchmarksJson() {
            Map<String, Object> m = new LinkedHashMap<>(benchmarks.toMap());
            m.put("validationDays", validator.days());
            return m;
        }

        private TrainingSummary summary(StopReason reason, long sessionEpisodes, long sessionPeriods, long sessionNanos) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("stopReason", reason.name());
            d.put("stopText", reason.text());
            d.put("episodes", episodes);
            d.put("periods", periods);
            d.put("sessions", sessions);
            d.put("setupSeconds", setupSeconds);
            d.put("benchmarkSeconds", benchmarkSeconds);
            Map<String, Object> timing = new LinkedHashMap<>();
            double seconds = sessionNanos / 1e9;
            timing.put("sessionEpisodes", sessionEpisodes);
            timing.put("sessionPeriods", sessionPeriods);
            timing.put("sessionSeconds", seconds);
            timing.put("periodsPerSecond", sessionPeriods / Math.max(1e-9, seconds));
            timing.put("secondsPer1000Episodes", sessionEpisodes > 0 ? seconds * 1000 / sessionEpisodes : Double.NaN);
            timing.put("phases", times.breakdown(sessionNanos));
            long loopNanos = times.nanos(Phase.ENVIRONMENT) + times.nanos(Phase.ACTION_SELECTION) + times.nanos(Phase.OBSERVE)
                    + times.nanos(Phase.UPDATES);
            timing.put("environmentShareOfLoop", loopNanos > 0 ? (double) times.nanos(Phase.ENVIRONMENT) / loopNanos : 0.0);
            timing.put("actionSelectionShareOfLoop", loopNanos > 0 ? (double) times.nanos(Phase.ACTION_SELECTION) / loopNanos : 0.0);
            timing.put("updatesShareOfLoop", loopNanos > 0 ? (double) times.nanos(Phase.UPDATES) / loopNanos : 0.0);
            timing.put("totalTrainingSeconds", (previousTrainingNanos + sessionNanos) / 1e9);
            d.put("timing", timing);
            d.put("updates", updates.clone());
            if (lastValidation != null) {
                Map<String, Object> v = new LinkedHashMap<>(lastValidation.toMap());
                v.put("episode", lastValidationEpisode);
                double delta = benchmarks != null ? benchmarks.collusionIndex(lastValidation) : Double.NaN;
                v.put("collusionIndexQuick", Double.isFinite(delta) ? delta : null);
                d.put("finalValidation", v);
            }
            if (benchmarks != null) {
                d.put("benchmarks", benchmarksJson());
            }
            Map<String, Object> best = new LinkedHashMap<>();
            best.put("episode", bestEpisode);
            best.put("totalProfitPerDay", bestProfit);
            d.put("best", best);
            Map<String, Object> files = new LinkedHashMap<>();
            for (String f : List.of(RUN_JSON, CONFIG_YAML, METRICS_CSV, VALIDATION_CSV, CURVE_PNG, SUMMARY_JSON, "train.log")) {
                files.put(f, dir.resolve(f).toString());
            }
            for (String c : List.of("final", "last", "best")) {
                Path p = dir.resolve(CHECKPOINTS).resolve(c);
                if (Files.isDirectory(p) || (c.equals("final") && reason != StopReason.INTERRUPTED && sessionEpisodes > 0)) {
                    files.put("checkpoints/" + c, p.toString());
                }
            }
            d.put("files", files);
            return new TrainingSummary(dir, episodes, sessionEpisodes, reason, d);
        }

        private Map<String, Object> summaryJson(TrainingSummary s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outputDir", s.outputDir().toString());
            m.putAll(s.details());
            return m;
        }
    }

    // =================================================================== helpers

    private static Map<String, Object> versions() {
        try {
            return Checkpoints.versions();
        } catch (RuntimeException | LinkageError e) {
            return Checkpoints.versionsWithoutEngine();
        }
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String moneyList(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(money(v[i]));
        }
        return sb.append(']').toString();
    }

    static String compactList(double[] v, String format) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, format, v[i]));
        }
        return sb.append(']').toString();
    }

    static String numberList(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(']').toString();
    }

    /** Splits a CSV line written by {@link CsvLog} (quoted cells may hold commas). */
    static String[] splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder {
        private TrainingConfig config;
        private Path dir;
        private String device = "cpu";
        private boolean resume;
        private boolean quiet;
        private boolean stopOnSignal;
        private Function<TrainingConfig, TrainingEnv> envFactory;
        private AgentRegistry registry;
        private List<String> command = List.of();
        private java.util.function.LongConsumer episodeListener;
        private java.util.function.Consumer<Path> onStart;
        private Map<String, Object> runtime = Map.of();

        private Builder() {}

        /** Runtime settings to record in {@code run.json} (thread counts, ...). */
        public Builder optRuntime(Map<String, Object> runtime) {
            this.runtime = runtime == null ? Map.of() : new LinkedHashMap<>(runtime);
            return this;
        }

        /**
         * Called with the run directory once it exists, before anything is written into it
         * (the CLI starts copying the log to {@code train.log} here).
         */
        public Builder optOnStart(java.util.function.Consumer<Path> onStart) {
            this.onStart = onStart;
            return this;
        }

        /** The resolved configuration (required). */
        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        /** The run directory (required). */
        public Builder setOutputDir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** {@code cpu} (default), {@code gpu}, {@code gpu:N} or {@code auto}; passed to every agent. */
        public Builder optDevice(String device) {
            this.device = device == null ? "cpu" : device;
            return this;
        }

        /** Continue the run in the output directory from its latest checkpoint. */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** No progress bar (it is also off when standard input/output is not a terminal). */
        public Builder optQuiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /** On SIGINT/SIGTERM, finish the episode and write a checkpoint before the JVM exits (for the CLI). */
        public Builder optStopOnSignal(boolean stopOnSignal) {
            this.stopOnSignal = stopOnSignal;
            return this;
        }

        /** The environment for a configuration (default: the hub pricing game, {@link #hubGame}). */
        public Builder optEnvFactory(Function<TrainingConfig, TrainingEnv> envFactory) {
            this.envFactory = envFactory;
            return this;
        }

        /** Where agent names are looked up (default: {@link AgentRegistry#load()}). */
        public Builder optRegistry(AgentRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** The command line, recorded in {@code run.json}. */
        public Builder optCommand(List<String> command) {
            this.command = command == null ? List.of() : List.copyOf(command);
            return this;
        }

        /**
         * Called with the number of completed episodes after each episode's metrics are
         * written, before validation and checkpoints (monitoring; tests simulate crashes with it).
         */
        public Builder optEpisodeListener(java.util.function.LongConsumer listener) {
            this.episodeListener = listener;
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
