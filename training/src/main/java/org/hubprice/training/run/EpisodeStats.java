package org.hubprice.training.run;

import java.util.Arrays;
import org.hubprice.env.api.VectorEnv;

/**
 * One episode's sums per hub (reward, mean multiplier, EVs served and balked) and the
 * running means of reward and multiplier over the last {@code window} episodes, for the progress
 * display. Metrics an environment does not report count as NaN (multiplier) or 0.
 */
public final class EpisodeStats {
    final int hubs;
    final double[] reward;
    final double[] multiplier;
    final long[] served;
    final long[] balked;
    private final int multiplierMetric;
    private final int servedMetric;
    private final int balkedMetric;
    private int steps;
    private final int window;
    private final double[][] recentReward;
    private final double[][] recentMultiplier;
    private final double[] recentRewardSum;
    private final double[] recentMultiplierSum;
    private long recorded;

    public EpisodeStats(VectorEnv env, int window) {
        this.hubs = env.agentCount();
        reward = new double[hubs];
        multiplier = new double[hubs];
        served = new long[hubs];
        balked = new long[hubs];
        multiplierMetric = env.metricNames().indexOf("multiplier");
        servedMetric = env.metricNames().indexOf("served");
        balkedMetric = env.metricNames().indexOf("balked");
        this.window = window;
        recentReward = new double[hubs][window];
        recentMultiplier = new double[hubs][window];
        recentRewardSum = new double[hubs];
        recentMultiplierSum = new double[hubs];
    }

    /** Clears the episode sums. */
    public void begin() {
        Arrays.fill(reward, 0);
        Arrays.fill(multiplier, 0);
        Arrays.fill(served, 0);
        Arrays.fill(balked, 0);
        steps = 0;
    }

    /** Adds the step copy {@code copy} of {@code env} just played. */
    public void addStep(VectorEnv env, int copy) {
        for (int i = 0; i < hubs; i++) {
            reward[i] += env.reward(copy, i);
            multiplier[i] += multiplierMetric >= 0 ? env.metric(copy, i, multiplierMetric) : Double.NaN;
            served[i] += servedMetric >= 0 ? (long) env.metric(copy, i, servedMetric) : 0;
            balked[i] += balkedMetric >= 0 ? (long) env.metric(copy, i, balkedMetric) : 0;
        }
        steps++;
    }

    /** Ends episode {@code episode} (1-based count of episodes done): multipliers become means, the recent window moves on. */
    public void end(long episode) {
        for (int i = 0; i < hubs; i++) {
            multiplier[i] /= Math.max(1, steps);
        }
        record(episode, reward, multiplier);
    }

    /** Adds episode {@code episode}'s reward and mean multiplier to the recent window (also used to rebuild it on resume). */
    public void record(long episode, double[] rewards, double[] multipliers) {
        int slot = (int) ((episode - 1) % window);
        for (int i = 0; i < hubs; i++) {
            recentRewardSum[i] += rewards[i] - recentReward[i][slot];
            recentReward[i][slot] = rewards[i];
            recentMultiplierSum[i] += multipliers[i] - recentMultiplier[i][slot];
            recentMultiplier[i][slot] = multipliers[i];
        }
        recorded = Math.max(recorded, episode);
    }

    /** The episode's total reward over all hubs. */
    public double total() {
        double s = 0;
        for (double r : reward) {
            s += r;
        }
        return s;
    }

    /** Episodes in the recent window. */
    public int recentCount() {
        return (int) Math.min(recorded, window);
    }

    /** Mean reward of hub {@code i} over the recent window (call only with {@link #recentCount()} > 0). */
    public double recentReward(int i) {
        return recentRewardSum[i] / recentCount();
    }

    /** Mean multiplier of hub {@code i} over the recent window. */
    public double recentMultiplier(int i) {
        return recentMultiplierSum[i] / recentCount();
    }

    /** Episode sums, read-only views for the metrics file. */
    public double[] reward() {
        return reward;
    }

    public double[] multiplier() {
        return multiplier;
    }

    public long[] served() {
        return served;
    }

    public long[] balked() {
        return balked;
    }
}
