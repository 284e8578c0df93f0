package org.hubprice.agents;

import java.util.Map;
import org.hubprice.env.api.Space;

/**
 * What a factory needs to build an agent for one seat.
 *
 * @param observationSpace the seat's observation space
 * @param actionSpace the seat's action space
 * @param params agent-specific settings (from YAML or {@code --set}); unknown keys are errors
 * @param seed the seed of this agent's random streams (already split from the root seed)
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 */
public record AgentContext(Space observationSpace, Space actionSpace, Map<String, Object> params, long seed, String device) {
    public AgentContext {
        if (observationSpace == null || actionSpace == null) {
            throw new IllegalArgumentException("AgentContext: observationSpace and actionSpace are required");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
        device = device == null ? "cpu" : device;
    }

    public AgentContext(Space observationSpace, Space actionSpace, Map<String, Object> params, long seed) {
        this(observationSpace, actionSpace, params, seed, "cpu");
    }
}
