package org.hubprice.evaluation.equilibrium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.stats.Bootstrap;

/**
 * What {@link BestResponseAnalysis} found, per hub analysed: learned profit, the best constant
 * multiplier and the best hourly profiles with their profits, the exploitability of each (gain
 * in % of the learned profit, percentile-bootstrap interval over days) in sample and on fresh
 * replications, and the learned and best-response multipliers and prices per hour. Profits are
 * $ per day (means over replications and days).
 */
public final class BestResponseResult {
    private final Builder b;

    private BestResponseResult(Builder b) {
        this.b = b;
    }

    /** The hubs analysed (indices). */
    public List<Integer> hubs() {
        return b.hubs;
    }

    /** Mean learned profit per day of the j-th analysed hub. */
    public double learnedProfit(int j) {
        return mean(b.learned[j]) / b.options.replications();
    }

    /** Mean profit per day of the j-th hub at the best constant multiplier. */
    public double constantProfit(int j) {
        double s = 0;
        for (double[] c : b.constants[j]) {
            s += c[b.constantLevel[j]];
        }
        return s / b.days.length / b.options.replications();
    }

    /** Mean profit per day of the j-th hub with its best hourly profiles. */
    public double profileProfit(int j) {
        double s = 0;
        for (BestResponseSearch.Profile p : b.profiles[j]) {
            s += p.value();
        }
        return s / b.days.length / b.options.replications();
    }

    /** The best constant multiplier of the j-th hub. */
    public double constantMultiplier(int j) {
        return b.grid[b.constantLevel[j]];
    }

    /** Exploitability (%) of the j-th hub by the hourly profiles, in sample. */
    public double profileExploitability(int j) {
        return gain(b.learned[j], profileValues(j), allDays());
    }

    /** Exploitability (%) of the j-th hub by the best constant, in sample. */
    public double constantExploitability(int j) {
        return gain(b.learned[j], constantValues(j), allDays());
    }

    /** Mean over days of the j-th hub's best-response multiplier in hour t. */
    public double profileMultiplier(int j, int t) {
        double s = 0;
        for (BestResponseSearch.Profile p : b.profiles[j]) {
            s += b.grid[p.levels()[t]];
        }
        return s / b.days.length;
    }

    /** Mean over days of the j-th hub's learned multiplier in hour t. */
    public double learnedMultiplier(int j, int t) {
        double s = 0;
        for (double[] m : b.learnedMultipliers[j]) {
            s += m[t];
        }
        return s / b.days.length;
    }

    /** Mean over days of the j-th hub's learned price in hour t, $/MWh. */
    public double learnedPrice(int j, int t) {
        double s = 0;
        for (int d = 0; d < b.days.length; d++) {
            s += b.learnedMultipliers[j][d][t] * reference(d, t);
        }
        return s / b.days.length;
    }

    /** Mean over days of the j-th hub's best-response price in hour t, $/MWh. */
    public double profilePrice(int j, int t) {
        double s = 0;
        for (int d = 0; d < b.days.length; d++) {
            s += b.grid[b.profiles[j][d].levels()[t]] * reference(d, t);
        }
        return s / b.days.length;
    }

    private double reference(int d, int t) {
        MarketDay m = b.scenarios.days().get(b.days[d]);
        return Math.max(Math.min(m.dayAhead(t), m.realTime(t)), b.scenarios.config().pricing().floor());
    }

    private double[] profileValues(int j) {
        double[] v = new double[b.days.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = b.profiles[j][d].value();
        }
        return v;
    }

    private double[] constantValues(int j) {
        double[] v = new double[b.days.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = b.constants[j][d][b.constantLevel[j]];
        }
        return v;
    }

    private double[] allDays() {
        double[] idx = new double[b.days.length];
        for (int d = 0; d < idx.length; d++) {
            idx[d] = d;
        }
        return idx;
    }

    /** 100 · (Σ better − Σ base) / |Σ base| over the day indices {@code idx} (a bootstrap sample when resampled). */
    static double gain(double[] base, double[] better, double[] idx) {
        double sb = 0;
        double sr = 0;
        for (double x : idx) {
            int d = (int) x;
            sb += base[d];
            sr += better[d];
        }
        return Math.abs(sb) > 0 ? 100.0 * (sr - sb) / Math.abs(sb) : Double.NaN;
    }

    private List<Object> interval(double[] base, double[] better) {
        EvaluationOptions o = b.options;
        double[] ci = Bootstrap.interval(allDays(), idx -> gain(base, better, idx), o.bootstrapResamples(), o.confidence(), o.seed());
        List<Object> l = new ArrayList<>();
        for (double v : ci) {
            l.add(Double.isFinite(v) ? v : null);
        }
        return l;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** As an ordered map for JSON ({@code bestResponse} in summary.json, or best-response.json). */
    public Map<String, Object> toMap() {
        int reps = b.options.replications();
        List<Map<String, Object>> hubs = new ArrayList<>();
        for (int j = 0; j < b.hubs.size(); j++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("hub", b.agents.get(b.hubs.get(j)));
            h.put("learnedProfitPerDay", learnedProfit(j));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("multiplier", constantMultiplier(j));
            c.put("profitPerDay", constantProfit(j));
            c.put("exploitabilityPercent", constantExploitability(j));
            c.put("ci95", interval(b.learned[j], constantValues(j)));
            h.put("constant", c);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("profitPerDay", profileProfit(j));
            p.put("exploitabilityPercent", profileExploitability(j));
            p.put("ci95", interval(b.learned[j], profileValues(j)));
            int converged = 0;
            double evals = 0;
            for (BestResponseSearch.Profile x : b.profiles[j]) {
                converged += x.converged() ? 1 : 0;
                evals += x.evaluations();
            }
            p.put("daysConverged", converged);
            p.put("meanEvaluationsPerDay", evals / b.days.length);
            h.put("profile", p);
            Map<String, Object> sch = new LinkedHashMap<>();
            int choice = b.scheduleChoice[j];
            double[] schedule = b.candidateValues[j][choice];
            List<Double> levels = new ArrayList<>();
            for (int k : b.candidates[j][choice]) {
                levels.add(b.grid[k]);
            }
            sch.put("source", choice == 0 ? "the profiles' hourly mean" : "the profile of " + b.scenarios.days().get(b.days[choice - 1]).date());
            sch.put("multipliers", levels);
            sch.put("profitPerDay", mean(schedule) / reps);
            sch.put("exploitabilityPercent", gain(b.learned[j], schedule, allDays()));
            sch.put("ci95", interval(b.learned[j], schedule));
            sch.put("candidates", b.candidates[j].length);
            h.put("schedule", sch);
            Map<String, Object> oos = new LinkedHashMap<>();
            oos.put("learnedProfitPerDay", mean(b.checkLearned[j]) / reps);
            oos.put("constantProfitPerDay", mean(b.checkConstant[j]) / reps);
            oos.put("profileProfitPerDay", mean(b.checkProfile[j]) / reps);
            oos.put("constantExploitabilityPercent", gain(b.checkLearned[j], b.checkConstant[j], allDays()));
            oos.put("profileExploitabilityPercent", gain(b.checkLearned[j], b.checkProfile[j], allDays()));
            oos.put("profileCi95", interval(b.checkLearned[j], b.checkProfile[j]));
            oos.put("scheduleProfitPerDay", mean(b.checkSchedule[j]) / reps);
            oos.put("scheduleExploitabilityPercent", gain(b.checkLearned[j], b.checkSchedule[j], allDays()));
            oos.put("scheduleCi95", interval(b.checkLearned[j], b.checkSchedule[j]));
            h.put("outOfSample", oos);
            h.put("shiftedPolicy", b.shifted == null ? null : b.shifted.toMap(j, b.checkLearned[j], this::interval));
            List<Map<String, Object>> hours = new ArrayList<>();
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("hour", t);
                e.put("learnedMultiplier", learnedMultiplier(j, t));
                e.put("bestResponseMultiplier", profileMultiplier(j, t));
                e.put("learnedPrice", learnedPrice(j, t));
                e.put("bestResponsePrice", profilePrice(j, t));
                hours.add(e);
            }
            h.put("perHour", hours);
            hubs.add(h);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hubs", hubs);
        m.put("days", b.days.length);
        m.put("replications", reps);
        m.put("wallSeconds", b.wallSeconds);
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("rivalActionsRemembered", b.rivalActionsRemembered);
        work.put("rivalActionsComputed", b.rivalActionsComputed);
        work.put("exhaustiveLevelsTried", b.exhaustiveLevelsTried);
        work.put("exhaustiveLevelsOnGrid", b.exhaustiveLevelsOnGrid);
        m.put("work", work);
        m.put("method", "rivals frozen on their policies; constant = one grid multiplier for every day and hour; profile = 24 grid "
                + "multipliers per day by coordinate ascent (pattern then exhaustive sweeps, from the better of the constant optimum and the "
                + "learned prices) until no single-hour change improves the day (it knows each day's prices in advance); schedule = one "
                + "multiplier per hour for every day, the best over all days of the profiles' hourly mean and each day's profile (no "
                + "foresight beyond the hour of the day); profits from whole-day play on the evaluation's replications; "
                + "exploitability = gain in % of the learned profit, percentile bootstrap over days; outOfSample = the same schedules and the "
                + "learned policy on fresh replications (seed stream best-response-check); "
                + "shiftedPolicy = the hub's own policy plus one offset per hour (at most " + ShiftedPolicyDeviation.RANGE + " grid steps "
                + "either way), reacting to each day and draw as the policy does; two fits by coordinate ascent, one on each half of the days "
                + "(alternate days) with the evaluation's replications, each tested on the other half with fresh replications "
                + "(otherHalfFresh: one fit, one policy; crossFitted: every day scored with the fit that did not see it, an estimate of "
                + "what the fitted shifted policy earns)");
        return m;
    }

    /** Collects the analysis' arrays as the phases fill them. */
    static final class Builder {
        final Scenarios scenarios;
        final List<String> agents;
        final List<Integer> hubs;
        final int[] days;
        final EvaluationOptions options;
        final double[] grid;
        final double[][] learned;
        final double[][][] learnedMultipliers;
        final double[][][] constants;
        final int[] constantLevel;
        final BestResponseSearch.Profile[][] profiles;
        final double[][] checkLearned;
        final double[][] checkProfile;
        final double[][] checkConstant;
        /** Per hub: the schedules tried for every day (0: the profiles' hourly mean, 1 + d: day d's profile). */
        final int[][][] candidates;
        /** Per hub, candidate and day: the profit summed over the evaluation's replications. */
        final double[][][] candidateValues;
        /** Per hub: the candidate that earns most over all days. */
        final int[] scheduleChoice;
        final double[][] checkSchedule;
        /** The own policy shifted per hour; null with fewer than 2 days. */
        ShiftedPolicyDeviation shifted;
        double wallSeconds;
        long rivalActionsRemembered;
        long rivalActionsComputed;
        long exhaustiveLevelsTried;
        long exhaustiveLevelsOnGrid;

        Builder(Scenarios scenarios, List<String> agents, List<Integer> hubs, int[] days, EvaluationOptions options, double[] grid) {
            this.scenarios = scenarios;
            this.agents = agents;
            this.hubs = List.copyOf(hubs);
            this.days = days;
            this.options = options;
            this.grid = grid;
            int h = hubs.size();
            int n = days.length;
            learned = new double[h][n];
            learnedMultipliers = new double[h][n][];
            constants = new double[h][n][];
            constantLevel = new int[h];
            profiles = new BestResponseSearch.Profile[h][n];
            checkLearned = new double[h][n];
            checkProfile = new double[h][n];
            checkConstant = new double[h][n];
            candidates = new int[h][][];
            candidateValues = new double[h][n + 1][n];
            scheduleChoice = new int[h];
            checkSchedule = new double[h][n];
        }

        /** Each hub's candidate schedules for every day: the profiles' hourly mean on the grid, then each day's profile. */
        void scheduleCandidates() {
            for (int j = 0; j < hubs.size(); j++) {
                int n = profiles[j].length;
                candidates[j] = new int[n + 1][];
                int[] k = new int[HubPricingEnv.PERIODS];
                for (int t = 0; t < k.length; t++) {
                    double mean = 0;
                    for (BestResponseSearch.Profile p : profiles[j]) {
                        mean += grid[p.levels()[t]] / n;
                    }
                    k[t] = org.hubprice.evaluation.MonopolySearch.nearestLevel(grid, mean);
                }
                candidates[j][0] = k;
                for (int d = 0; d < n; d++) {
                    candidates[j][d + 1] = profiles[j][d].levels();
                }
            }
        }

        /** Each hub's schedule: the candidate with the largest profit summed over days (the first among ties). */
        void chooseSchedules() {
            for (int j = 0; j < hubs.size(); j++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < candidates[j].length; c++) {
                    double s = 0;
                    for (double v : candidateValues[j][c]) {
                        s += v;
                    }
                    if (s > best) {
                        best = s;
                        scheduleChoice[j] = c;
                    }
                }
            }
        }

        /** Each hub's best constant level: the largest profit summed over days (the lowest level among ties). */
        void chooseConstants() {
            for (int j = 0; j < hubs.size(); j++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < grid.length; k++) {
                    double s = 0;
                    for (double[] c : constants[j]) {
                        s += c[k];
                    }
                    if (s > best) {
                        best = s;
                        constantLevel[j] = k;
                    }
                }
            }
        }

        BestResponseResult build() {
            return new BestResponseResult(this);
        }
    }
}
