package org.hubprice.agents.dqn;

import java.util.Map;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;

/** The agent contract for DQN on the hub game's action box [1, 2] (discretised). */
class DqnContractTest extends AgentContractTest {
    static final Map<String, Object> SMALL = Map.of("hidden", "16,16", "batchSize", 8, "learningStarts", 20,
            "epsilonDecay", "linear", "epsilonStart", 1.0, "epsilonEnd", 0.1, "epsilonDecaySteps", 100, "actionLevels", 11);

    @Override
    protected AgentFactory factory() {
        return new DqnFactory();
    }

    @Override
    protected Map<String, Object> params() {
        return SMALL;
    }
}
