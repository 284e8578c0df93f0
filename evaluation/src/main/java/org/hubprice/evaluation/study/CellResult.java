package org.hubprice.evaluation.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.common.Quantiles;

/**
 * One cell's runs (their summaries) and the figures the page reports for it: the median Δ over
 * every held-out day of every seed with a two-level bootstrap interval (seeds resampled, then
 * days within each seed), Δ^N, markup, prices, gap, balking and exploitability as means over
 * seeds, and how many runs converged.
 */
public final class CellResult {
    /** Bootstrap resamples of the Δ interval. */
    public static final int RESAMPLES = 10_000;

    private final Cell cell;
    private final List<JsonNode> runs;

    CellResult(Cell cell, List<JsonNode> runs) {
        this.cell = cell;
        this.runs = List.copyOf(runs);
    }

    public Cell cell() {
        return cell;
    }

    public List<JsonNode> runs() {
        return runs;
    }

    /** Runs whose learning curve met the convergence rule. */
    public int converged() {
        int n = 0;
        for (JsonNode r : runs) {
            n += r.path("convergence").path("converged").asBoolean() ? 1 : 0;
        }
        return n;
    }

    /** Whether every run converged. */
    public boolean allConverged() {
        return !runs.isEmpty() && converged() == runs.size();
    }

    /** The smallest number of training episodes among the runs. */
    public long episodes() {
        return runs.stream().mapToLong(r -> r.path("episodes").asLong()).min().orElse(0);
    }

    /** Per seed, its days' values of held-out per-day series {@code key} ({@code delta}, {@code meanPrice}, ...), NaNs dropped. */
    public double[][] perDay(String key) {
        return perDay("heldOut", key);
    }

    /** The same from the summaries' block {@code block} ({@code heldOut}, {@code heldOutNodeDays}); a run without it has none. */
    private double[][] perDay(String block, String key) {
        double[][] out = new double[runs.size()][];
        for (int s = 0; s < runs.size(); s++) {
            List<Double> v = new ArrayList<>();
            for (JsonNode x : runs.get(s).path(block).path("perDay").path(key)) {
                if (x.isNumber()) {
                    v.add(x.asDouble());
                }
            }
            out[s] = v.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    /** All seeds' per-day values of {@code key}, pooled. */
    public double[] pooled(String key) {
        double[][] p = perDay(key);
        int n = 0;
        for (double[] s : p) {
            n += s.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] s : p) {
            System.arraycopy(s, 0, out, k, s.length);
            k += s.length;
        }
        return out;
    }

    /** Median of the pooled per-day Δ and its two-level percentile bootstrap 95 % interval: {@code [median, lo, hi]}. */
    public double[] medianDelta() {
        return medianWithInterval("delta", "study-delta-");
    }

    /** The same for Δ^N, the index against the stage-game Nash profit. */
    public double[] medianDeltaNash() {
        return medianWithInterval("deltaNash", "study-deltaNash-");
    }

    /**
     * Median of the pooled per-day series {@code key} and its two-level percentile bootstrap 95 %
     * interval {@code [median, lo, hi]}: each resample draws as many seeds as there are, with
     * replacement, and from each drawn seed as many of its days, with replacement (days of one
     * seed are not independent of each other's seed). The resampling stream is named by the
     * series and the cell, so adding a series or a cell leaves the others' intervals unchanged.
     */
    private double[] medianWithInterval(String key, String streamPrefix) {
        return medianWithInterval(perDay(key), streamPrefix);
    }

    /**
     * {@link #medianWithInterval(String, String)} of per-seed values. Seeds without values are left
     * out (a run without node days, say); with every seed holding values the draws are the ones
     * this method always made, so the committed intervals are unchanged.
     */
    private double[] medianWithInterval(double[][] perSeed, String streamPrefix) {
        double[][] seeds = java.util.Arrays.stream(perSeed).filter(v -> v.length > 0).toArray(double[][]::new);
        double[] all = java.util.Arrays.stream(seeds).flatMapToDouble(java.util.Arrays::stream).toArray();
        if (all.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        SplittableRandom rng = Seeds.stream(0, streamPrefix + cell.id());
        double[] stats = new double[RESAMPLES];
        double[] sample = new double[all.length * 2];
        for (int b = 0; b < RESAMPLES; b++) {
            int k = 0;
            for (int s = 0; s < seeds.length; s++) {
                double[] chosen = seeds[rng.nextInt(seeds.length)];
                if (k + chosen.length > sample.length) {
                    sample = java.util.Arrays.copyOf(sample, 2 * (k + chosen.length));
                }
                for (int d = 0; d < chosen.length; d++) {
                    sample[k++] = chosen[rng.nextInt(chosen.length)];
                }
            }
            stats[b] = k > 0 ? Quantiles.median(java.util.Arrays.copyOf(sample, k)) : Double.NaN;
        }
        double[] sorted = stats.clone();
        java.util.Arrays.sort(sorted);
        return new double[] {Quantiles.median(all), Quantiles.ofSorted(sorted, 0.025), Quantiles.ofSorted(sorted, 0.975)};
    }

    /** Runs also played on the market node's own prices for their held-out dates ({@code heldOutNodeDays}). */
    public int nodeDayRuns() {
        return (int) runs.stream().filter(r -> r.has("heldOutNodeDays")).count();
    }

    /**
     * Median Δ over the node's own days (every run that has them) with the two-level interval:
     * the same policies, the same dates, the node's prices instead of the synthetic year's.
     */
    public double[] medianDeltaNodeDays() {
        return medianWithInterval(perDay("heldOutNodeDays", "delta"), "study-nodeDays-");
    }

    /**
     * The paired change, date by date: Δ on the node's day minus Δ on the run's own held-out day of
     * the same date (dates both have), median with the two-level interval; what the node's prices
     * alone do to the index of policies trained on the synthetic year.
     */
    public double[] pairedNodeDayChange() {
        return medianWithInterval(pairedNodeDayChanges(), "study-nodeDayChange-");
    }

    /** The smallest and the largest single-date change in {@link #pairedNodeDayChange()} (NaN when none). */
    public double[] pairedNodeDayExtremes() {
        double[] all = java.util.Arrays.stream(pairedNodeDayChanges()).flatMapToDouble(java.util.Arrays::stream).toArray();
        return all.length == 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {java.util.Arrays.stream(all).min().getAsDouble(), java.util.Arrays.stream(all).max().getAsDouble()};
    }

    /**
     * Per run, Δ on the node's day minus Δ on the run's own day, for the dates both have; none
     * for a run whose two evaluations drew a different number of demand replications.
     */
    private double[][] pairedNodeDayChanges() {
        double[][] v = new double[runs.size()][];
        for (int s = 0; s < v.length; s++) {
            JsonNode own = runs.get(s).path("heldOut").path("perDay");
            JsonNode nodeDays = runs.get(s).path("heldOutNodeDays");
            JsonNode node = nodeDays.path("perDay");
            List<Double> d = new ArrayList<>();
            if (nodeDays.path("replications").asInt(-1) == runs.get(s).path("heldOut").path("replications").asInt(-2)) {
                java.util.Map<String, Double> ownByDate = new java.util.HashMap<>();
                for (int k = 0; k < own.path("date").size(); k++) {
                    if (own.path("date").path(k).isTextual() && own.path("delta").path(k).isNumber()) {
                        ownByDate.put(own.path("date").path(k).asText(), own.path("delta").path(k).asDouble());
                    }
                }
                for (int k = 0; k < node.path("date").size(); k++) {
                    Double o = node.path("date").path(k).isTextual() ? ownByDate.get(node.path("date").path(k).asText()) : null;
                    if (o != null && node.path("delta").path(k).isNumber()) {
                        d.add(node.path("delta").path(k).asDouble() - o);
                    }
                }
            }
            v[s] = d.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return v;
    }

    /** Mean over runs of a held-out number at {@code path} (e.g. {@code markup}, {@code deltaNash/median}). */
    public double mean(String path) {
        double s = 0;
        int n = 0;
        for (JsonNode r : runs) {
            JsonNode v = r.path("heldOut");
            for (String p : path.split("/")) {
                v = v.path(p);
            }
            if (v.isNumber()) {
                s += v.asDouble();
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /** Mean over runs and hubs of the mean price, $/MWh. */
    public double meanPrice() {
        double s = 0;
        int n = 0;
        for (JsonNode r : runs) {
            for (JsonNode p : r.path("heldOut").path("meanPricePerHub")) {
                s += p.asDouble();
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /** Mean over runs of the larger hourly-best-response exploitability of the two hubs, %. */
    public double exploitability() {
        double s = 0;
        int n = 0;
        for (JsonNode r : runs) {
            double worst = Double.NaN;
            for (JsonNode h : r.path("heldOut").path("exploitability")) {
                double v = h.path("profilePercent").asDouble(Double.NaN);
                worst = Double.isNaN(worst) ? v : Math.max(worst, v);
            }
            if (Double.isFinite(worst)) {
                s += worst;
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /** Mean over runs of the training time per 1,000 episodes, seconds. */
    public double secondsPer1000Episodes() {
        return runs.stream().mapToDouble(r -> r.path("secondsPer1000Episodes").asDouble()).average().orElse(Double.NaN);
    }

    /**
     * Mean over runs of the core time per 1,000 episodes (wall time times the threads that
     * updated the hubs), seconds; a summary written before runs recorded it ran on one core, so
     * its wall time is its core time.
     */
    public double coreSecondsPer1000Episodes() {
        return runs.stream().mapToDouble(r -> r.has("coreSecondsPer1000Episodes") ? r.path("coreSecondsPer1000Episodes").asDouble()
                : r.path("secondsPer1000Episodes").asDouble()).average().orElse(Double.NaN);
    }
}
