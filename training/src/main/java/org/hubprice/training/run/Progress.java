package org.hubprice.training.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hubprice.training.config.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running session shows: a progress bar on the terminal (off when quiet or without a
 * console), a log line every {@code progress.logEvery} episodes with speed, recent means and the
 * time left, and, for a parent process that runs several seeds, machine-readable lines
 * {@code hubprice-progress EPISODES MAX} at most four times a second.
 */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    /** The prefix of machine-readable progress lines. */
    public static final String LINE_PREFIX = "hubprice-progress ";

    private final TrainingConfig config;
    private final LoopState state;
    private final EpisodeStats stats;
    private final PrintStream lines;
    private final long startNanos;
    private final long startEpisodes;
    private final long startPeriods;
    private ProgressBar bar;
    private long lastUpdate;

    /**
     * @param lines where machine-readable progress lines go, or null for none
     */
    public Progress(TrainingConfig config, LoopState state, EpisodeStats stats, boolean quiet, PrintStream lines, long startNanos) {
        this.config = config;
        this.state = state;
        this.stats = stats;
        this.lines = lines;
        this.startNanos = startNanos;
        this.startEpisodes = state.episodes;
        this.startPeriods = state.periods;
        if (!quiet && System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(config.stopping().maxEpisodes()).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).setUnit(" ep", 1)
                    .startsFrom(state.episodes, Duration.ZERO).build();
        }
        line(true);
    }

    /** After an episode: moves the bar (at most 4 times a second) and logs every {@code progress.logEvery} episodes. */
    public void update(MetricsFiles files) {
        long t = System.nanoTime();
        if (t - lastUpdate > 250_000_000L) {
            lastUpdate = t;
            if (bar != null) {
                bar.stepTo(state.episodes);
                bar.setExtraMessage(recentLine(true));
            }
            line(false);
        }
        if (state.episodes % config.progress().logEvery() == 0) {
            LOG.info("episode {}/{}: {}", state.episodes, config.stopping().maxEpisodes(), recentLine(false));
            files.flushQuietly();
        }
    }

    private void line(boolean force) {
        if (lines != null) {
            lines.println(LINE_PREFIX + state.episodes + " " + config.stopping().maxEpisodes());
            lines.flush();
        }
    }

    /** Speed and recent means; {@code compact} for the bar (whole dollars, short labels). */
    String recentLine(boolean compact) {
        int n = stats.recentCount();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, compact ? "%.0f p/s" : "%.0f periods/s", (state.periods - startPeriods) / Math.max(1e-9, seconds)));
        if (n > 0) {
            double[] r = new double[stats.hubs];
            double[] m = new double[stats.hubs];
            for (int i = 0; i < stats.hubs; i++) {
                r[i] = stats.recentReward(i);
                m[i] = stats.recentMultiplier(i);
            }
            if (compact) {
                sb.append(" $/day ").append(Format.compactList(r, "%.0f")).append(" x ").append(Format.compactList(m, "%.2f"));
            } else {
                sb.append(" | recent profit/day ").append(Format.moneyList(r)).append(" | multiplier ").append(Format.numberList(m));
                sb.append(" | ETA ").append(eta(seconds));
            }
        }
        return sb.toString();
    }

    /** Time left at this session's pace, to the episode limit or the wall-time limit, whichever is nearer. */
    private String eta(double sessionSeconds) {
        long done = state.episodes - startEpisodes;
        if (done <= 0) {
            return "unknown";
        }
        double left = (config.stopping().maxEpisodes() - state.episodes) * sessionSeconds / done;
        Duration wall = config.stopping().maxWallTime();
        if (wall != null) {
            long trainingNanos = state.trainingNanos(System.nanoTime() - startNanos);
            left = Math.min(left, Math.max(0, (wall.toNanos() - trainingNanos) / 1e9));
        }
        return Format.duration(Math.round(left));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(state.episodes);
            bar.close();
            bar = null;
        }
        line(true);
    }
}
