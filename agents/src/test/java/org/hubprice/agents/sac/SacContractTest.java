package org.hubprice.agents.sac;

import java.util.Map;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;

/** The agent contract for SAC on the hub game's action box [1, 2], feed-forward networks. */
class SacContractTest extends AgentContractTest {
    static final Map<String, Object> SMALL = Map.of("hidden", "16,16", "batchSize", 8, "learningStarts", 20);

    @Override
    protected AgentFactory factory() {
        return new SacFactory();
    }

    @Override
    protected Map<String, Object> params() {
        return SMALL;
    }
}
