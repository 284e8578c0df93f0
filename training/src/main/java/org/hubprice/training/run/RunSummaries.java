package org.hubprice.training.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.training.PhaseTimes;
import org.hubprice.training.PhaseTimes.Phase;
import org.hubprice.training.StopReason;
import org.hubprice.training.TrainingSummary;
import org.hubprice.training.validation.Benchmarks;
import org.hubprice.training.validation.ValidationResult;

/** Builds a session's {@link TrainingSummary} ({@code run-summary.json}): counts, timing and its phases, validation, files. */
public final class RunSummaries {
    private RunSummaries() {}

    /** A session's timing: its episodes, periods, wall time and update threads, and where the time went. */
    public record SessionTiming(long episodes, long periods, long nanos, int updateThreads, double setupSeconds, double benchmarkSeconds,
                                PhaseTimes times) {}

    /**
     * @param lastValidation the last validation pass, or null
     * @param benchmarks the validation benchmarks (null when the game has none)
     * @param benchmarksJson their JSON form (null with them)
     */
    public static TrainingSummary of(RunLayout layout, StopReason reason, LoopState state, SessionTiming session,
                                     ValidationResult lastValidation, Benchmarks benchmarks, Map<String, Object> benchmarksJson) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stopReason", reason.name());
        d.put("stopText", reason.text());
        d.put("episodes", state.episodes);
        d.put("periods", state.periods);
        d.put("sessions", state.sessions);
        d.put("setupSeconds", session.setupSeconds());
        d.put("benchmarkSeconds", session.benchmarkSeconds());
        d.put("timing", timing(state, session));
        d.put("updates", state.updates.clone());
        if (lastValidation != null) {
            Map<String, Object> v = new LinkedHashMap<>(lastValidation.toMap());
            v.put("episode", state.lastValidationEpisode);
            double delta = benchmarks != null ? benchmarks.collusionIndex(lastValidation) : Double.NaN;
            v.put("collusionIndexQuick", Double.isFinite(delta) ? delta : null);
            d.put("finalValidation", v);
        }
        if (benchmarksJson != null) {
            d.put("benchmarks", benchmarksJson);
        }
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("episode", state.bestEpisode);
        best.put("totalProfitPerDay", state.bestProfit);
        d.put("best", best);
        Map<String, Object> files = new LinkedHashMap<>();
        for (String f : List.of(RunLayout.RUN_JSON, RunLayout.CONFIG_YAML, RunLayout.METRICS_CSV, RunLayout.VALIDATION_CSV, RunLayout.CURVE_PNG,
                RunLayout.SUMMARY_JSON, RunLayout.TRAIN_LOG)) {
            files.put(f, layout.file(f).toString());
        }
        for (String c : List.of("final", "last", "best")) {
            Path p = layout.checkpoint(c);
            if (Files.isDirectory(p) || (c.equals("final") && reason != StopReason.INTERRUPTED && session.episodes() > 0)) {
                files.put(RunLayout.CHECKPOINTS + "/" + c, p.toString());
            }
        }
        d.put("files", files);
        return new TrainingSummary(layout.dir(), state.episodes, session.episodes(), reason, d);
    }

    private static Map<String, Object> timing(LoopState state, SessionTiming s) {
        PhaseTimes times = s.times();
        Map<String, Object> timing = new LinkedHashMap<>();
        double seconds = s.nanos() / 1e9;
        timing.put("sessionEpisodes", s.episodes());
        timing.put("sessionPeriods", s.periods());
        timing.put("sessionSeconds", seconds);
        timing.put("periodsPerSecond", s.periods() / Math.max(1e-9, seconds));
        timing.put("secondsPer1000Episodes", s.episodes() > 0 ? seconds * 1000 / s.episodes() : Double.NaN);
        timing.put("phases", times.breakdown(s.nanos()));
        long loop = times.nanos(Phase.ENVIRONMENT) + times.nanos(Phase.ACTION_SELECTION) + times.nanos(Phase.OBSERVE) + times.nanos(Phase.UPDATES);
        timing.put("environmentShareOfLoop", share(times.nanos(Phase.ENVIRONMENT), loop));
        timing.put("actionSelectionShareOfLoop", share(times.nanos(Phase.ACTION_SELECTION), loop));
        timing.put("updatesShareOfLoop", share(times.nanos(Phase.UPDATES), loop));
        timing.put("totalTrainingSeconds", state.trainingNanos(s.nanos()) / 1e9);
        // the cores the run kept busy: wall time times the threads updating the hubs, every session
        timing.put("updateThreads", s.updateThreads());
        timing.put("totalCoreSeconds", state.coreNanos(s.nanos(), s.updateThreads()) / 1e9);
        return timing;
    }

    private static double share(long part, long whole) {
        return whole > 0 ? (double) part / whole : 0.0;
    }

    /** The summary as written to {@code run-summary.json}. */
    public static Map<String, Object> json(TrainingSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outputDir", s.outputDir().toString());
        m.putAll(s.details());
        return m;
    }
}
