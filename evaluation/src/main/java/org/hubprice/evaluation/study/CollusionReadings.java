package org.hubprice.evaluation.study;

import static org.hubprice.evaluation.study.StudyReport.f;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.hubprice.evaluation.report.CollusionSection;

/**
 * The page's answer to the question users bring: do the learned prices show collusion,
 * competition under the capacity limits, or learners that have not finished? Each run is read
 * from its summary by one rule (equilibrium first, then the benchmark), and each cell by its
 * runs' readings, with convergence stated beside them.
 */
final class CollusionReadings {
    private CollusionReadings() {}

    /** What one run's numbers say, in the order the rule tests them. */
    enum Reading {
        /**
         * A deviation a policy could play (its own policy shifted per hour, one schedule for every day, or a constant) gains more
         * than the tolerance on fresh draws.
         */
        NOT_AN_EQUILIBRIUM("not an equilibrium"),
        /** Only the per-day best response, which knows each day's prices in advance, gains more than the tolerance. */
        FORESIGHT_ONLY("no equilibrium shown: only a deviation that knows each day's prices gains"),
        /** Unexploitable within the tolerance, and Δ^N's interval lies above 0. */
        ABOVE_NASH("collusion-like: above the one-shot Nash and unexploitable"),
        /** Unexploitable within the tolerance, and Δ^N's interval holds 0. */
        AT_NASH("not distinguishable from the one-shot Nash (competition under the capacity limits)"),
        /** Unexploitable within the tolerance, and Δ^N's interval lies below 0. */
        BELOW_NASH("below the one-shot Nash"),
        /** The summary carries no best-response analysis or no Δ^N interval. */
        NO_ANALYSIS("not readable: no best-response analysis or Δ^N interval");

        final String text;

        Reading(String text) {
            this.text = text;
        }
    }

    /**
     * The larger of the hubs' hourly-best-response gains replayed on fresh demand draws (the
     * out-of-sample figure, so that the part of a schedule fitted to the evaluation's own draws
     * does not count; a hub without it counts with its gain on those draws, as the single-run
     * report does), in % of the learned profit; NaN when the summary has neither.
     */
    static double freshGain(JsonNode run) {
        return worst(run, "outOfSamplePercent", "profilePercent");
    }

    /** The same for the best constant multiplier (one level for every hour and day: no foresight); NaN when absent. */
    static double constantGain(JsonNode run) {
        return worst(run, "constantOutOfSamplePercent", "constantPercent");
    }

    /** The same for one schedule for every day (the per-day best responses averaged per hour); NaN when absent. */
    static double scheduleGain(JsonNode run) {
        return worst(run, "scheduleOutOfSamplePercent", null);
    }

    /**
     * The same for the hub's own policy shifted by one offset per hour, fitted on half of the days and tested on the other half
     * with fresh draws (it reacts to each day as the policy does); NaN when absent.
     */
    static double shiftedGain(JsonNode run) {
        return worst(run, "shiftedPolicyOutOfSamplePercent", null);
    }

    /** The largest gain of the deviations a policy could play (own policy shifted, schedule, constant); NaN when none. */
    static double playableGain(JsonNode run) {
        double g = Double.NaN;
        for (double v : new double[] {shiftedGain(run), scheduleGain(run), constantGain(run)}) {
            g = Double.isNaN(g) ? v : Double.isNaN(v) ? g : Math.max(g, v);
        }
        return g;
    }

    /** The larger hub's {@code key}, or its {@code fallback} (null: none) where it lacks {@code key}; NaN when neither. */
    private static double worst(JsonNode run, String key, String fallback) {
        double worst = Double.NaN;
        for (JsonNode h : run.path("heldOut").path("exploitability")) {
            double v = h.path(key).isNumber() ? h.path(key).asDouble() : fallback == null ? Double.NaN : h.path(fallback).asDouble(Double.NaN);
            if (Double.isFinite(v)) {
                worst = Double.isNaN(worst) ? v : Math.max(worst, v);
            }
        }
        return worst;
    }

    /** A best-response multiplier this far or more from the learned one counts as a move (below a grid step of 0.01). */
    static final double MOVE = 0.005;

    /**
     * Which way the profitable deviations go, averaged over the runs' hubs: hours (of 24) in which
     * the hourly best response prices below the learned multiplier, hours above it, and the mean
     * difference of the multipliers (best response minus learned; hourly means over days);
     * {@code null} when no summary carries the hourly multipliers.
     */
    static double[] deviationDirection(Iterable<JsonNode> runs) {
        return direction(runs, h -> {
            JsonNode learned = h.path("learnedMultiplierPerHour");
            JsonNode best = h.path("bestResponseMultiplierPerHour");
            if (learned.size() == 0 || learned.size() != best.size()) {
                return null;
            }
            double[] d = new double[learned.size()];
            for (int t = 0; t < d.length; t++) {
                d[t] = learned.path(t).isNumber() && best.path(t).isNumber() ? best.path(t).asDouble() - learned.path(t).asDouble() : Double.NaN;
            }
            return d;
        });
    }

    /** The same for the own policy shifted per hour: its offsets (mean of the two fits); {@code null} when no summary has them. */
    static double[] shiftDirection(Iterable<JsonNode> runs) {
        return direction(runs, h -> {
            JsonNode offsets = h.path("shiftedPolicyOffsetPerHour");
            if (offsets.size() == 0) {
                return null;
            }
            double[] d = new double[offsets.size()];
            for (int t = 0; t < d.length; t++) {
                d[t] = offsets.path(t).isNumber() ? offsets.path(t).asDouble() : Double.NaN;
            }
            return d;
        });
    }

    /** Hours below / above (by at least {@link #MOVE}) per hub and the mean move per hour, over the hubs {@code moves} gives (null: none). */
    private static double[] direction(Iterable<JsonNode> runs, java.util.function.Function<JsonNode, double[]> moves) {
        double below = 0;
        double above = 0;
        double shift = 0;
        int hubs = 0;
        int hours = 0;
        for (JsonNode run : runs) {
            for (JsonNode h : run.path("heldOut").path("exploitability")) {
                double[] m = moves.apply(h);
                if (m == null) {
                    continue;
                }
                hubs++;
                for (double d : m) {
                    if (Double.isFinite(d)) {
                        below += d <= -MOVE ? 1 : 0;
                        above += d >= MOVE ? 1 : 0;
                        shift += d;
                        hours++;
                    }
                }
            }
        }
        return hubs == 0 || hours == 0 ? null : new double[] {below / hubs, above / hubs, shift / hours};
    }

    /** One run's reading under {@link #rule()}. */
    static Reading read(JsonNode run) {
        double gain = freshGain(run);
        JsonNode ci = run.path("heldOut").path("deltaNash").path("ci95");
        if (Double.isNaN(gain) || !ci.path(0).isNumber() || !ci.path(1).isNumber()) {
            return Reading.NO_ANALYSIS;
        }
        double tolerance = CollusionSection.EQUILIBRIUM_TOLERANCE_PERCENT;
        if (playableGain(run) > tolerance) {
            return Reading.NOT_AN_EQUILIBRIUM;
        }
        if (gain > tolerance) {
            return Reading.FORESIGHT_ONLY;
        }
        if (ci.path(0).asDouble() > 0) {
            return Reading.ABOVE_NASH;
        }
        return ci.path(1).asDouble() < 0 ? Reading.BELOW_NASH : Reading.AT_NASH;
    }

    static String rule() {
        return String.format(Locale.ROOT, "(1) equilibrium: if a deviation that a policy could play (its own policy shifted by one "
                + "offset per hour, one schedule for every day, or one constant multiplier) gains either hub more than %.0f %% of its "
                + "learned profit against its frozen rival, on fresh demand draws (the shifted policy on the days it was not fitted on), the prices are not mutual best responses and the run reads \"not "
                + "an equilibrium\" whatever its Δ; if only the per-day best response, which knows each day's prices, gains that much, "
                + "it reads \"no equilibrium shown\"; (2) benchmark: otherwise the run's 95 %% interval of Δ^N (the index "
                + "against the stage-game Nash profit) decides: above 0 is collusion-like, holding 0 is not distinguishable from the "
                + "one-shot Nash (competition under the capacity limits), below 0 is below it; (3) convergence: a run whose learning "
                + "curve has not flattened is labelled NOT CONVERGED beside its reading: a run that is not an equilibrium and not "
                + "converged is still learning, one that has converged settled where it cannot find or express the reply",
                CollusionSection.EQUILIBRIUM_TOLERANCE_PERCENT);
    }

    /** The section: the rule, one row per cell, and what the rows say together. */
    static String section(StudyReport r) {
        StringBuilder sb = new StringBuilder("## Collusion, competition, or still learning?\n\n");
        sb.append("A high Δ alone does not show collusion: prices above marginal cost can also come from the capacity limits and the "
                + "5 % band (the one-shot Nash of the hub game is above cost), or from learners that have not finished. Each run is "
                + "read by one rule, in this order: ").append(rule()).append(". The observations carry no rival price, so a policy "
                + "cannot punish a deviation except through what its own battery sees, and every day starts afresh, so there is no "
                + "punishment across days either; a supra-competitive outcome that no best response can exploit would be the "
                + "finding, not a high Δ. Four deviations are searched against the frozen rival: the per-day hourly best response "
                + "is fitted to each held-out day, so it knows that day's prices in advance, which a policy (seeing the current hour "
                + "and its own observation only) does not, and it is the reference for deviations fixed for the day; the hub's own "
                + "policy shifted by one offset per hour reacts to each day and draw as the learned policy does; it is fitted twice, "
                + "on alternate held-out days, and every day is scored with the fit that did not see it (an estimate of what the "
                + "fitted policy earns; reacting to the draws, it can also beat the per-day best response); one schedule for every day (the best of "
                + "those best responses' hourly mean and each day's best response) and the best constant multiplier react to "
                + "nothing. These three need no foresight, so a policy could play them, and the best of them estimates from below "
                + "what a deviation can earn. "
                + "Which way the deviations move the prices says what "
                + "kind of disequilibrium it is: undercutting learned prices is the pull towards competition that collusion must "
                + "resist; raising them means the learners leave money on the table (hours in which the best response's mean "
                + "multiplier over the held-out days, or the shifted policy's offset averaged over its two fits, differs from the "
                + "learned one by at least " + MOVE + ").\n\n");
        if (r.cells() == 0) {
            return sb.append("No runs yet.\n\n").toString();
        }
        sb.append("| cell | runs | median Δ^N [95 % CI] | per-day hourly best response's gain on fresh draws, % (range over runs) | own"
                + " policy shifted per hour, gain on the days it was not fitted on, % (range) | one schedule for every day, gain % (range)"
                + " | best constant, gain % (range) | the per-day best response, hours below / above the learned price (mean multiplier"
                + " shift) | the shifted policy, hours below / above the learned price (mean offset) | converged | reading |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<Reading, Integer> total = new EnumMap<>(Reading.class);
        for (CellResult c : r.cellResults()) {
            double[] dn = c.medianDeltaNash();
            Map<Reading, Integer> counts = new EnumMap<>(Reading.class);
            for (JsonNode run : c.runs()) {
                Reading reading = read(run);
                counts.merge(reading, 1, Integer::sum);
                total.merge(reading, 1, Integer::sum);
            }
            sb.append("| ").append(c.cell().id()).append(" | ").append(c.runs().size()).append(" | ").append(f(dn[0], 3)).append(" [")
                    .append(f(dn[1], 3)).append(", ").append(f(dn[2], 3)).append("] | ").append(range(c, CollusionReadings::freshGain))
                    .append(" | ").append(range(c, CollusionReadings::shiftedGain)).append(" | ").append(range(c, CollusionReadings::scheduleGain)).append(" | ").append(range(c, CollusionReadings::constantGain))
                    .append(" | ").append(direction(deviationDirection(c.runs()))).append(" | ")
                    .append(direction(shiftDirection(c.runs()))).append(" | ").append(c.converged()).append("/")
                    .append(c.runs().size()).append(" | ")
                    .append(cellReading(counts, c.runs().size())).append(c.allConverged() ? "" : "; NOT CONVERGED").append(" |\n");
        }
        sb.append("\nSo far, over ").append(r.runs()).append(" runs: ").append(tally(total)).append(".\n\n");
        return sb.toString();
    }

    /** Smallest and largest of a per-run figure over the cell's runs ({@code n/a} when no run has it). */
    private static String range(CellResult c, java.util.function.ToDoubleFunction<JsonNode> figure) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (JsonNode run : c.runs()) {
            double g = figure.applyAsDouble(run);
            if (Double.isFinite(g)) {
                lo = Double.isNaN(lo) || g < lo ? g : lo;
                hi = Double.isNaN(hi) || g > hi ? g : hi;
            }
        }
        return Double.isNaN(lo) ? "n/a" : f(lo, 1) + " – " + f(hi, 1);
    }

    private static String direction(double[] d) {
        return d == null ? "n/a" : f(d[0], 1) + " / " + f(d[1], 1) + " (" + (d[2] >= 0 ? "+" : "") + f(d[2], 3) + ")";
    }

    /** One reading with its count when every run agrees, else each reading with its count. */
    static String cellReading(Map<Reading, Integer> counts, int runs) {
        if (counts.size() == 1) {
            Map.Entry<Reading, Integer> e = counts.entrySet().iterator().next();
            return e.getKey().text + " (" + e.getValue() + " of " + runs + " runs)";
        }
        return "mixed: " + tally(counts);
    }

    private static String tally(Map<Reading, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Reading, Integer> e : counts.entrySet()) {
            sb.append(sb.length() > 0 ? ", " : "").append(e.getValue()).append(" ").append(e.getKey().text);
        }
        return sb.toString();
    }
}
