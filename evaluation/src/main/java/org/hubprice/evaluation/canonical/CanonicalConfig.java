package org.hubprice.evaluation.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.tabular.TabularQAgent;
import org.hubprice.agents.tabular.TabularQConfig;
import org.hubprice.common.Check;
import org.hubprice.common.ConfigDocument;
import org.hubprice.common.ConfigValues;
import org.hubprice.env.bertrand.BertrandConfig;
import org.hubprice.env.bertrand.ObservationEncoding;

/**
 * One experiment on the Calvano et al. (2020) game: the game, the learner, and how sessions
 * are run and analysed.
 *
 * @param game the game's parameters
 * @param agent registry name of the learner every firm uses ({@code tabular-q}, {@code dqn}, …)
 * @param agentParams parameters handed to the learner's factory (for {@code tabular-q} e.g.
 *     {@code alpha}, {@code beta}); the runner adds {@code discount} = the game's δ and
 *     {@code convergencePeriods} for {@code tabular-q} unless given here
 * @param convergencePeriods a session has converged once no firm's greedy strategy changed for
 *     this many consecutive periods (Calvano et al.: 100,000)
 * @param maxPeriods a session that has not converged is stopped (truncated) after this many periods
 * @param checkEvery generic path only: how often (in periods) the greedy strategies of all
 *     states are compared with the previous check; 1 checks every period, as the fast path does.
 *     Coarser checks are cheaper for neural learners but miss a change that is undone between
 *     two checks, so they may declare convergence at a different period
 * @param observation how the firms see the state; {@code null} picks {@code index} for
 *     {@code tabular-q} and {@code one-hot} for other learners
 * @param impulsePeriods length of the impulse-response paths after convergence
 * @param deviatingFirm the firm forced to deviate in the impulse response
 * @param deviationPrice the price index it deviates to; -1 for its static best response
 * @param generic drive {@code tabular-q} through the generic {@code ParallelEnv}/{@code Agent}
 *     loop instead of the specialised fast path (the results are identical when
 *     {@code checkEvery = 1}; the fast path is much quicker)
 */
public record CanonicalConfig(BertrandConfig game, String agent, Map<String, Object> agentParams, long convergencePeriods,
                              long maxPeriods, int checkEvery, ObservationEncoding observation, int impulsePeriods,
                              int deviatingFirm, int deviationPrice, boolean generic) {
    /** The keys {@link Builder#set} routes to the runner; game keys are {@link BertrandConfig#KEYS}; the rest go to the agent. */
    public static final List<String> RUNNER_KEYS = List.of("convergencePeriods", "maxPeriods", "checkEvery", "observation",
            "impulsePeriods", "deviatingFirm", "deviationPrice");

    public CanonicalConfig {
        java.util.Objects.requireNonNull(game, "game");
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent is missing; Maybe tabular-q");
        }
        agentParams = agentParams == null ? Map.of() : Map.copyOf(agentParams);
        Check.atLeast("convergencePeriods", convergencePeriods, 1, "Maybe 100000 (Calvano et al.)");
        Check.atLeast("maxPeriods", maxPeriods, 1, "Maybe 1000000000 (Calvano et al.)");
        Check.positive("checkEvery", checkEvery);
        Check.positive("impulsePeriods", impulsePeriods);
        Check.inRange("deviatingFirm", deviatingFirm, 0, game.n() - 1);
        Check.inRange("deviationPrice (price index, -1 = static best response)", deviationPrice, -1, game.m() - 1);
    }

    /** Whether the learner is the built-in tabular Q-learner. */
    public boolean tabular() {
        return isTabular(agent);
    }

    private static boolean isTabular(String agent) {
        return agent != null && (TabularQAgent.NAME.equalsIgnoreCase(agent.trim()) || "q-learning".equalsIgnoreCase(agent.trim()));
    }

    /** The observation encoding in force (resolving {@code null} as described above). */
    public ObservationEncoding effectiveObservation() {
        if (observation != null) {
            return observation;
        }
        return tabular() ? ObservationEncoding.INDEX : ObservationEncoding.ONE_HOT;
    }

    /** The parameters handed to the learner's factory (with the tabular defaults filled in). */
    public Map<String, Object> effectiveAgentParams() {
        Map<String, Object> p = new LinkedHashMap<>(agentParams);
        if (tabular()) {
            p.putIfAbsent("discount", game.delta());
            p.putIfAbsent("convergencePeriods", convergencePeriods);
        }
        return p;
    }

    /**
     * The learner's parameters for the record: for {@code tabular-q} every hyper-parameter in
     * force (defaults included), for other learners what is handed to their factory.
     */
    public Map<String, Object> resolvedAgentParams() {
        Map<String, Object> p = effectiveAgentParams();
        return tabular() ? TabularQConfig.fromParams(p, TabularQConfig.defaults()).toMap() : p;
    }

    /** The baseline experiment: Calvano et al.'s game and learner. */
    public static CanonicalConfig baseline() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything as an ordered map (for provenance). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("game", game.toMap());
        m.put("agent", agent);
        m.put("agentParams", resolvedAgentParams());
        m.put("convergencePeriods", convergencePeriods);
        m.put("maxPeriods", maxPeriods);
        m.put("checkEvery", checkEvery);
        m.put("observation", effectiveObservation().key());
        m.put("impulsePeriods", impulsePeriods);
        m.put("deviatingFirm", deviatingFirm);
        m.put("deviationPrice", deviationPrice < 0 ? "static best response" : deviationPrice);
        m.put("generic", generic);
        return m;
    }

    /**
     * Builds a {@link CanonicalConfig}; all values are optional and start at Calvano et al.'s
     * baseline (tabular Q-learning with α = 0.15 and β = 4e-6 comes from the agent's defaults).
     */
    public static final class Builder {
        private BertrandConfig.Builder game = BertrandConfig.builder();
        private String agent = TabularQAgent.NAME;
        private final Map<String, Object> agentParams = new LinkedHashMap<>();
        private long convergencePeriods = 100_000;
        private long maxPeriods = 1_000_000_000L;
        private int checkEvery = 1000;
        private ObservationEncoding observation;
        private int impulsePeriods = 25;
        private int deviatingFirm;
        private int deviationPrice = -1;
        private boolean generic;

        private Builder() {}

        /** Replaces every game parameter; later {@link #set} calls change single values. */
        public Builder optGame(BertrandConfig config) {
            this.game = config.toBuilder();
            return this;
        }

        public Builder optAgent(String agent) {
            this.agent = agent;
            return this;
        }

        /** One learner parameter (e.g. {@code alpha}); validated by the learner's factory. */
        public Builder optAgentParam(String key, Object value) {
            agentParams.put(key, value);
            return this;
        }

        public Builder optConvergencePeriods(long periods) {
            this.convergencePeriods = periods;
            return this;
        }

        public Builder optMaxPeriods(long periods) {
            this.maxPeriods = periods;
            return this;
        }

        public Builder optCheckEvery(int periods) {
            this.checkEvery = periods;
            return this;
        }

        public Builder optObservation(ObservationEncoding encoding) {
            this.observation = encoding;
            return this;
        }

        public Builder optImpulsePeriods(int periods) {
            this.impulsePeriods = periods;
            return this;
        }

        public Builder optDeviatingFirm(int firm) {
            this.deviatingFirm = firm;
            return this;
        }

        public Builder optDeviationPrice(int priceIndex) {
            this.deviationPrice = priceIndex;
            return this;
        }

        public Builder optGeneric(boolean generic) {
            this.generic = generic;
            return this;
        }

        /**
         * Sets one value from {@code --set key=value}: game keys ({@link BertrandConfig#KEYS}) go to
         * the game, {@link #RUNNER_KEYS} to the runner, every other key to the learner, whose
         * factory rejects keys it does not know.
         */
        public Builder set(String key, String value) {
            String k = key == null ? "" : key.trim();
            if (k.isEmpty()) {
                throw new IllegalArgumentException("--set needs key=value; the key is empty");
            }
            if (value == null) {
                throw new IllegalArgumentException("--set " + k + " has no value; use " + k + "=VALUE");
            }
            if (BertrandConfig.KEYS.stream().anyMatch(g -> g.equalsIgnoreCase(k))) {
                game.set(k, value);
                return this;
            }
            ConfigValues v = ConfigValues.ofText(k, value, "");
            switch (k) {
                case "convergencePeriods" -> convergencePeriods = v.getLong(k);
                case "maxPeriods" -> maxPeriods = v.getLong(k);
                case "checkEvery" -> checkEvery = v.getInt(k);
                case "observation" -> observation = ObservationEncoding.parse(value);
                case "impulsePeriods" -> impulsePeriods = v.getInt(k);
                case "deviatingFirm" -> deviatingFirm = v.getInt(k);
                case "deviationPrice" -> deviationPrice = value.trim().equalsIgnoreCase("best") ? -1 : v.getInt(k);
                default -> agentParams.put(k, value.trim());
            }
            return this;
        }

        public CanonicalConfig build() {
            if (isTabular(agent)) {
                // set() sends every key the game and runner do not take to the learner: a typo of a game
                // key ('deltaa') is named against all three lists, not only the learner's
                for (String k : agentParams.keySet()) {
                    if (!TabularQConfig.KEYS.contains(k)) {
                        List<String> known = new java.util.ArrayList<>(BertrandConfig.KEYS);
                        known.addAll(RUNNER_KEYS);
                        TabularQConfig.KEYS.stream().filter(q -> !known.contains(q)).forEach(known::add);
                        throw ConfigDocument.unknownKey("canonical --set", "", k, known);
                    }
                }
            }
            return new CanonicalConfig(game.build(), agent, agentParams, convergencePeriods, maxPeriods, checkEvery, observation,
                    impulsePeriods, deviatingFirm, deviationPrice, generic);
        }
    }
}
