package org.hubprice.agents.sac;

import java.util.HashMap;
import java.util.Map;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;

/**
 * The agent contract for SAC with the feature-attention networks, a two-dimensional
 * asymmetric action box, a fixed temperature, gradient clipping and no replay in the
 * checkpoint (so it does not resume exactly).
 */
class SacMhaContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new SacFactory();
    }

    @Override
    protected Space actionSpace() {
        return new Box(new double[] {-3, 0.5}, new double[] {5, 0.75});
    }

    @Override
    protected Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>(SacContractTest.SMALL);
        p.put("network", "mha");
        p.put("embeddingDim", 8);
        p.put("autoAlpha", false);
        p.put("maxGradNorm", 5);
        p.put("tau", 0.05);
        p.put("rewardNorm", "none");
        p.put("checkpointReplay", false);
        return p;
    }

    @Override
    protected boolean resumesExactly() {
        return false;
    }
}
