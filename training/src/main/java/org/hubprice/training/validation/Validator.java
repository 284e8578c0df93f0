package org.hubprice.training.validation;

import java.util.List;
import org.hubprice.agents.Mode;
import org.hubprice.agents.baseline.RandomAgent;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.training.TrainingEnv;

/**
 * Plays policies on the fixed validation days: a set of training days chosen once from the
 * root seed (never held-out days), each with its own fixed seed, so every pass and every
 * policy faces the same arrivals, EV draws and battery start (common random numbers).
 */
public final class Validator {
    private final TrainingEnv env;
    private final long root;
    private final List<String> days;
    private final double[][] actions;

    /**
     * @param env the environment (its validation slots are fixed here)
     * @param root the run's root seed
     * @param days number of validation days wanted (fewer when the environment has fewer training days)
     */
    public Validator(TrainingEnv env, long root, int days) {
        this.env = env;
        this.root = root;
        this.days = List.copyOf(env.chooseValidationSlots(days, Seeds.derive(root, "validation-set")));
        this.actions = new double[env.agentCount()][];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = new double[env.actionSpace(i).dimension()];
        }
    }

    /** The validation days' labels (dates for the hub game). */
    public List<String> days() {
        return days;
    }

    /** Plays {@code policy} on every validation day. */
    public ValidationResult run(Policy policy) {
        int n = env.agentCount();
        double[] profit = new double[n];
        double[] multiplier = new double[n];
        double[] totals = new double[days.size()];
        long periods = 0;
        for (int slot = 0; slot < days.size(); slot++) {
            env.resetValidation(Seeds.derive(root, "validation", slot), slot);
            boolean done = false;
            while (!done) {
                for (int i = 0; i < n; i++) {
                    policy.act(i, env.observation(i), actions[i]);
                }
                done = env.step(actions);
                for (int i = 0; i < n; i++) {
                    double r = env.reward(i);
                    profit[i] += r;
                    totals[slot] += r;
                    multiplier[i] += env.multiplier(i);
                }
                periods++;
            }
        }
        for (int i = 0; i < n; i++) {
            profit[i] /= days.size();
            multiplier[i] /= Math.max(1, periods);
        }
        return new ValidationResult(profit, multiplier, totals);
    }

    /**
     * The fixed benchmarks, or {@code null} when some hub's action is not a one-dimensional
     * finite box (then there is no multiplier range to take the ends of).
     */
    public Benchmarks benchmarks() {
        int n = env.agentCount();
        double[] low = new double[n];
        double[] high = new double[n];
        RandomAgent[] random = new RandomAgent[n];
        for (int i = 0; i < n; i++) {
            Space s = env.actionSpace(i);
            if (!(s instanceof Box b) || b.dimension() != 1 || !Double.isFinite(b.low(0)) || !Double.isFinite(b.high(0))) {
                return null;
            }
            low[i] = b.low(0);
            high[i] = b.high(0);
            random[i] = new RandomAgent(env.observationSpace(i), s, Seeds.derive(root, "random-benchmark", i));
        }
        ValidationResult c = run((hub, obs, out) -> out[0] = low[hub]);
        ValidationResult m = run((hub, obs, out) -> out[0] = high[hub]);
        ValidationResult r = run((hub, obs, out) -> out[0] = random[hub].act(obs, Mode.EVAL)[0]);
        return new Benchmarks(c, m, r);
    }
}
