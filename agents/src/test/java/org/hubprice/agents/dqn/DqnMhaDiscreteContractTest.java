package org.hubprice.agents.dqn;

import java.util.HashMap;
import java.util.Map;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/** The agent contract for DQN with the feature-attention network, double DQN, Huber loss, hard target updates. */
class DqnMhaDiscreteContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new DqnFactory();
    }

    @Override
    protected Space actionSpace() {
        return new Discrete(4);
    }

    @Override
    protected Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>(DqnContractTest.SMALL);
        p.remove("actionLevels");
        p.put("network", "mha");
        p.put("embeddingDim", 8);
        p.put("doubleDqn", true);
        p.put("loss", "huber");
        p.put("targetUpdate", "hard");
        p.put("targetUpdateEvery", 10);
        p.put("maxGradNorm", 10);
        return p;
    }
}
