package org.hubprice.evaluation.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;

/**
 * A policy created fresh by a registered factory, e.g. {@code fixed-markup} with
 * {@code multiplier = 1.5}, {@code marginal-cost}, {@code cap}: for quick looks and for the
 * benchmarks' sanity checks. It acts in the environment's box.
 *
 * @param spec the text it was parsed from ({@code fixed-markup:1.5})
 * @param factory the factory
 * @param params the agent's parameters (checked by the factory)
 * @param seed the agent's seed (random policies)
 */
public record FactoryPolicy(String spec, AgentFactory factory, Map<String, Object> params, long seed) implements HubPolicy {
    public FactoryPolicy {
        params = Map.copyOf(params);
    }

    @Override
    public String label() {
        return spec;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "factory");
        m.put("spec", spec);
        m.put("agent", factory.name());
        m.put("params", new LinkedHashMap<>(params));
        m.put("seed", seed);
        return m;
    }

    @Override
    public Agent open(Space observationSpace, Box actionSpace) {
        return factory.create(new AgentContext(observationSpace, actionSpace, params, seed, "cpu"));
    }
}
