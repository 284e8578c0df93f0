package org.hubprice.evaluation.canonical;

import java.util.Arrays;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentWrapper;
import org.hubprice.agents.Mode;
import org.hubprice.agents.tabular.QInitializer;
import org.hubprice.agents.tabular.TabularQAgent;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.env.bertrand.BertrandGame;
import org.hubprice.env.bertrand.BertrandLogitEnv;
import org.hubprice.env.bertrand.BertrandVectorEnv;
import org.hubprice.env.bertrand.ObservationEncoding;

/**
 * Runs one session: firms learn from a random initial state until their greedy strategies
 * stop changing (or the period cap), then the limit cycle and the deviation test are analysed.
 *
 * <p>Two loops compute the same thing. The generic loop drives any {@link Agent} through
 * {@link BertrandLogitEnv#step} and {@link Agent#observe}, detecting convergence by comparing
 * the greedy action of every state every {@code checkEvery} periods. The fast loop, for
 * {@code tabular-q} with index observations, calls {@link TabularQAgent#actIndex},
 * {@link BertrandLogitEnv#stepIndexed} and {@link TabularQAgent#update} directly: no maps, no
 * boxing, no allocation per period, and convergence read off the agents' own counters. With
 * {@code checkEvery = 1} both give bit-identical sessions (a test checks this).
 *
 * <p>Seeds: the environment's initial state uses {@code derive(sessionSeed, "env")}, firm
 * {@code i}'s learner {@code derive(sessionSeed, "agent", i)}.
 */
public final class Sessions {
    private Sessions() {}

    /** Whether {@code config} can use the fast loop. */
    public static boolean fastPath(CanonicalConfig config) {
        return config.tabular() && !config.generic() && config.effectiveObservation() == ObservationEncoding.INDEX;
    }

    /** Runs session {@code index} with seed {@code sessionSeed}. */
    public static SessionResult run(CanonicalConfig config, BertrandGame game, AgentFactory factory, int index, long sessionSeed) {
        long t0 = System.nanoTime();
        long c0 = cpuTime();
        Agent[] agents = createAgents(config, game, factory, sessionSeed);
        try {
            // The fast loop calls TabularQAgent directly; a wrapped agent must keep its wrapper's behaviour.
            boolean fast = fastPath(config) && java.util.Arrays.stream(agents).allMatch(a -> a instanceof TabularQAgent);
            SessionResult r = fast ? runFast(config, game, agents, index, sessionSeed, t0)
                    : runGeneric(config, game, agents, index, sessionSeed, t0);
            long c1 = cpuTime();
            return new SessionResult(r.index(), r.seed(), r.converged(), r.periods(), r.cycle(), r.impulse(), r.wallNanos(),
                    c0 < 0 || c1 < 0 ? -1 : c1 - c0);
        } finally {
            for (Agent a : agents) {
                a.close();
            }
        }
    }

    /**
     * One learner per firm from {@code factory}; a {@code tabular-q} learner gets Calvano et
     * al.'s initial Q table (discounted payoff against uniformly random rivals).
     */
    static Agent[] createAgents(CanonicalConfig config, BertrandGame game, AgentFactory factory, long sessionSeed) {
        int n = game.firms();
        Space obs = game.observationSpace(config.effectiveObservation());
        Discrete act = new Discrete(game.priceCount());
        Map<String, Object> params = config.effectiveAgentParams();
        Agent[] agents = new Agent[n];
        for (int i = 0; i < n; i++) {
            agents[i] = factory.create(new AgentContext(obs, act, params, Seeds.derive(sessionSeed, "agent", i)));
            Agent inner = agents[i] instanceof AgentWrapper w ? w.unwrapped() : agents[i];
            if (inner instanceof TabularQAgent q) {
                q.initialiseQ(QInitializer.againstUniformRivals(game.payoffTable(i), n, game.priceCount(), i, q.config().discount()));
            }
        }
        return agents;
    }

    private static SessionResult runFast(CanonicalConfig config, BertrandGame game, Agent[] agents, int index, long seed, long t0) {
        int n = game.firms();
        TabularQAgent[] q = new TabularQAgent[n];
        for (int i = 0; i < n; i++) {
            q[i] = (TabularQAgent) agents[i];
        }
        BertrandLogitEnv env = new BertrandLogitEnv(game, ObservationEncoding.INDEX, config.maxPeriods());
        int s = env.resetIndexed(Seeds.derive(seed, "env"));
        int[] acts = new int[n];
        double[] rewards = new double[n];
        long need = config.convergencePeriods();
        long max = config.maxPeriods();
        long t = 0;
        boolean converged = false;
        // The hot loop: table look-ups and O(1) updates only.
        while (t < max) {
            for (int i = 0; i < n; i++) {
                acts[i] = q[i].actIndex(s, Mode.TRAIN);
            }
            int next = env.stepIndexed(acts, rewards);
            boolean stable = true;
            for (int i = 0; i < n; i++) {
                q[i].update(s, acts[i], rewards[i], next);
                stable &= q[i].stablePeriods() >= need;
            }
            s = next;
            t++;
            if (stable) {
                converged = true;
                break;
            }
        }
        Strategy strategy = (firm, state) -> q[firm].greedyAction(state);
        return analyse(config, game, strategy, index, seed, converged, t, s, t0);
    }

    private static SessionResult runGeneric(CanonicalConfig config, BertrandGame game, Agent[] agents, int index, long seed, long t0) {
        int n = game.firms();
        ObservationEncoding enc = config.effectiveObservation();
        BertrandVectorEnv env = new BertrandVectorEnv(new BertrandLogitEnv(game, enc, config.maxPeriods()));
        int states = game.stateCount();
        int[][][] tables = {new int[n][states], new int[n][states]};
        double[] scratch = new double[game.observationSpace(enc).dimension()];
        greedyTable(game, enc, agents, tables[0], scratch);
        long[] counters = new long[2]; // periods played, periods the greedy strategy has been stable
        boolean[] converged = new boolean[1];
        int checkEvery = config.checkEvery();
        double[][] obs = new double[n][];
        // Agents may keep what they are given: every transition gets its own arrays, as the map-based API gave them.
        Rollout.Actor actor = (c, step, a) -> {
            for (int i = 0; i < n; i++) {
                obs[i] = env.observation(c, i).clone();
                a[i][0] = agents[i].act(obs[i], Mode.TRAIN)[0];
            }
        };
        Rollout.StepHook hook = (c, step, a, done) -> {
            boolean truncated = done && env.truncated(c);
            for (int i = 0; i < n; i++) {
                agents[i].observe(new Transition(obs[i], a[i].clone(), env.reward(c, i), env.observation(c, i).clone(), false, truncated));
                agents[i].learn(1);
            }
            long t = ++counters[0];
            if (t % checkEvery == 0) {
                greedyTable(game, enc, agents, tables[1], scratch);
                if (Arrays.deepEquals(tables[0], tables[1])) {
                    counters[1] += checkEvery;
                } else {
                    counters[1] = 0;
                    int[][] tmp = tables[0];
                    tables[0] = tables[1];
                    tables[1] = tmp;
                }
                if (counters[1] >= config.convergencePeriods()) {
                    converged[0] = true;
                    return false;
                }
            }
            return true;
        };
        new Rollout(env).episode(0, Seeds.derive(seed, "env"), VectorEnv.TRAINING, actor, hook);
        long t = counters[0];
        int[][] current = tables[1];
        int last = env.env().state();
        greedyTable(game, enc, agents, current, scratch);
        return analyse(config, game, Strategy.of(current), index, seed, converged[0], t, last, t0);
    }

    /** Fills {@code out[firm][state]} with each agent's deterministic action in every state. */
    static void greedyTable(BertrandGame game, ObservationEncoding enc, Agent[] agents, int[][] out, double[] scratch) {
        Discrete act = new Discrete(game.priceCount());
        for (int s = 0; s < game.stateCount(); s++) {
            for (int i = 0; i < agents.length; i++) {
                game.encode(s, enc, scratch); // re-encoded per agent: an agent may not modify it, but be safe
                out[i][s] = act.index(agents[i].act(scratch, Mode.EVAL));
            }
        }
    }

    private static SessionResult analyse(CanonicalConfig config, BertrandGame game, Strategy strategy, int index, long seed,
                                         boolean converged, long periods, int lastState, long t0) {
        LimitCycle cycle = LimitCycle.of(game, strategy, lastState);
        ImpulseResponse ir = ImpulseResponse.of(game, strategy, cycle, config.deviatingFirm(), config.deviationPrice(),
                config.impulsePeriods(), game.config().delta());
        return new SessionResult(index, seed, converged, periods, cycle, ir, System.nanoTime() - t0, -1);
    }

    /** CPU time of the current thread in nanoseconds, or -1 where unsupported. */
    private static long cpuTime() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    }
}
