package org.hubprice.env.bertrand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubprice.common.ConfigDocument;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;

/**
 * The repeated logit Bertrand game of Calvano et al. (2020) as a {@link ParallelEnv}: agents
 * {@code firm_0 … firm_{n−1}} each choose a price index ({@code Discrete(m)}) every period, are
 * paid their per-period profit, and observe the last {@code k} periods' price indices of all
 * firms (see {@link ObservationEncoding}).
 *
 * <p>The game is infinitely repeated (discount {@code δ} is the learners' business), so an
 * episode never terminates; it is a session that the driver ends on convergence, or that is
 * <em>truncated</em> after {@code maxPeriods} periods.
 *
 * <p>Besides the map-based {@link #step}, {@link #resetIndexed} and {@link #stepIndexed} give a
 * fast path over plain indices that does no exponentials (profits are precomputed by
 * {@link BertrandGame}) and allocates nothing.
 */
public final class BertrandLogitEnv implements ParallelEnv {
    /** Reset option: start from this state index instead of a random one. */
    public static final String OPTION_INITIAL_STATE = "initialState";

    private final BertrandGame game;
    private final ObservationEncoding encoding;
    private final long maxPeriods;
    private final List<String> agentIds;
    private final Space observationSpace;
    private final Discrete actionSpace;
    private final int n;
    private final int m;

    private List<String> active = List.of();
    private int state = -1;
    private long period;
    private boolean over = true;

    /** The game with index observations and no period cap. */
    public BertrandLogitEnv(BertrandConfig config) {
        this(new BertrandGame(config), ObservationEncoding.INDEX, Long.MAX_VALUE);
    }

    /**
     * @param game the precomputed game (shared between environments)
     * @param encoding how agents see the state
     * @param maxPeriods the session is truncated after this many periods (>= 1)
     */
    public BertrandLogitEnv(BertrandGame game, ObservationEncoding encoding, long maxPeriods) {
        this.game = java.util.Objects.requireNonNull(game, "game");
        this.encoding = java.util.Objects.requireNonNull(encoding, "encoding");
        if (maxPeriods < 1) {
            throw new IllegalArgumentException("maxPeriods = " + maxPeriods + " must be >= 1");
        }
        this.maxPeriods = maxPeriods;
        this.n = game.firms();
        this.m = game.priceCount();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(agentId(i));
        }
        this.agentIds = Collections.unmodifiableList(ids);
        this.observationSpace = game.observationSpace(encoding);
        this.actionSpace = new Discrete(m);
    }

    /** The name of firm {@code i}'s seat. */
    public static String agentId(int i) {
        return "firm_" + i;
    }

    public BertrandGame game() {
        return game;
    }

    public ObservationEncoding encoding() {
        return encoding;
    }

    public long maxPeriods() {
        return maxPeriods;
    }

    /** The current state index (-1 before the first reset). */
    public int state() {
        return state;
    }

    /** Periods played since the last reset. */
    public long period() {
        return period;
    }

    /** Whether the session reached {@code maxPeriods}. */
    public boolean truncated() {
        return period >= maxPeriods;
    }

    @Override
    public List<String> possibleAgents() {
        return agentIds;
    }

    @Override
    public List<String> agents() {
        return active;
    }

    @Override
    public Space observationSpace(String agent) {
        seat(agent);
        return observationSpace;
    }

    @Override
    public Space actionSpace(String agent) {
        seat(agent);
        return actionSpace;
    }

    private int seat(String agent) {
        int i = agentIds.indexOf(agent);
        if (i < 0) {
            throw new IllegalArgumentException("agent '" + agent + "' is not in this game; agents: " + agentIds);
        }
        return i;
    }

    /**
     * Starts a session. The initial state is drawn uniformly from the seed (as in the paper's
     * code), unless option {@value #OPTION_INITIAL_STATE} gives it.
     */
    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        Object init = options == null ? null : options.get(OPTION_INITIAL_STATE);
        for (String key : options == null ? Set.<String>of() : options.keySet()) {
            if (!OPTION_INITIAL_STATE.equals(key)) {
                throw ConfigDocument.unknownKey("reset option", "", key, List.of(OPTION_INITIAL_STATE));
            }
        }
        if (init == null) {
            resetIndexed(seed);
        } else if (init instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            resetToState((int) num.longValue());
        } else {
            throw new IllegalArgumentException(OPTION_INITIAL_STATE + " = " + init + " must be an integer state index in [0, "
                    + game.stateCount() + ")");
        }
        Map<String, double[]> obs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (String id : agentIds) {
            obs.put(id, observe(state));
            infos.put(id, Map.of("state", state));
        }
        return new ResetResult(obs, infos);
    }

    /** Fast-path reset: draws the initial state from {@code seed} and returns it. */
    public int resetIndexed(long seed) {
        return resetToState(Seeds.stream(seed, "bertrand-initial-state").nextInt(game.stateCount()));
    }

    /** Fast-path reset to a given state; returns it. */
    public int resetToState(int initialState) {
        if (initialState < 0 || initialState >= game.stateCount()) {
            throw new IllegalArgumentException(OPTION_INITIAL_STATE + " = " + initialState + " is outside [0, " + game.stateCount() + ")");
        }
        this.state = initialState;
        this.period = 0;
        this.over = false;
        this.active = agentIds;
        return state;
    }

    @Override
    public StepResult step(Map<String, double[]> actions) {
        ensureRunning();
        if (actions == null) {
            throw new IllegalArgumentException("actions are missing; give one Discrete(" + m + ") action per agent " + agentIds);
        }
        for (String key : actions.keySet()) {
            seat(key);
        }
        int prof = 0;
        for (int i = n - 1; i >= 0; i--) {
            double[] act = actions.get(agentIds.get(i));
            if (act == null) {
                throw new IllegalArgumentException("no action for " + agentIds.get(i) + "; every agent must act each period");
            }
            if (!actionSpace.contains(act)) {
                throw new IllegalArgumentException("action " + java.util.Arrays.toString(act) + " of " + agentIds.get(i)
                        + " is not a price index in Discrete(" + m + ")");
            }
            prof = prof * m + (int) act[0];
        }
        advance(prof);
        boolean trunc = truncated();
        Map<String, double[]> obs = new LinkedHashMap<>();
        Map<String, Double> rewards = new LinkedHashMap<>();
        Map<String, Boolean> terms = new LinkedHashMap<>();
        Map<String, Boolean> truncs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = agentIds.get(i);
            obs.put(id, observe(state));
            rewards.put(id, game.profit(prof, i));
            terms.put(id, false);
            truncs.put(id, trunc);
            int idx = game.priceIndex(prof, i);
            infos.put(id, Map.of("priceIndex", idx, "price", game.price(idx), "demand", game.demand(prof, i),
                    "state", state, "period", period));
        }
        if (trunc) {
            active = List.of();
        }
        return new StepResult(obs, rewards, terms, truncs, infos);
    }

    /**
     * Fast-path step: plays one price index per firm, writes each firm's profit into
     * {@code rewardsOut} and returns the new state. Allocates nothing.
     *
     * @throws IllegalStateException when the session is over (truncated) or was never reset
     */
    public int stepIndexed(int[] actions, double[] rewardsOut) {
        ensureRunning();
        int prof = 0;
        for (int i = n - 1; i >= 0; i--) {
            int x = actions[i];
            if (x < 0 || x >= m) {
                throw new IllegalArgumentException("action " + x + " of " + agentIds.get(i) + " is outside [0, " + (m - 1) + "]");
            }
            prof = prof * m + x;
        }
        advance(prof);
        for (int i = 0; i < n; i++) {
            rewardsOut[i] = game.profit(prof, i);
        }
        return state;
    }

    private void advance(int profile) {
        state = game.nextState(state, profile);
        period++;
        if (period >= maxPeriods) {
            over = true;
        }
    }

    private void ensureRunning() {
        if (over) {
            throw new IllegalStateException(state < 0 ? "call reset before step"
                    : "the session was truncated after " + period + " periods; call reset to start another");
        }
    }

    private double[] observe(int s) {
        double[] out = new double[observationSpace.dimension()];
        game.encode(s, encoding, out);
        return out;
    }
}
