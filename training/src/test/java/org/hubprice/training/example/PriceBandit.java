package org.hubprice.training.example;

import java.util.SplittableRandom;
import org.hubprice.agents.Learner;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Transition;

/**
 * The worked example of a learner of your own ({@code agents/README.md} shows it from
 * {@code example:begin} to {@code example:end}; {@code ReadmeExamplesTest} checks the text and
 * {@code JavaTrainingTest} trains it): epsilon-greedy over eleven price multipliers, each valued
 * by the running mean of the rewards it earned.
 */
// example:begin
public final class PriceBandit implements Learner {
    private final double[] levels = new double[11];
    private final double[] value = new double[11];
    private final long[] count = new long[11];
    private final double[] action = new double[1];
    private final SplittableRandom rng;

    public PriceBandit(double low, double high, long seed) {
        for (int k = 0; k < levels.length; k++) {
            levels[k] = low + k * (high - low) / (levels.length - 1);
        }
        rng = new SplittableRandom(seed);
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        boolean explore = mode == Mode.TRAIN && rng.nextDouble() < 0.1;
        action[0] = levels[explore ? rng.nextInt(levels.length) : best()];
        return action;
    }

    @Override
    public void observe(Transition t) {
        int k = (int) Math.round((t.action()[0] - levels[0]) / (levels[1] - levels[0]));
        value[k] += (t.reward() - value[k]) / ++count[k];
    }

    public int best() {
        int b = 0;
        for (int k = 1; k < levels.length; k++) {
            b = value[k] > value[b] ? k : b;
        }
        return b;
    }
}
// example:end
