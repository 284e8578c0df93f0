package org.hubprice.training.seeds;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hubprice.training.run.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One progress display over several child runs (the members of a seed set, the tasks of a study): a bar over the summed episodes on a
 * terminal, and a log line at most every 30 seconds (and when a member ends) with members done
 * and running, episodes, and the time left at the pace so far.
 */
final class SeedProgress {
    private static final Logger LOG = LoggerFactory.getLogger(SeedProgress.class);

    private final AtomicLongArray episodes;
    /** Each member's episodes when it first reported in this session (-1 before): progress is counted from there. */
    private final long[] base;
    private final boolean[] done;
    private final long maxEpisodes;
    private final long total;
    private final long start = System.nanoTime();
    private long lastLog = System.nanoTime();
    private ProgressBar bar;

    private final String unit;

    SeedProgress(int members, long maxEpisodes, boolean quiet, String unit) {
        this.unit = unit;
        this.episodes = new AtomicLongArray(members);
        this.base = new long[members];
        java.util.Arrays.fill(base, -1);
        this.done = new boolean[members];
        this.maxEpisodes = maxEpisodes;
        this.total = maxEpisodes * members;
        if (!quiet && System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName(unit).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(1000).setUnit(" ep", 1)
                    .startsFrom(0, Duration.ZERO).build();
        }
    }

    AtomicLongArray episodes() {
        return episodes;
    }

    synchronized void set(int member, long value) {
        long v = Math.min(value, maxEpisodes);
        episodes.set(member, v);
        if (base[member] < 0) {
            base[member] = v; // a resumed member starts where its checkpoint was: not this session's progress
        }
        update(false);
    }

    synchronized void finished(int member) {
        done[member] = true;
        update(true);
    }

    private synchronized void update(boolean force) {
        long sum = 0;
        long progressed = 0;
        for (int k = 0; k < episodes.length(); k++) {
            sum += episodes.get(k);
            progressed += base[k] < 0 ? 0 : episodes.get(k) - base[k];
        }
        int finished = 0;
        for (boolean d : done) {
            finished += d ? 1 : 0;
        }
        String line = finished + "/" + done.length + " " + unit + " done, " + sum + "/" + total + " episodes, ETA " + eta(sum, progressed);
        if (bar != null) {
            bar.stepTo(sum);
            bar.setExtraMessage(finished + "/" + done.length + " done");
        }
        long now = System.nanoTime();
        if (force || now - lastLog > 30_000_000_000L) {
            lastLog = now;
            LOG.info("{}", line);
        }
    }

    private String eta(long sum, long progressed) {
        if (progressed <= 0) {
            return "unknown";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Format.duration(Math.round((total - sum) * seconds / progressed));
    }

    synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
