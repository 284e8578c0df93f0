package org.hubprice.agents.baseline;

import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

class RandomDiscreteContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new RandomFactory();
    }

    @Override
    protected Space actionSpace() {
        return new Discrete(5);
    }

    @Override
    protected boolean learns() {
        return false;
    }
}
