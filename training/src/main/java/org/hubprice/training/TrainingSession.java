package org.hubprice.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.PhaseTimes.Phase;
import org.hubprice.training.config.HubAgentConfig;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.CheckpointWriter;
import org.hubprice.training.run.EpisodeStats;
import org.hubprice.training.run.Format;
import org.hubprice.training.run.LoopState;
import org.hubprice.training.run.MetricsFiles;
import org.hubprice.training.run.Progress;
import org.hubprice.training.run.RunLayout;
import org.hubprice.training.run.RunRecord;
import org.hubprice.training.run.RunSummaries;
import org.hubprice.training.validation.Benchmarks;
import org.hubprice.training.validation.ValidationResult;
import org.hubprice.training.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of a run, from a fresh start or a checkpoint to a stop: the episode loop with
 * validation, checkpoints and stopping rules around {@link TrainingLoop}.
 */
final class TrainingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    private final TrainingConfig config;
    private final RunLayout layout;
    private final VectorEnv env;
    private final Seat[] seats;
    private final Agent[] agents;
    private final LoopState state;
    private final Path resumeFrom;
    private final PhaseTimes times = new PhaseTimes();
    private final EpisodeStats stats;
    private final CheckpointWriter checkpoints;
    private final int updateThreads;
    /** The threads that update the hubs in this session (see {@link HubUpdates#lanes}). */
    private final int lanes;
    private Validator validator;
    private Benchmarks benchmarks;
    private ValidationResult lastValidation;
    private MetricsFiles files;
    private long sessionStart;

    /** @param updateThreads threads that may update the hubs side by side (see {@link HubUpdates}) */
    TrainingSession(TrainingConfig config, RunLayout layout, VectorEnv env, Seat[] seats, LoopState state, Path resumeFrom, int updateThreads) {
        this.config = config;
        this.layout = layout;
        this.env = env;
        this.seats = seats;
        this.state = state;
        this.resumeFrom = resumeFrom;
        this.agents = new Agent[seats.length];
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < seats.length; i++) {
            agents[i] = seats[i].agent;
            kinds.add(config.agents().get(i).agent());
        }
        this.stats = new EpisodeStats(env, config.progress().window());
        this.checkpoints = new CheckpointWriter(layout, env, kinds, config.seed());
        this.updateThreads = updateThreads;
        this.lanes = HubUpdates.lanes(agents, updateThreads);
    }

    /** Threads updating the hubs in this session (1: one after another on the loop's thread). */
    int updateLanes() {
        return lanes;
    }

    /**
     * Trains until a stopping rule fires or {@code stop} says so.
     *
     * @param record the run record to start and stop
     * @param session what to record about this session in {@code run.json}
     * @param agentsJson per hub: agent name, description and spaces
     * @param stop polled after every episode; true ends the session with a checkpoint to resume from
     * @param episodeListener called with the episode count after each episode's row, or null
     * @param progressLines where machine-readable progress goes, or null
     */
    TrainingSummary run(RunRecord record, Map<String, Object> session, List<Map<String, Object>> agentsJson, java.util.function.BooleanSupplier stop,
                        java.util.function.LongConsumer episodeListener, boolean quiet, PrintStream progressLines, double setupSeconds)
            throws IOException {
        Files.createDirectories(layout.dir());
        LOG.info("training {} hubs ({}) into {}{}", seats.length, agentNames(), layout.dir(),
                resumeFrom != null ? ", resuming at episode " + state.episodes : "");
        record.start(session, env, agentsJson, resumeFrom, state.episodes);
        long t0 = System.nanoTime();
        validator = new Validator(env, config.seed(), config.validation().days());
        benchmarks = validator.benchmarks();
        double benchmarkSeconds = (System.nanoTime() - t0) / 1e9;
        double[] perHub = null;
        if (benchmarks != null) {
            RunFiles.writeJson(layout.file(RunLayout.BENCHMARKS_JSON), benchmarksJson());
            LOG.info("validation on {} training days; benchmarks per day (all hubs): competitive {}, monopoly proxy (cap) {}, random {}",
                    validator.days().size(), Format.money(benchmarks.competitive().totalPerDay()), Format.money(benchmarks.monopoly().totalPerDay()),
                    Format.money(benchmarks.random().totalPerDay()));
            perHub = new double[] {benchmarks.competitive().totalPerDay() / seats.length, benchmarks.monopoly().totalPerDay() / seats.length};
        }
        files = new MetricsFiles(layout, env, config.stopping().maxEpisodes(), perHub, resumeFrom != null ? state.episodes : -1, stats);
        sessionStart = System.nanoTime();
        long startEpisodes = state.episodes;
        long startPeriods = state.periods;
        try (HubUpdates updates = new HubUpdates(agents, updateThreads); MetricsFiles f = files;
             Progress progress = new Progress(config, state, stats, quiet, progressLines, sessionStart)) {
            TrainingLoop loop = new TrainingLoop(env, seats, state, stats, config.schedule(), config.seed(), times, updates);
            StopReason reason = stopReason(stop);
            if (reason != null) {
                LOG.info("nothing to train: {} at episode {}. Maybe raise stopping.maxEpisodes / maxWallTime with --set", reason.text(), state.episodes);
            }
            while (reason == null) {
                loop.playEpisode();
                long t = System.nanoTime();
                files.episode(state.episodes, env.episodeLabel(0), stats, state.updates);
                if (state.episodes % config.progress().plotEvery() == 0) {
                    files.drawCurve();
                }
                times.add(Phase.OUTPUT, System.nanoTime() - t);
                if (episodeListener != null) {
                    episodeListener.accept(state.episodes);
                }
                boolean fired = state.plateau.add(stats.total());
                if (state.episodes % config.validation().every() == 0) {
                    validate();
                }
                reason = fired ? StopReason.PLATEAU : stopReason(stop);
                if (reason == null && state.episodes % config.checkpoint().every() == 0) {
                    checkpoint("last");
                }
                t = System.nanoTime();
                progress.update(files);
                times.add(Phase.OUTPUT, System.nanoTime() - t);
            }
            long sessionEpisodes = state.episodes - startEpisodes;
            if (reason != StopReason.INTERRUPTED && state.lastValidationEpisode != state.episodes && sessionEpisodes > 0) {
                validate();
            }
            if (sessionEpisodes > 0) {
                if (reason == StopReason.INTERRUPTED) {
                    checkpoint("last");
                } else {
                    checkpoint("final");
                    RunFiles.deleteRecursively(layout.checkpoint("last"));
                }
            }
            progress.close();
            long out0 = System.nanoTime();
            files.flush();
            files.drawCurve();
            times.add(Phase.OUTPUT, System.nanoTime() - out0);
            long sessionNanos = System.nanoTime() - sessionStart;
            long sessionPeriods = state.periods - startPeriods;
            LOG.info("stopped after episode {}: {}", state.episodes, reason.text());
            LOG.info("time: {} episodes in {} s this session, {} periods/s; {}", sessionEpisodes, String.format(Locale.ROOT, "%.1f",
                    sessionNanos / 1e9), String.format(Locale.ROOT, "%.0f", sessionPeriods / Math.max(1e-9, sessionNanos / 1e9)),
                    times.describe(sessionNanos));
            TrainingSummary summary = RunSummaries.of(layout, reason, state, new RunSummaries.SessionTiming(sessionEpisodes, sessionPeriods,
                    sessionNanos, lanes, setupSeconds, benchmarkSeconds, times), lastValidation, benchmarks,
                    benchmarks == null ? null : benchmarksJson());
            RunFiles.writeJson(layout.file(RunLayout.SUMMARY_JSON), RunSummaries.json(summary));
            record.stop(reason, state.episodes);
            return summary;
        }
    }

    private long trainingNanos() {
        return state.trainingNanos(System.nanoTime() - sessionStart);
    }

    private StopReason stopReason(java.util.function.BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            return StopReason.INTERRUPTED;
        }
        if (state.episodes >= config.stopping().maxEpisodes()) {
            return StopReason.MAX_EPISODES;
        }
        Duration wall = config.stopping().maxWallTime();
        if (wall != null && trainingNanos() >= wall.toNanos()) {
            return StopReason.MAX_WALL_TIME;
        }
        return state.plateau.fired() ? StopReason.PLATEAU : null;
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
        state.lastValidationEpisode = state.episodes;
        double delta = benchmarks != null ? benchmarks.collusionIndex(r) : Double.NaN;
        t = System.nanoTime();
        files.validation(state.episodes, r, delta);
        files.drawCurve();
        times.add(Phase.OUTPUT, System.nanoTime() - t);
        LOG.info("validation at episode {}: profit per day {} (hubs {}), mean multiplier {}, quick collusion index {}", state.episodes,
                Format.money(r.totalPerDay()), Format.moneyList(r.profitPerDay()), Format.numberList(r.meanMultiplier()),
                String.format(Locale.ROOT, "%.3f", delta));
        if (config.checkpoint().best() && (state.bestProfit == null || r.totalPerDay() > state.bestProfit)) {
            state.bestProfit = r.totalPerDay();
            state.bestEpisode = state.episodes;
            checkpoint("best");
        }
    }

    private void checkpoint(String name) throws IOException {
        long t = System.nanoTime();
        files.flush();
        long session = System.nanoTime() - sessionStart;
        checkpoints.write(name, state.snapshot(state.trainingNanos(session), state.coreNanos(session, lanes), times), agents);
        times.add(Phase.CHECKPOINTS, System.nanoTime() - t);
        LOG.debug("checkpoint {} written at episode {}", name, state.episodes);
    }

    private Map<String, Object> benchmarksJson() {
        Map<String, Object> m = new LinkedHashMap<>(benchmarks.toMap());
        m.put("validationDays", validator.days());
        return m;
    }

    private String agentNames() {
        List<String> names = new ArrayList<>();
        for (HubAgentConfig a : config.agents()) {
            names.add(a.agent());
        }
        return String.join(" x ", names);
    }
}
