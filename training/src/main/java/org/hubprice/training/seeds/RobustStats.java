package org.hubprice.training.seeds;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hubprice.common.Quantiles;
import org.hubprice.common.Seeds;

/**
 * Across-run statistics after Agarwal et al. (2021, "Deep RL at the edge of the statistical
 * precipice"): the interquartile mean (IQM: the mean of the middle 50 % of all scores, cutting
 * {@code floor(n/4)} from each end as {@code scipy.stats.trim_mean(x, 0.25)} does) and its
 * stratified percentile-bootstrap interval, which resamples runs with replacement within each
 * task (stratum) and recomputes the IQM over all tasks.
 */
public final class RobustStats {
    private RobustStats() {}

    /** The interquartile mean of {@code values} (NaN when empty). */
    public static double iqm(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int cut = (int) Math.floor(0.25 * n);
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += s[i];
        }
        return sum / (n - 2 * cut);
    }

    /** The IQM over every run of every task ({@code scores[task][run]}). */
    public static double iqm(double[][] scores) {
        return iqm(flatten(scores));
    }

    /**
     * The stratified percentile-bootstrap interval of the IQM: each resample draws, for every
     * task, as many runs as it has, with replacement from that task's runs.
     *
     * @param scores {@code scores[task][run]}; a task with no runs is skipped
     * @param resamples at least 100
     * @param level coverage in (0, 1)
     * @return {@code [lo, hi]}, or NaNs when there are no scores
     */
    public static double[] iqmInterval(double[][] scores, int resamples, double level, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples = " + resamples + " is too few for a percentile interval; use at least 100");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("bootstrap level = " + level + " must be in (0, 1), e.g. 0.95");
        }
        double[] all = flatten(scores);
        if (all.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom rng = Seeds.stream(seed, "stratified-bootstrap");
        double[] sample = new double[all.length];
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int k = 0;
            for (double[] task : scores) {
                for (int r = 0; r < task.length; r++) {
                    sample[k++] = task[rng.nextInt(task.length)];
                }
            }
            stats[b] = iqm(sample);
        }
        Arrays.sort(stats);
        return new double[] {Quantiles.ofSorted(stats, (1 - level) / 2), Quantiles.ofSorted(stats, (1 + level) / 2)};
    }

    private static double[] flatten(double[][] scores) {
        int n = 0;
        for (double[] t : scores) {
            n += t.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] t : scores) {
            System.arraycopy(t, 0, all, k, t.length);
            k += t.length;
        }
        return all;
    }
}
