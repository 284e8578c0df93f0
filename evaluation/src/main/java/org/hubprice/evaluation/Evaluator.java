package org.hubprice.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.config.PricingConfig;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.HubVectorEnv;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.equilibrium.HubStageGame;
import org.hubprice.evaluation.equilibrium.MemoPolicy;
import org.hubprice.evaluation.equilibrium.NashPath;
import org.hubprice.evaluation.policy.ActionMap;
import org.hubprice.evaluation.policy.HubPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the selected days under the policies and the benchmarks (see the package description).
 *
 * <p><b>Common random numbers.</b> Replication {@code r} resets every day with the seed
 * {@code Seeds.derive(options.seed, "replication", r)} for every policy profile: the learned
 * policies, the competitive benchmark, every schedule the monopoly search tries, and the
 * deviation test. The environment keys the day's arrivals and its choice and energy streams by
 * (seed, date), and every evaluation reset starts the batteries at the configuration's fixed
 * evaluation start, so all profiles face the same EVs.
 *
 * <p><b>Parallelism.</b> Worker threads take days from a shared counter; each owns its
 * environment, its agents (opened once per worker) and its buffers. A day's result depends only
 * on the day, the seeds and the policies (agents act deterministically in
 * {@link Mode#EVAL}), so the results do not depend on the number of threads or on which worker
 * played which day.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private Evaluator() {}

    /**
     * Evaluates {@code policies} (one per hub, in hub order) on the days of {@code scenarios}.
     *
     * @throws IllegalArgumentException when the policies do not fit the environment (count,
     *     observation or action spaces) or the options do not fit the game
     */
    public static EvaluationResult evaluate(Scenarios scenarios, List<HubPolicy> policies, EvaluationOptions options) throws IOException {
        long start = System.nanoTime();
        HubPricingEnv probe = scenarios.newEnvironment();
        int hubs = probe.hubCount();
        if (policies.size() != hubs) {
            throw new IllegalArgumentException(policies.size() + " policies for " + hubs + " hubs; give one per hub " + probe.possibleAgents());
        }
        PricingConfig pricing = scenarios.config().pricing();
        DeviationSpec deviation = resolveDeviation(options.deviation(), hubs, pricing);
        double competitive = pricing.minMultiplier() <= 1.0 && 1.0 <= pricing.maxMultiplier() ? 1.0 : pricing.minMultiplier();
        if (competitive != 1.0) {
            LOG.warn("marginal-cost pricing (multiplier 1) is outside the action range [{}, {}]; the competitive benchmark uses {}",
                    pricing.minMultiplier(), pricing.maxMultiplier(), competitive);
        }
        // Open every policy once here, so a checkpoint that does not fit fails before any work.
        List<String> discrete = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            try (Agent a = open(policies.get(i), probe, i)) {
                if (ActionMap.of(probe.possibleAgents().get(i), a.actionSpace(), box(probe, i)).discrete()) {
                    discrete.add(probe.possibleAgents().get(i));
                }
            }
        }
        long[] seeds = new long[options.replications()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = Seeds.derive(options.seed(), "replication", r);
        }
        int[] days = scenarios.selected();
        int threads = Math.max(1, Math.min(options.threads(), days.length));
        DayResult[] results = new DayResult[days.length];
        long setupNanos = System.nanoTime() - start;
        List<Worker> workers = new ArrayList<>();
        Map<String, Object> deviationSearch = null;
        try {
            for (int w = 0; w < threads; w++) {
                workers.add(new Worker(scenarios.newEnvironment(), policies, options, competitive));
            }
            if (deviation != null && Double.isNaN(deviation.multiplier())) {
                DeviationSpec d = deviation;
                double[][] oneShot = new double[days.length][];
                double[] undisturbed = new double[days.length];
                ParallelWorkers.run(workers, days.length, (w, j) -> {
                    oneShot[j] = w.oneShot(days[j], seeds, d.hub(), d.hour());
                    undisturbed[j] = w.lastUndisturbed;
                }, "deviation search: days");
                deviationSearch = DeviationSearch.choose(oneShot, undisturbed, MonopolySearch.grid(pricing), options.replications());
                deviation = new DeviationSpec(d.hub(), d.hour(), (Double) deviationSearch.get("multiplier"));
            }
            DeviationSpec dev = deviation;
            ParallelWorkers.run(workers, days.length, (w, j) -> results[j] = w.day(days[j], seeds, dev), "evaluated days:");
        } finally {
            for (Worker w : workers) {
                w.close();
            }
        }
        long[][] nanos = new long[workers.size()][];
        for (int w = 0; w < nanos.length; w++) {
            nanos[w] = workers.get(w).nanos;
        }
        long[] total = new long[Worker.PHASES.length];
        for (long[] n : nanos) {
            for (int k = 0; k < total.length; k++) {
                total[k] += n[k];
            }
        }
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        timing.put("setupSeconds", setupNanos / 1e9);
        timing.put("threads", threads);
        Map<String, Object> phases = new LinkedHashMap<>();
        for (int k = 0; k < total.length; k++) {
            phases.put(Worker.PHASES[k], total[k] / 1e9);
        }
        timing.put("threadSeconds", phases);
        List<Map<String, Object>> described = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("hub", probe.possibleAgents().get(i));
            d.put("label", policies.get(i).label());
            d.put("discreteActions", discrete.contains(probe.possibleAgents().get(i)));
            d.putAll(policies.get(i).describe());
            described.add(d);
        }
        EvaluationResult result = new EvaluationResult(scenarios, probe.provenance(), probe.possibleAgents(), described, options, deviation,
                competitive, Arrays.asList(results), timing);
        if (deviationSearch != null) {
            result.addSection("deviationSearch", deviationSearch);
        }
        return result;
    }

    private static Box box(HubPricingEnv env, int i) {
        return (Box) env.actionSpace(env.possibleAgents().get(i));
    }

    private static Agent open(HubPolicy policy, HubPricingEnv env, int i) throws IOException {
        String agent = env.possibleAgents().get(i);
        return policy.open(env.observationSpace(agent), box(env, i));
    }

    private static DeviationSpec resolveDeviation(DeviationSpec d, int hubs, PricingConfig pricing) {
        if (d == null) {
            return null;
        }
        if (d.hub() >= hubs) {
            throw new IllegalArgumentException("deviation hub = " + d.hub() + " but the game has " + hubs + " hubs (0.." + (hubs - 1) + ")");
        }
        if (Double.isNaN(d.multiplier())) {
            return d; // searched: the most profitable one-shot undercut
        }
        double m = d.multiplier();
        if (m < pricing.minMultiplier() || m > pricing.maxMultiplier()) {
            throw new IllegalArgumentException("deviation multiplier = " + m + " is outside the action range [" + pricing.minMultiplier() + ", "
                    + pricing.maxMultiplier() + "]");
        }
        return new DeviationSpec(d.hub(), d.hour(), m);
    }

    /** One thread's environment, agents and buffers. */
    private static final class Worker implements AutoCloseable {
        static final String[] PHASES = {"learned", "competitive", "monopolySearch", "monopolyPath", "deviation", "nash"};

        final HubPricingEnv env;
        final Agent[] agents;
        final ActionMap[] maps;
        final double[][] obs;
        final Rollout rollout;
        final EvaluationOptions options;
        final MemoPolicy[] memo;
        final double[] grid;
        /** The deviator's mean multiplier at the deviation hour on the undisturbed path, from the last {@link #oneShot}. */
        double lastUndisturbed;
        final double competitive;
        final MonopolySearch search;
        final HubStageGame stageGame;
        final double[][] schedule = new double[HubPricingEnv.PERIODS][];
        final long[] nanos = new long[PHASES.length];

        Worker(HubPricingEnv env, List<HubPolicy> policies, EvaluationOptions options, double competitive)
                throws IOException {
            this.env = env;
            int h = env.hubCount();
            agents = new Agent[h];
            maps = new ActionMap[h];
            memo = new MemoPolicy[h];
            obs = new double[h][HubPricingEnv.OBS_DIM];
            rollout = new Rollout(new HubVectorEnv(env));
            this.options = options;
            this.competitive = competitive;
            try {
                for (int i = 0; i < h; i++) {
                    agents[i] = open(policies.get(i), env, i);
                    maps[i] = ActionMap.of(env.possibleAgents().get(i), agents[i].actionSpace(), box(env, i));
                    memo[i] = new MemoPolicy(agents[i], maps[i], HubPricingEnv.OBS_DIM);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            search = new MonopolySearch(env, options.monopolySearch(), options.maxSweeps());
            grid = MonopolySearch.grid(env.config().pricing());
            stageGame = options.nash() ? new HubStageGame(env) : null;
            for (int t = 0; t < schedule.length; t++) {
                schedule[t] = new double[h];
            }
        }

        DayResult day(int day, long[] seeds, DeviationSpec deviation) {
            long t0 = System.nanoTime();
            DayPath learned = play(day, seeds, -1, -1, 0);
            long t1 = System.nanoTime();
            double[] flat = new double[HubPricingEnv.PERIODS];
            Arrays.fill(flat, competitive);
            DayPath comp = schedule(day, seeds, flat);
            long t2 = System.nanoTime();
            MonopolySearch.Result m = search.search(day, seeds);
            long t3 = System.nanoTime();
            DayPath mono = schedule(day, seeds, m.multipliers());
            long t4 = System.nanoTime();
            DayPath dev = deviation == null ? null : play(day, seeds, deviation.hub(), deviation.hour(), deviation.multiplier());
            long t5 = System.nanoTime();
            NashPath nashPath = stageGame == null ? null : NashPath.of(stageGame, env, day);
            DayPath nash = nashPath == null ? null : nash(day, seeds, nashPath);
            long t6 = System.nanoTime();
            nanos[5] += t6 - t5;
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
            nanos[4] += t5 - t4;
            return new DayResult(day, env.days().get(day).date(), learned, comp, mono, m, dev, nash, nashPath);
        }

        /**
         * Hub {@code hub}'s profit in hour {@code hour}, summed over the replications, for every grid
         * level it could post there while everyone follows the policies before (the policies are
         * remembered by observation, so the shared hours cost no forward pass after the first level).
         */
        double[] oneShot(int day, long[] seeds, int hub, int hour) {
            int h = agents.length;
            double[] v = new double[grid.length];
            lastUndisturbed = 0;
            for (int level = 0; level < grid.length; level++) {
                int lv = level;
                Rollout.Actor actor = (c, t, a) -> {
                    for (int i = 0; i < h; i++) {
                        a[i][0] = memo[i].multiplier(env.observation(i));
                    }
                    if (t == hour) {
                        if (lv == 0) {
                            lastUndisturbed += a[hub][0] / seeds.length;
                        }
                        a[hub][0] = grid[lv];
                    }
                };
                for (long seed : seeds) {
                    rollout.episode(0, seed, day, hour + 1, actor, Rollout.NONE);
                    v[level] += env.reward(hub);
                }
            }
            return v;
        }

        /** The policies' play; hub {@code devHub} is forced to {@code devMultiplier} in hour {@code devHour} (none when -1). */
        DayPath play(int day, long[] seeds, int devHub, int devHour, double devMultiplier) {
            int h = agents.length;
            Rollout.Actor actor = (c, t, a) -> {
                for (int i = 0; i < h; i++) {
                    // A copy: the environment's buffer is overwritten by the next step and an agent may keep what it is given.
                    System.arraycopy(env.observation(i), 0, obs[i], 0, obs[i].length);
                    a[i][0] = maps[i].multiplier(agents[i].act(obs[i], Mode.EVAL));
                }
                if (t == devHour) {
                    a[devHub][0] = devMultiplier;
                }
            };
            return path(day, seeds, r -> actor);
        }

        /** Every hub at {@code multipliers[t]} in hour t. */
        DayPath schedule(int day, long[] seeds, double[] multipliers) {
            Rollout.Actor actor = (c, t, a) -> {
                for (double[] ai : a) {
                    ai[0] = multipliers[t];
                }
            };
            return path(day, seeds, r -> actor);
        }

        /**
         * The stage-game Nash path played: each hub at its equilibrium multiplier; a mixed hour's
         * multiplier drawn per replication from {@code Seeds.stream(replication seed, "nash-mixture")}.
         */
        DayPath nash(int day, long[] seeds, NashPath nashPath) {
            Rollout.Actor actor = (c, t, a) -> {
                for (int i = 0; i < a.length; i++) {
                    a[i][0] = schedule[t][i];
                }
            };
            return path(day, seeds, r -> {
                nashPath.sample(Seeds.stream(seeds[r], "nash-mixture"), schedule);
                return actor;
            });
        }

        /** Plays day {@code day} once per replication seed with the actor for replication r, recording every hour into a {@link DayPath}. */
        private DayPath path(int day, long[] seeds, java.util.function.IntFunction<Rollout.Actor> actorOf) {
            DayPath path = new DayPath(agents.length, seeds.length);
            for (int r = 0; r < seeds.length; r++) {
                int rep = r;
                rollout.episode(0, seeds[r], day, actorOf.apply(r), (c, t, a, done) -> {
                    path.add(rep, env);
                    return true;
                });
            }
            path.finish();
            return path;
        }

        @Override
        public void close() {
            for (Agent a : agents) {
                if (a != null) {
                    a.close();
                }
            }
        }
    }
}
