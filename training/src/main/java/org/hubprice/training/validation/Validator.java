package org.hubprice.training.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.agents.Mode;
import org.hubprice.agents.baseline.RandomAgent;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.VectorEnv;

/**
 * Plays policies on the fixed validation days: a set of training days chosen once from the
 * root seed (never held-out days), each with its own fixed seed, so every pass and every
 * policy faces the same arrivals, EV draws and battery start (common random numbers). For a
 * game without fixed scenarios, validation slot {@code j} is the fixed start {@code j}.
 * Episodes are played through the {@link Rollout} engine on copy 0.
 */
public final class Validator {
    private final VectorEnv env;
    private final Rollout rollout;
    private final long root;
    private final int[] scenarios;
    private final List<String> days;
    private final int multiplierMetric;

    /**
     * @param env the environment
     * @param root the run's root seed
     * @param days number of validation days wanted (fewer when the environment has fewer training days)
     */
    public Validator(VectorEnv env, long root, int days) {
        this.env = env;
        this.rollout = new Rollout(env);
        this.root = root;
        this.scenarios = choose(env, days, Seeds.derive(root, "validation-set"));
        List<String> labels = new ArrayList<>();
        for (int s : scenarios) {
            labels.add(env.scenarioLabel(s));
        }
        this.days = List.copyOf(labels);
        this.multiplierMetric = env.metricNames().indexOf("multiplier");
    }

    /**
     * Up to {@code count} distinct training scenarios drawn with {@code seed} (partial
     * Fisher-Yates), sorted so the set reads by date; {@code 0..count-1} for a game without any.
     */
    static int[] choose(VectorEnv env, int count, long seed) {
        int[] training = env.trainingScenarios();
        if (training.length == 0) {
            int[] slots = new int[count];
            for (int j = 0; j < count; j++) {
                slots[j] = j;
            }
            return slots;
        }
        int n = Math.min(count, training.length);
        int[] pool = training.clone();
        SplittableRandom r = Seeds.stream(seed, "validation-days");
        for (int k = 0; k < n; k++) {
            int j = k + r.nextInt(pool.length - k);
            int tmp = pool[k];
            pool[k] = pool[j];
            pool[j] = tmp;
        }
        int[] chosen = java.util.Arrays.copyOf(pool, n);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    /** The validation days' labels (dates for the hub game). */
    public List<String> days() {
        return days;
    }

    /** Plays {@code policy} on every validation day. */
    public ValidationResult run(HubActions policy) {
        int n = env.agentCount();
        double[] profit = new double[n];
        double[] multiplier = new double[n];
        double[] totals = new double[days.size()];
        long[] periods = new long[1];
        Rollout.Actor actor = (copy, step, actions) -> {
            for (int i = 0; i < n; i++) {
                policy.act(i, env.observation(copy, i), actions[i]);
            }
        };
        for (int slot = 0; slot < scenarios.length; slot++) {
            int s = slot;
            rollout.episode(0, Seeds.derive(root, "validation", slot), scenarios[slot], actor, (copy, step, actions, done) -> {
                for (int i = 0; i < n; i++) {
                    double r = env.reward(copy, i);
                    profit[i] += r;
                    totals[s] += r;
                    multiplier[i] += multiplierMetric >= 0 ? env.metric(copy, i, multiplierMetric) : Double.NaN;
                }
                periods[0]++;
                return true;
            });
        }
        for (int i = 0; i < n; i++) {
            profit[i] /= days.size();
            multiplier[i] /= Math.max(1, periods[0]);
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
