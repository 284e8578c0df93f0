package org.hubprice.agents.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentContractTest;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.junit.jupiter.api.Test;

class RandomContractTest extends AgentContractTest {
    @Override
    protected AgentFactory factory() {
        return new RandomFactory();
    }

    @Override
    protected boolean learns() {
        return false;
    }

    @Test
    void trainingActionsAreUniform() {
        // 20 equal bins over [1, 2]; 20,000 draws: each bin expects 1000, sd ~31; 5 sd tolerance
        try (Agent a = factory().create(new AgentContext(Box.uniform(-1, 1, 3), Box.uniform(1, 2, 1), Map.of(), 9))) {
            int[] bins = new int[20];
            for (int i = 0; i < 20_000; i++) {
                double v = a.act(new double[3], Mode.TRAIN)[0];
                bins[Math.min(19, (int) ((v - 1) * 20))]++;
            }
            for (int b : bins) {
                assertTrue(Math.abs(b - 1000) < 160, "bin count " + b + " far from 1000");
            }
        }
    }

    @Test
    void evaluationDependsOnTheObservation() {
        try (Agent a = factory().create(new AgentContext(Box.uniform(-1, 1, 3), Box.uniform(1, 2, 1), Map.of(), 9))) {
            double x = a.act(new double[] {0, 0, 0}, Mode.EVAL)[0];
            double y = a.act(new double[] {0, 0, 0.5}, Mode.EVAL)[0];
            assertTrue(x != y, "different observations should get different draws");
            assertEquals(x, a.act(new double[] {0, 0, 0}, Mode.EVAL)[0]);
        }
    }
}
