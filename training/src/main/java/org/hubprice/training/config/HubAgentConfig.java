package org.hubprice.training.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Check;

/**
 * One hub's learner: {@code agents[i]} of a training configuration.
 *
 * @param agent the registry name of the agent's factory ({@code sac}, {@code dqn}, a custom
 *              agent's name); checked against {@link org.hubprice.agents.AgentRegistry} when the
 *              run starts
 * @param actions {@code continuous}: the agent sees the environment's price-multiplier box;
 *                {@code discrete}: it sees {@code Discrete(env.pricing.discreteLevels)} and index
 *                {@code k} stands for the k-th evenly spaced multiplier (for agents that only
 *                handle discrete actions; {@code dqn} discretises a box itself and needs neither)
 * @param params the agent's own settings, passed to its factory, which rejects unknown keys
 */
public record HubAgentConfig(String agent, String actions, Map<String, Object> params) {
    /** Allowed values of {@code actions}. */
    public static final List<String> ACTIONS = List.of("continuous", "discrete");

    public HubAgentConfig {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent is missing; give a registry name such as sac or dqn (see 'hubprice agents')");
        }
        agent = agent.trim();
        actions = Check.oneOf("actions", actions == null ? "continuous" : actions, ACTIONS);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether the agent sees discrete price levels. */
    public boolean discrete() {
        return actions.equals("discrete");
    }

    /** The YAML/JSON form. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("actions", actions);
        m.put("params", new LinkedHashMap<>(params));
        return m;
    }
}
