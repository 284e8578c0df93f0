package org.hubprice.evaluation.equilibrium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.HourlyAscent;
import org.hubprice.evaluation.ParallelWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fourth deviation of {@link BestResponseAnalysis}: the hub keeps its own learned policy and
 * adds one offset per hour of the day to the multiplier it chooses. The deviation sees what the
 * policy sees (its observation and the hour), so it reacts to each day's conditions, and to each
 * draw's, as the learned policy does, and a policy could play it; the schedule for every day
 * reacts to nothing, and the per-day profiles know each day's prices in advance but not the
 * draws. It answers the question those leave open: can a deviation a policy could play exploit
 * the learned prices? (It can also beat the per-day profiles, which are fixed for the day.)
 *
 * <p><b>Fitting and testing on different days.</b> Two fits: one on the evaluated days 0, 2, 4,
 * ... (in the evaluation's order), one on days 1, 3, 5, ..., each with the evaluation's
 * replications, by coordinate ascent over offsets of {@code −RANGE..+RANGE} grid steps (pattern
 * sweeps, then sweeps over every offset, from the better of no offset and the per-day profiles'
 * mean shift on the fit's days). Each fit is one policy, tested on the other half's days with
 * fresh replications ({@code best-response-check}); the cross-fitted gain scores every day with
 * the fit that did not see it, so neither the day's outcome nor its draws chose the offsets
 * (the profiles behind the starting point started from the best constant over all days, a weak
 * link). Its interval is a bootstrap over days and leaves out the variability of the fit itself.
 */
final class ShiftedPolicyDeviation {
    private static final Logger LOG = LoggerFactory.getLogger(ShiftedPolicyDeviation.class);
    /** A progress line every this many evaluations of a fit (one evaluation plays half of the days). */
    private static final int LOG_EVERY = 100;
    /** The largest offset tried, in grid steps (0.25 in multiplier on the default grid of 0.01). */
    static final int RANGE = 25;
    /**
     * The most sweeps of each stage of a fit: pattern sweeps (4 evaluations per hour at a local
     * optimum: ±5 steps, then ±1), then sweeps over every offset (50 per hour). On
     * {@code sac-ff_sac-ff} seed 1, hub 1, the pattern stage alone stopped at an in-sample gain of
     * 8.3 % on one half where the whole-grid sweeps reached 11.4 %, in 6 of them, and the
     * cross-fitted gain rose from 5.2 % to 6.1 %.
     */
    static final int MAX_SWEEPS = 8;

    /** One fit: offsets (grid steps per hour) fitted on the days of one half. */
    record Fit(int[] offsets, double fitted, double learned, int evaluations, int sweeps, boolean converged) {}

    final int hubs;
    final int days;
    final double step;
    /** Per hub and half: the fit on that half's days. */
    final Fit[][] fits;
    /** Per hub and day: the profit summed over the fresh replications with the other half's offsets. */
    final double[][] crossFitted;

    private ShiftedPolicyDeviation(int hubs, int days, double step) {
        this.hubs = hubs;
        this.days = days;
        this.step = step;
        fits = new Fit[hubs][2];
        crossFitted = new double[hubs][days];
    }

    /** Whether the days can be split into two halves that both hold a day. */
    static boolean applicable(int days) {
        return days >= 2;
    }

    /** The half (0 or 1) that day index {@code d} belongs to. */
    static int half(int d) {
        return d % 2;
    }

    /** Fits and tests the deviation for every analysed hub ({@code b} holds the learned play and the per-day profiles). */
    static ShiftedPolicyDeviation run(List<BestResponseSearch> workers, BestResponseResult.Builder b, long[] seeds, long[] check) {
        int hn = b.hubs.size();
        int n = b.days.length;
        double step = (b.grid[b.grid.length - 1] - b.grid[0]) / (b.grid.length - 1);
        ShiftedPolicyDeviation s = new ShiftedPolicyDeviation(hn, n, step);
        ParallelWorkers.run(workers, hn * 2, (w, task) -> {
            int j = task / 2;
            s.fits[j][task % 2] = fit(w, b, j, task % 2, seeds, step);
        }, "best response, own policy shifted per hour (fits):");
        ParallelWorkers.run(workers, hn * n, (w, task) -> {
            int j = task / n;
            int d = task % n;
            s.crossFitted[j][d] = w.playShifted(b.days[d], check, b.hubs.get(j), s.fits[j][1 - half(d)].offsets(), step);
        }, "best response, own policy shifted per hour (tests on the other half's days):");
        return s;
    }

    private static Fit fit(BestResponseSearch w, BestResponseResult.Builder b, int j, int half, long[] seeds, double step) {
        int hub = b.hubs.get(j);
        List<Integer> fitDays = new ArrayList<>();
        for (int d = 0; d < b.days.length; d++) {
            if (half(d) == half) {
                fitDays.add(d);
            }
        }
        double learned = 0;
        for (int d : fitDays) {
            learned += b.learned[j][d];
        }
        double base = learned;
        double[] bestSoFar = {Double.NEGATIVE_INFINITY};
        int[] count = {0};
        HourlyAscent ascent = new HourlyAscent(k -> {
            int[] offsets = offsets(k);
            double v = 0;
            for (int d : fitDays) {
                v += w.playShifted(b.days[d], seeds, hub, offsets, step);
            }
            bestSoFar[0] = Math.max(bestSoFar[0], v);
            if (++count[0] % LOG_EVERY == 0) {
                LOG.info("best response, own policy shifted per hour: {} fitted on half {}, {} evaluations, best gain so far {} %",
                        b.agents.get(hub), half, count[0], String.format(java.util.Locale.ROOT, "%.2f", 100 * (bestSoFar[0] - base)
                                / Math.abs(base)));
            }
            return v;
        }, 2 * RANGE + 1);
        int[] zero = new int[HubPricingEnv.PERIODS];
        java.util.Arrays.fill(zero, RANGE);
        int[] best = zero;
        double value = ascent.evaluate(zero);
        int[] mean = meanShift(b, j, fitDays, step);
        if (!java.util.Arrays.equals(mean, zero)) {
            double v = ascent.evaluate(mean);
            if (HourlyAscent.improves(v, value)) {
                best = mean;
                value = v;
            }
        }
        HourlyAscent.Outcome o = ascent.climb(best, value, true, MAX_SWEEPS);
        return new Fit(offsets(best), o.best(), learned, ascent.evaluations(), o.sweeps(), o.converged());
    }

    /** Ascent coordinates (0..2·RANGE) as offsets in grid steps. */
    private static int[] offsets(int[] k) {
        int[] o = new int[k.length];
        for (int t = 0; t < k.length; t++) {
            o[t] = k[t] - RANGE;
        }
        return o;
    }

    /** Per hour, the mean over {@code fitDays} of the profile's multiplier minus the learned one, in grid steps (as ascent coordinates). */
    private static int[] meanShift(BestResponseResult.Builder b, int j, List<Integer> fitDays, double step) {
        int[] k = new int[HubPricingEnv.PERIODS];
        for (int t = 0; t < k.length; t++) {
            double shift = 0;
            for (int d : fitDays) {
                shift += (b.grid[b.profiles[j][d].levels()[t]] - b.learnedMultipliers[j][d][t]) / fitDays.size();
            }
            k[t] = RANGE + (int) Math.max(-RANGE, Math.min(RANGE, Math.round(shift / step)));
        }
        return k;
    }

    /** The j-th hub's part of the JSON ({@code shiftedPolicy}); {@code interval} is the result's bootstrap over days. */
    Map<String, Object> toMap(int j, double[] checkLearned, java.util.function.BiFunction<double[], double[], Object> interval) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] all = new double[days];
        for (int d = 0; d < days; d++) {
            all[d] = d;
        }
        m.put("crossFittedExploitabilityPercent", BestResponseResult.gain(checkLearned, crossFitted[j], all));
        m.put("crossFittedCi95", interval.apply(checkLearned, crossFitted[j]));
        List<Map<String, Object>> halves = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            Fit f = fits[j][half];
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("fittedOn", half == 0 ? "the evaluation's days 1, 3, 5, ... (counting from 1)" : "the evaluation's days 2, 4, 6, ... (counting from 1)");
            List<Double> offsets = new ArrayList<>();
            for (int o : f.offsets()) {
                offsets.add(o * step);
            }
            e.put("offsetPerHour", offsets);
            e.put("inSampleExploitabilityPercent", Math.abs(f.learned()) > 0 ? 100 * (f.fitted() - f.learned()) / Math.abs(f.learned()) : null);
            // this fit alone, one policy, on the days it did not see, with fresh draws
            double[] other = new double[days];
            int n = 0;
            for (int d = 0; d < days; d++) {
                if (half(d) != half) {
                    other[n++] = d;
                }
            }
            e.put("otherHalfFreshExploitabilityPercent", BestResponseResult.gain(checkLearned, crossFitted[j],
                    java.util.Arrays.copyOf(other, n)));
            e.put("evaluations", f.evaluations());
            e.put("sweeps", f.sweeps());
            e.put("converged", f.converged());
            halves.add(e);
        }
        m.put("fits", halves);
        return m;
    }
}
