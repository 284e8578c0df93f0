package org.hubprice.agents.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.junit.jupiter.api.Test;

/** A user-supplied agent is found by name through the service registry and passes the agent contract. */
class CustomAgentTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new MidpointAgentFactory();
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("offset", 0.1);
    }

    @Override
    protected boolean learns() {
        return false;
    }

    @Test
    void isLoadedByNameThroughTheRegistry() {
        AgentRegistry registry = AgentRegistry.load();
        assertTrue(registry.names().contains("example-midpoint"), registry.names().toString());
        AgentFactory f = registry.get("Example-Midpoint");
        var agent = f.create(new AgentContext(Box.uniform(0, 1, 7), Box.uniform(1, 2, 1), Map.of("offset", 0.2), 1));
        assertArrayEquals(new double[] {1.7}, agent.act(new double[7], Mode.EVAL), 1e-12);
    }
}
