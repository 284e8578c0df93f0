package org.hubprice.agents.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.junit.jupiter.api.Test;

class FixedMarkupContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new FixedMarkupFactory();
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("multiplier", "1.5");
    }

    @Override
    protected boolean learns() {
        return false;
    }

    @Test
    void presetsPlayTheirMultiplier() {
        AgentRegistry registry = AgentRegistry.load();
        Box box = Box.uniform(1, 2, 1);
        AgentContext ctx = new AgentContext(Box.uniform(-1, 1, 3), box, Map.of(), 1);
        assertArrayEquals(new double[] {1.0}, registry.get("marginal-cost").create(ctx).act(new double[3], Mode.EVAL));
        assertArrayEquals(new double[] {2.0}, registry.get("cap").create(ctx).act(new double[3], Mode.TRAIN));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Box box = Box.uniform(1, 2, 1);
        var obs = Box.uniform(-1, 1, 3);
        var outside = assertThrows(IllegalArgumentException.class,
                () -> factory().create(new AgentContext(obs, box, Map.of("multiplier", 2.5), 1)));
        assertTrue(outside.getMessage().contains("multiplier = 2.5"), outside.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> factory().create(new AgentContext(obs, box, Map.of(), 1)));
        assertTrue(missing.getMessage().contains("marginal-cost"), missing.getMessage());
        var discrete = assertThrows(IllegalArgumentException.class,
                () -> factory().create(new AgentContext(obs, new Discrete(3), Map.of("multiplier", 1), 1)));
        assertTrue(discrete.getMessage().contains("Box"), discrete.getMessage());
        var typo = assertThrows(IllegalArgumentException.class,
                () -> factory().create(new AgentContext(obs, box, Map.of("multiplyer", 1.2), 1)));
        assertTrue(typo.getMessage().contains("Maybe 'multiplier'"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CapFactory().create(new AgentContext(obs, box, Map.of("multiplier", 1), 1)));
    }
}
