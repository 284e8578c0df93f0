package org.hubprice.agents.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.util.Params;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * Tabular Q-learning as in Calvano et al. (2020): in its {@code t}-th training period the agent
 * explores (a uniformly random action) with probability {@code ε_t = exp(−β t)} and otherwise
 * plays greedily; each transition updates {@code Q(s,a) ← (1−α) Q(s,a) + α (r + δ max_a' Q(s',a'))}.
 *
 * <p>The greedy action of every state is kept up to date incrementally, so acting and the
 * {@code max} in the update are O(1), and a change of the greedy strategy is seen the moment it
 * happens: the agent counts the consecutive updates that left its greedy strategy unchanged and
 * reports {@link #converged()} once the count reaches {@code convergencePeriods}. Ties go to
 * the lowest action index. {@link #actIndex} and {@link #update} are the allocation-free fast
 * path; {@link #act} and {@link #observe} wrap them for the generic {@link Agent} API.
 *
 * <p>All updates happen in {@link #observe}; {@link #learn} has nothing left to do and returns 0.
 * Initial Q values come from {@link TabularQConfig#qInit()} or an installed {@link QInitializer}
 * ({@link #initialiseQ}).
 */
public final class TabularQAgent implements Agent {
    /** Registry name. */
    public static final String NAME = "tabular-q";
    /** Largest Q table, in entries (2 GiB of doubles). */
    public static final long MAX_ENTRIES = 1L << 28;

    static final String TABLE_FILE = "qtable.bin";
    /** Periods between exact evaluations of {@code exp(−β t)}; a power of two. */
    private static final int EPS_ANCHOR = 1024;

    private final Discrete observationSpace;
    private final Discrete actionSpace;
    private final int states;
    private final int actions;
    private final TabularQConfig config;
    private final double[] q;
    private final int[] greedy;
    private final long seed;
    private final SplitMix64 rng;
    private final double[] actionBuffer = new double[1];
    private final double alpha;
    private final double oneMinusAlpha;
    private final double beta;
    private final double decay;
    private final double discount;
    /** {@code ε} of the next training period, {@code exp(−β · periods)} (see {@link #resetEpsilon}). */
    private double eps;
    private long periods;
    private long stable;

    /**
     * @param observationSpace the states, {@code Discrete(S)}
     * @param actionSpace the actions, {@code Discrete(A)}
     * @param config hyper-parameters
     * @param seed seed of the exploration stream
     */
    public TabularQAgent(Discrete observationSpace, Discrete actionSpace, TabularQConfig config, long seed) {
        this.observationSpace = java.util.Objects.requireNonNull(observationSpace, "observationSpace");
        this.actionSpace = java.util.Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.states = observationSpace.n();
        this.actions = actionSpace.n();
        long entries = (long) states * actions;
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("tabular-q: a Q table of " + states + " states × " + actions + " actions = " + entries
                    + " entries exceeds the limit of " + MAX_ENTRIES + "; Maybe use fewer states (shorter memory) or fewer actions");
        }
        this.q = new double[(int) entries];
        this.greedy = new int[states];
        this.seed = seed;
        this.rng = new SplitMix64(seed);
        this.alpha = config.alpha();
        this.oneMinusAlpha = 1 - alpha;
        this.beta = config.beta();
        this.decay = Math.exp(-beta);
        this.discount = config.discount();
        initialiseQ(QInitializer.constant(config.qInit()));
        resetEpsilon();
    }

    /**
     * Sets {@code eps} for the current period count the same way {@link #actIndex} gets there:
     * {@code exp(−β t)} is evaluated exactly every {@value #EPS_ANCHOR} periods and multiplied
     * by {@code exp(−β)} in between. An exponential per period would cost more than the whole
     * rest of a period; the products stay within 1e-13 (relative) of the exact value, and a
     * loaded agent lands on the very same bits as one that never stopped.
     */
    private void resetEpsilon() {
        long anchor = periods & -EPS_ANCHOR;
        double e = Math.exp(-beta * anchor);
        for (long t = anchor; t < periods; t++) {
            e *= decay;
        }
        eps = e;
    }

    /**
     * Sets every Q value from {@code init}, recomputes the greedy strategy and restarts the
     * convergence count. The period counter (and so the exploration rate) is kept.
     */
    public void initialiseQ(QInitializer init) {
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                double v = init.value(s, a);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("initial Q(" + s + ", " + a + ") = " + v + " is not finite");
                }
                q[s * actions + a] = v;
            }
            greedy[s] = argmax(s);
        }
        stable = 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    public TabularQConfig config() {
        return config;
    }

    /** The exploration probability of the next training period, {@code exp(−β t)} (to 1e-13 relative). */
    public double epsilon() {
        return eps;
    }

    /**
     * Fast path: the action in {@code state}. In {@link Mode#TRAIN} this explores with
     * probability {@code ε_t} and advances {@code t}; in {@link Mode#EVAL} it is greedy and changes
     * nothing.
     */
    public int actIndex(int state, Mode mode) {
        if (mode == Mode.EVAL) {
            return greedy[state];
        }
        double e = eps;
        periods++;
        eps = (periods & (EPS_ANCHOR - 1)) == 0 ? Math.exp(-beta * periods) : e * decay;
        if (rng.nextDouble() < e) {
            return rng.nextInt(actions);
        }
        return greedy[state];
    }

    /** Fast path: one Q-learning update for a non-terminal transition (allocates nothing). */
    public void update(int state, int action, double reward, int nextState) {
        update(state, action, reward + discount * q[nextState * actions + greedy[nextState]]);
    }

    private void update(int state, int action, double target) {
        int row = state * actions;
        int i = row + action;
        double old = q[i];
        double v = oneMinusAlpha * old + alpha * target;
        q[i] = v;
        int g = greedy[state];
        int ng = g;
        if (action == g) {
            if (v < old) {
                ng = argmax(state); // the leader fell: another action may now lead
            }
        } else {
            double qg = q[row + g];
            if (v > qg || (v == qg && action < g)) {
                ng = action;
            }
        }
        if (ng != g) {
            greedy[state] = ng;
            stable = 0;
        } else {
            stable++;
        }
    }

    private int argmax(int state) {
        int row = state * actions;
        int best = 0;
        double bv = q[row];
        for (int a = 1; a < actions; a++) {
            if (q[row + a] > bv) {
                bv = q[row + a];
                best = a;
            }
        }
        return best;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        actionBuffer[0] = actIndex(observationSpace.index(observation), mode);
        return actionBuffer;
    }

    @Override
    public void observe(Transition t) {
        int s = observationSpace.index(t.observation());
        int a = actionSpace.index(t.action());
        if (!Double.isFinite(t.reward())) {
            throw new IllegalArgumentException("reward = " + t.reward() + " is not finite");
        }
        if (t.terminated()) {
            update(s, a, t.reward()); // no future after a natural end; truncation still bootstraps
        } else {
            update(s, a, t.reward(), observationSpace.index(t.nextObservation()));
        }
    }

    /** Updates happen in {@link #observe}; nothing is left to learn from stored experience. */
    @Override
    public int learn(int gradientSteps) {
        return 0;
    }

    /** The greedy action in {@code state} (lowest index on ties). */
    public int greedyAction(int state) {
        return greedy[state];
    }

    public double q(int state, int action) {
        return q[state * actions + action];
    }

    /** A copy of the Q table, state-major ({@code q[s·A + a]}). */
    public double[] qTable() {
        return q.clone();
    }

    public int stateCount() {
        return states;
    }

    public int actionCount() {
        return actions;
    }

    /** Training periods acted so far ({@code t}). */
    public long periods() {
        return periods;
    }

    /** Consecutive updates that left the greedy strategy unchanged. */
    public long stablePeriods() {
        return stable;
    }

    /** Whether the greedy strategy has been unchanged for {@code convergencePeriods} updates. */
    public boolean converged() {
        return stable >= config.convergencePeriods();
    }

    /**
     * Writes the checkpoint ({@link AgentCheckpoint}): the manifest with the settings, counters
     * and exploration stream, and the Q table ({@value #TABLE_FILE}: a count, then float64
     * big-endian values, state-major), atomically and with digests.
     */
    @Override
    public void save(Path directory) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("states", states);
        state.put("actions", actions);
        state.put("periods", periods);
        state.put("stablePeriods", stable);
        state.put("rngState", rng.state());
        Manifest.Builder m = Manifest.builder(NAME, "tabular Q-learning").setSpaces(observationSpace, actionSpace)
                .optHyperparameters(config.toMap()).optSeeds(Map.of("seed", seed)).optState(state);
        AgentCheckpoint.save(directory, m, files -> files.binary("qTable", TABLE_FILE, out -> {
            out.writeInt(q.length);
            for (double v : q) {
                out.writeDouble(v);
            }
        }));
    }

    /**
     * Restores an agent written by {@link #save}. The spaces must match the checkpoint's;
     * {@code overrides} (may be empty) replace stored hyper-parameters.
     */
    static TabularQAgent load(Path directory, Discrete observationSpace, Discrete actionSpace, Map<String, ?> overrides)
            throws IOException {
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        if (!NAME.equals(ck.manifest().agent())) {
            throw new IllegalArgumentException("checkpoint " + directory + " was written by agent '" + ck.manifest().agent() + "', not " + NAME
                    + "; Maybe load it with --agent " + ck.manifest().agent());
        }
        Params state = ck.state();
        int states = state.getInt("states", -1);
        int actions = state.getInt("actions", -1);
        if (states != observationSpace.n()) {
            throw new IllegalArgumentException("checkpoint " + directory + " has " + states + " states but the observation space is "
                    + observationSpace + "; Maybe the game's m, n or k differ from the run that saved it");
        }
        if (actions != actionSpace.n()) {
            throw new IllegalArgumentException("checkpoint " + directory + " has " + actions + " actions but the action space is "
                    + actionSpace + "; Maybe the price grid size m differs from the run that saved it");
        }
        TabularQConfig cfg = TabularQConfig.fromParams(overrides, TabularQConfig.fromParams(ck.manifest().hyperparameters(),
                TabularQConfig.defaults()));
        TabularQAgent agent = new TabularQAgent(observationSpace, actionSpace, cfg, ck.seed());
        ck.binary(TABLE_FILE, in -> {
            int n = in.readInt();
            if (n != agent.q.length) {
                throw new IllegalArgumentException(ck.where(TABLE_FILE) + " holds " + n + " entries but " + states + " states × " + actions
                        + " actions need " + agent.q.length);
            }
            for (int i = 0; i < n; i++) {
                agent.q[i] = in.readDouble();
            }
        });
        for (int s = 0; s < states; s++) {
            agent.greedy[s] = agent.argmax(s);
        }
        agent.periods = state.getLong("periods", 0);
        agent.resetEpsilon();
        agent.stable = state.getLong("stablePeriods", 0);
        agent.rng.state(state.getLong("rngState", agent.rng.state()));
        return agent;
    }
}
