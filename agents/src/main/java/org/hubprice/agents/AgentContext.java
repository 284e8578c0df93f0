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

    /**
     * The action space as a Box, for agents that act in continuous units.
     *
     * @throws ActionSpaceKindException naming {@code agent} when the seat's actions are discrete
     *     (the trainer adds which setting gives the seat a Box)
     */
    public org.hubprice.env.api.Box requireBox(String agent) {
        return ActionSpaceKindException.requireBox(agent, actionSpace, null);
    }
}
