package org.hubprice.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's time goes: wall-clock nanoseconds summed per phase with
 * {@link System#nanoTime()} (a few tens of nanoseconds per reading, negligible next to a step).
 */
public final class PhaseTimes {
    /** The phases of the loop. */
    public enum Phase {
        /** Environment reset and step. */
        ENVIRONMENT("environment"),
        /** Agents choosing actions (forward passes, exploration). */
        ACTION_SELECTION("actionSelection"),
        /** Agents storing transitions. */
        OBSERVE("observe"),
        /** Gradient updates. */
        UPDATES("updates"),
        /** Validation passes and benchmarks. */
        VALIDATION("validation"),
        /** Writing checkpoints. */
        CHECKPOINTS("checkpoints"),
        /** Metrics, plots, progress and logs. */
        OUTPUT("output");

        private final String id;

        Phase(String id) {
            this.id = id;
        }

        /** The key in summaries. */
        public String id() {
            return id;
        }
    }

    private final long[] nanos = new long[Phase.values().length];

    /** Adds {@code elapsed} nanoseconds to {@code phase}. */
    public void add(Phase phase, long elapsed) {
        nanos[phase.ordinal()] += elapsed;
    }

    /** Nanoseconds spent in {@code phase}. */
    public long nanos(Phase phase) {
        return nanos[phase.ordinal()];
    }

    /** Sum over the phases. */
    public long totalNanos() {
        long t = 0;
        for (long n : nanos) {
            t += n;
        }
        return t;
    }

    /** Adds another record's times to this one. */
    public void addAll(PhaseTimes other) {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] += other.nanos[i];
        }
    }

    /**
     * Seconds and share of {@code wallNanos} per phase, plus the unaccounted rest, for the
     * summary JSON.
     */
    public Map<String, Object> breakdown(long wallNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        long accounted = 0;
        for (Phase p : Phase.values()) {
            long n = nanos(p);
            accounted += n;
            m.put(p.id(), entry(n, wallNanos));
        }
        m.put("other", entry(Math.max(0, wallNanos - accounted), wallNanos));
        return m;
    }

    private static Map<String, Object> entry(long n, long wall) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seconds", n / 1e9);
        e.put("share", wall > 0 ? (double) n / wall : 0.0);
        return e;
    }

    /** One line for the log: each phase's share of {@code wallNanos} in percent. */
    public String describe(long wallNanos) {
        StringBuilder sb = new StringBuilder();
        for (Phase p : Phase.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.id()).append(' ').append(String.format(java.util.Locale.ROOT, "%.1f%%", wallNanos > 0 ? 100.0 * nanos(p) / wallNanos : 0));
        }
        return sb.toString();
    }
}
