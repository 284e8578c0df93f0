package org.hubprice.training.run;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.output.CsvLog;
import org.hubprice.training.output.CsvTable;
import org.hubprice.training.output.LearningCurve;
import org.hubprice.training.validation.ValidationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's metrics: {@code metrics.csv} (one row per episode), {@code validation.csv} and the
 * learning curve drawn from both. On resume the rows after the checkpoint are dropped and the
 * curve and the recent means are rebuilt from the rows kept.
 */
public final class MetricsFiles implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsFiles.class);

    private final RunLayout layout;
    private final int hubs;
    private final CsvLog metrics;
    private final CsvLog validation;
    private final LearningCurve curve;
    private boolean plotFailed;

    /**
     * Opens the files (new, or kept up to {@code resumeEpisode} when it is {@code >= 0}).
     *
     * @param benchmarks per hub and day: competitive and monopoly-proxy validation profit, or null
     */
    public MetricsFiles(RunLayout layout, VectorEnv env, long maxEpisodes, double[] benchmarks, long resumeEpisode, EpisodeStats stats)
            throws IOException {
        this.layout = layout;
        this.hubs = env.agentCount();
        List<String> header = new ArrayList<>(List.of("episode", "day", "total_reward"));
        for (String prefix : List.of("reward", "multiplier", "served", "balked", "updates")) {
            for (int i = 0; i < hubs; i++) {
                header.add(prefix + "_" + env.agentName(i));
            }
        }
        List<String> vHeader = new ArrayList<>(List.of("episode", "total_profit_per_day", "collusion_index_quick"));
        for (String prefix : List.of("profit_per_day", "multiplier")) {
            for (int i = 0; i < hubs; i++) {
                vHeader.add(prefix + "_" + env.agentName(i));
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            names.add(env.agentName(i));
        }
        curve = new LearningCurve(names, maxEpisodes);
        if (benchmarks != null) {
            curve.setBenchmarks(benchmarks[0], benchmarks[1]);
        }
        metrics = CsvLog.open(layout.file(RunLayout.METRICS_CSV), header, resumeEpisode);
        try {
            validation = CsvLog.open(layout.file(RunLayout.VALIDATION_CSV), vHeader, resumeEpisode);
        } catch (IOException e) {
            metrics.close();
            throw e;
        }
        if (resumeEpisode >= 0) {
            try {
                replay(stats);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /** Writes episode {@code episode}'s row and adds it to the curve. */
    public void episode(long episode, String label, EpisodeStats s, long[] updates) throws IOException {
        metrics.beginRow(episode).add(label).add(s.total());
        for (double r : s.reward()) {
            metrics.add(r);
        }
        for (double m : s.multiplier()) {
            metrics.add(m);
        }
        for (long v : s.served()) {
            metrics.add(v);
        }
        for (long b : s.balked()) {
            metrics.add(b);
        }
        for (long u : updates) {
            metrics.add(u);
        }
        metrics.endRow();
        curve.addEpisode(episode, s.reward(), s.multiplier());
    }

    /** Writes a validation row (flushed at once) and adds it to the curve. */
    public void validation(long episode, ValidationResult r, double quickIndex) throws IOException {
        validation.beginRow(episode).add(r.totalPerDay()).add(quickIndex);
        for (double p : r.profitPerDay()) {
            validation.add(p);
        }
        for (double m : r.meanMultiplier()) {
            validation.add(m);
        }
        validation.endRow();
        validation.flush();
        curve.addValidation(episode, r.profitPerDay(), r.meanMultiplier());
    }

    /** Redraws the learning curve; a failure (no fonts on a bare server, ...) is logged once and never stops training. */
    public void drawCurve() {
        try {
            curve.write(layout.file(RunLayout.CURVE_PNG));
        } catch (IOException | RuntimeException | LinkageError e) {
            if (!plotFailed) {
                plotFailed = true;
                LOG.warn("cannot draw {} ({}); training goes on, metrics.csv has the same data", RunLayout.CURVE_PNG, e.toString());
            }
        }
    }

    public void flush() throws IOException {
        metrics.flush();
        validation.flush();
    }

    /** Flushes {@code metrics.csv}, logging (not throwing) a failure: for periodic flushes. */
    public void flushQuietly() {
        try {
            metrics.flush();
        } catch (IOException e) {
            LOG.warn("cannot flush {}: {}", RunLayout.METRICS_CSV, e.getMessage());
        }
    }

    /** Rebuilds the learning curve and the recent means from the rows kept on resume. */
    private void replay(EpisodeStats stats) throws IOException {
        CsvTable m = CsvTable.read(layout.file(RunLayout.METRICS_CSV));
        double[] r = new double[hubs];
        double[] mult = new double[hubs];
        for (int k = 0; k < m.rows().size(); k++) {
            long e = Long.parseLong(m.rows().get(k)[0]);
            for (int i = 0; i < hubs; i++) {
                r[i] = m.number(k, 3 + i);
                mult[i] = m.number(k, 3 + hubs + i);
            }
            stats.record(e, r, mult);
            curve.addEpisode(e, r, mult);
        }
        CsvTable v = CsvTable.read(layout.file(RunLayout.VALIDATION_CSV));
        for (int k = 0; k < v.rows().size(); k++) {
            double[] p = new double[hubs];
            double[] mm = new double[hubs];
            for (int i = 0; i < hubs; i++) {
                p[i] = v.number(k, 3 + i);
                mm[i] = v.number(k, 3 + hubs + i);
            }
            curve.addValidation(Long.parseLong(v.rows().get(k)[0]), p, mm);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            metrics.close();
        } finally {
            validation.close();
        }
    }
}
