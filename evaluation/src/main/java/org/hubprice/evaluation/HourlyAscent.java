package org.hubprice.evaluation;

/**
 * Coordinate ascent over 24 hourly levels on a price grid, each evaluation a whole day: the
 * search behind the monopoly benchmark and the best responses. Hours interact through the
 * battery (and the random streams), so profits are never split by hour.
 *
 * <p>A sweep visits hours 0..23. A pattern sweep moves an hour's level by ±{@code coarse} while
 * that improves, then by ±1 (2 evaluations per hour at a local optimum); an exhaustive sweep
 * tries every level of every hour. {@link #climb} runs pattern sweeps to a local optimum and,
 * when asked, exhaustive sweeps after them, until a sweep changes nothing (a coordinate-wise
 * optimum on the whole grid) or the sweep limit. An improvement must exceed
 * {@code 1e-12 · max(1, |objective|)}, so the search never cycles.
 */
public final class HourlyAscent {
    /** The day's objective of a level schedule (larger is better). */
    @FunctionalInterface
    public interface Objective {
        double value(int[] levels);
    }

    /**
     * The levels worth trying in hour t of schedule {@code k} in an exhaustive sweep: a subset
     * that contains, for every level left out, a level at least as good (for example the top of
     * a run of levels with the same outcome). Null tries every level.
     */
    @FunctionalInterface
    public interface Candidates {
        int[] levels(int[] k, int t);
    }

    /** How a climb ended. */
    public record Outcome(double best, int sweeps, boolean converged) {}

    private final Objective objective;
    private final int levels;
    private Candidates candidates;
    private final int coarse;
    private int evaluations;

    public HourlyAscent(Objective objective, int levels) {
        this.objective = objective;
        this.levels = levels;
        this.coarse = Math.max(1, (levels - 1) / 10);
    }

    /** Restricts exhaustive sweeps to {@code c}'s levels (null: every level). */
    public HourlyAscent optCandidates(Candidates c) {
        this.candidates = c;
        return this;
    }

    /** Evaluations so far. */
    public int evaluations() {
        return evaluations;
    }

    /** The coarse step (about a tenth of the grid). */
    public int coarse() {
        return coarse;
    }

    /** Evaluates {@code k} (counted). */
    public double evaluate(int[] k) {
        evaluations++;
        return objective.value(k);
    }

    /** Whether {@code candidate} beats {@code incumbent} by more than the relative tolerance. */
    public static boolean improves(double candidate, double incumbent) {
        if (incumbent == Double.NEGATIVE_INFINITY) {
            return true;
        }
        return candidate > incumbent + 1e-12 * Math.max(1.0, Math.abs(incumbent));
    }

    /**
     * Climbs from {@code k} (modified in place; its value is {@code best}): pattern sweeps, then
     * (with {@code exhaustive}) sweeps over every level, each stage at most {@code maxSweeps}.
     */
    public Outcome climb(int[] k, double best, boolean exhaustive, int maxSweeps) {
        int sweeps = 0;
        boolean converged = false;
        for (boolean full : exhaustive ? new boolean[] {false, true} : new boolean[] {false}) {
            converged = false;
            for (int stageSweeps = 0; stageSweeps < maxSweeps; stageSweeps++) {
                sweeps++;
                boolean moved = false;
                for (int t = 0; t < k.length; t++) {
                    double before = best;
                    best = full ? exhaustiveHour(k, t, best) : patternHour(k, t, best);
                    moved |= best != before;
                }
                if (!moved) {
                    converged = true;
                    break;
                }
            }
        }
        return new Outcome(best, sweeps, converged);
    }

    private double patternHour(int[] k, int t, double best) {
        for (int step : coarse > 1 ? new int[] {coarse, 1} : new int[] {1}) {
            int direction = 0;
            while (true) {
                int from = k[t];
                double bestHere = best;
                int bestLevel = from;
                int bestDirection = 0;
                for (int d : direction == 0 ? new int[] {1, -1} : new int[] {direction}) {
                    int level = from + d * step;
                    if (level < 0 || level >= levels) {
                        continue;
                    }
                    k[t] = level;
                    double v = evaluate(k);
                    if (improves(v, bestHere)) {
                        bestHere = v;
                        bestLevel = level;
                        bestDirection = d;
                    }
                }
                k[t] = bestLevel;
                if (bestLevel == from) {
                    break;
                }
                best = bestHere;
                direction = bestDirection; // keep climbing the same way; the way back is known to be worse
            }
        }
        return best;
    }

    private double exhaustiveHour(int[] k, int t, double best) {
        int from = k[t];
        int bestLevel = from;
        int[] tries = candidates == null ? null : candidates.levels(k, t);
        k[t] = from;
        for (int j = 0; j < (tries == null ? levels : tries.length); j++) {
            int level = tries == null ? j : tries[j];
            if (level == from) {
                continue;
            }
            k[t] = level;
            double v = evaluate(k);
            if (improves(v, best)) {
                best = v;
                bestLevel = level;
            }
        }
        k[t] = bestLevel;
        return best;
    }
}
