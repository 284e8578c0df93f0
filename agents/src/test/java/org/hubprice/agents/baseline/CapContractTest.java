package org.hubprice.agents.baseline;

import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;

class CapContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new CapFactory();
    }

    @Override
    protected boolean learns() {
        return false;
    }
}
