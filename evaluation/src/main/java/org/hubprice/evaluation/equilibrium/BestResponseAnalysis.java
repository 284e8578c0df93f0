package org.hubprice.evaluation.equilibrium;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.common.Seeds;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.ParallelWorkers;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;

/**
 * Best responses to frozen rivals on the evaluated days, for each hub asked: with every other hub
 * on its policy and the same replications as the evaluation (common random numbers),
 * <ol>
 *   <li>the best <b>constant</b> multiplier on the grid, one for all days (every level tried on
 *       every day);</li>
 *   <li>the best <b>hourly profile</b> per day (24 levels), by coordinate ascent
 *       ({@link BestResponseSearch#profile}) from the better of the constant optimum and the
 *       hub's own learned prices, until no single-hour change on the grid improves the day;</li>
 *   <li>one <b>schedule</b> for every day: of the profiles' hourly mean (each hour at the grid
 *       level nearest it) and each day's profile, the one that earns most over all days. The
 *       profiles know each day's prices in advance, which a policy does not; the schedule needs
 *       only the hour of the day, so a policy could play it (the profiles' gain is the reference
 *       for deviations fixed for the day; one that reacts to the draws can beat it);</li>
 *   <li>the hub's <b>own policy shifted</b> by one offset per hour ({@link ShiftedPolicyDeviation}),
 *       which reacts to each day and draw as the policy does; fitted on each half of the days and
 *       tested on the other half with fresh replications (from 2 days on);</li>
 * </ol>
 * and the <b>exploitability</b>: the best response's gain in % of the learned profit. Because the
 * profiles are chosen on the evaluation's replications, they are also replayed on fresh
 * replications ({@code Seeds.derive(seed, "best-response-check", r)}) with the learned policy:
 * the out-of-sample gain tells how much of the in-sample gain is fitted noise.
 *
 * <p>Days run on {@code threads} workers, each with its own environment, agents and memory of
 * the rivals' actions; results do not depend on the thread count.
 */
public final class BestResponseAnalysis {
    private BestResponseAnalysis() {}

    /**
     * Runs the analysis for the hubs {@code hubs} (indices) with {@code options}' replications,
     * seed, threads, sweep limit and bootstrap settings.
     *
     * @throws IllegalArgumentException for a hub index out of range or a grid of one level
     */
    public static BestResponseResult run(Scenarios scenarios, List<HubPolicy> policies, List<Integer> hubs, EvaluationOptions options)
            throws IOException {
        long start = System.nanoTime();
        HubPricingEnv probe = scenarios.newEnvironment();
        int h = probe.hubCount();
        if (policies.size() != h) {
            throw new IllegalArgumentException(policies.size() + " policies for " + h + " hubs; give one per hub " + probe.possibleAgents());
        }
        for (int hub : hubs) {
            if (hub < 0 || hub >= h) {
                throw new IllegalArgumentException("--hub " + hub + " is out of range: the game has " + h + " hubs, so give 0.." + (h - 1));
            }
        }
        int levels = scenarios.config().pricing().discreteLevels();
        if (levels < 2) {
            throw new IllegalArgumentException("pricing.discreteLevels = " + levels + ": a best-response search needs at least 2 price levels. "
                    + "Maybe --set pricing.discreteLevels=101");
        }
        long[] seeds = seeds(options.seed(), "replication", options.replications());
        long[] check = seeds(options.seed(), "best-response-check", options.replications());
        int[] days = scenarios.selected();
        int n = days.length;
        int hn = hubs.size();
        BestResponseResult.Builder b = new BestResponseResult.Builder(scenarios, probe.possibleAgents(), hubs, days, options,
                org.hubprice.evaluation.MonopolySearch.grid(probe.config().pricing()));
        int threads = Math.max(1, Math.min(options.threads(), hn * n));
        List<BestResponseSearch> workers = new ArrayList<>();
        try {
            for (int w = 0; w < threads; w++) {
                workers.add(new BestResponseSearch(scenarios.newEnvironment(), policies, options.maxSweeps()));
            }
            phases(workers, b, hubs, days, seeds, check);
        } finally {
            for (BestResponseSearch w : workers) {
                w.close();
            }
        }
        long[] memo = new long[2];
        long[] grouping = new long[2];
        for (BestResponseSearch w : workers) {
            for (int k = 0; k < 2; k++) {
                memo[k] += w.memoStats()[k];
                grouping[k] += w.groupingStats()[k];
            }
        }
        b.rivalActionsRemembered = memo[0];
        b.rivalActionsComputed = memo[1];
        b.exhaustiveLevelsTried = grouping[0];
        b.exhaustiveLevelsOnGrid = grouping[1];
        b.wallSeconds = (System.nanoTime() - start) / 1e9;
        return b.build();
    }

    private static void phases(List<BestResponseSearch> workers, BestResponseResult.Builder b, List<Integer> hubs, int[] days, long[] seeds,
                               long[] check) {
        int n = days.length;
        int hn = hubs.size();
        // Phase 1: learned play and every constant level, per (hub, day).
        ParallelWorkers.run(workers, hn * n, (w, task) -> {
            int hub = hubs.get(task / n);
            int d = task % n;
            double[] mult = new double[HubPricingEnv.PERIODS];
            b.learned[task / n][d] = w.play(days[d], seeds, hub, null, mult);
            b.learnedMultipliers[task / n][d] = mult;
            b.constants[task / n][d] = w.constants(days[d], seeds, hub);
        }, "best response, constant levels:");
        b.chooseConstants();
        // Phase 2: the hourly profile per (hub, day), from the constant optimum and the learned prices; the out-of-sample check.
        ParallelWorkers.run(workers, hn * n, (w, task) -> {
            int j = task / n;
            int hub = hubs.get(j);
            int d = task % n;
            int[] constant = new int[HubPricingEnv.PERIODS];
            java.util.Arrays.fill(constant, b.constantLevel[j]);
            int[] learned = w.levelsOf(b.learnedMultipliers[j][d]);
            BestResponseSearch.Profile p = w.profile(days[d], seeds, hub, new int[][] {constant, learned});
            b.profiles[j][d] = p;
            b.checkLearned[j][d] = w.play(days[d], check, hub, null, null);
            b.checkProfile[j][d] = w.play(days[d], check, hub, p.levels(), null);
            b.checkConstant[j][d] = w.play(days[d], check, hub, constant, null);
        }, "best response, hourly profiles:");
        // Phase 3: one schedule for every day, without the profiles' foresight of each day's prices, which a policy seeing the
        // hour of the day could play: the best over all days of the profiles' hourly mean and of each day's profile; a lower
        // bound on what such a policy can gain.
        b.scheduleCandidates();
        ParallelWorkers.run(workers, hn * n, (w, task) -> {
            int j = task / n;
            int d = task % n;
            for (int c = 0; c < b.candidates[j].length; c++) {
                b.candidateValues[j][c][d] = w.play(days[d], seeds, hubs.get(j), b.candidates[j][c], null);
            }
        }, "best response, one schedule for every day:");
        b.chooseSchedules();
        ParallelWorkers.run(workers, hn * n, (w, task) -> {
            int j = task / n;
            int d = task % n;
            b.checkSchedule[j][d] = w.play(days[d], check, hubs.get(j), b.candidates[j][b.scheduleChoice[j]], null);
        }, "best response, the schedule on fresh draws:");
        // Phase 4: the hub's own policy shifted per hour, which reacts to each day as the policy does; fitted on one half of the
        // days and tested on the other with fresh draws.
        if (ShiftedPolicyDeviation.applicable(n)) {
            b.shifted = ShiftedPolicyDeviation.run(workers, b, seeds, check);
        }
    }

    private static long[] seeds(long root, String name, int count) {
        long[] s = new long[count];
        for (int r = 0; r < count; r++) {
            s[r] = Seeds.derive(root, name, r);
        }
        return s;
    }

}
