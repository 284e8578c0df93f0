package org.hubprice.agents.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.SingleAgentEnv;
import org.junit.jupiter.api.Test;

class CartPoleTest {
    @Test
    void oneStepFollowsTheEquations() {
        CartPole env = new CartPole();
        double[] s0 = env.reset(1).observation();
        double[] s1 = env.step(new double[] {1}).observation();
        // hand-computed with the Gymnasium formulas from s0
        double temp = (10 + 0.05 * s0[3] * s0[3] * Math.sin(s0[2])) / 1.1;
        double thAcc = (9.8 * Math.sin(s0[2]) - Math.cos(s0[2]) * temp) / (0.5 * (4.0 / 3 - 0.1 * Math.pow(Math.cos(s0[2]), 2) / 1.1));
        double xAcc = temp - 0.05 * thAcc * Math.cos(s0[2]) / 1.1;
        assertArrayEquals(new double[] {s0[0] + 0.02 * s0[1], s0[1] + 0.02 * xAcc, s0[2] + 0.02 * s0[3], s0[3] + 0.02 * thAcc}, s1, 1e-12);
    }

    @Test
    void pushingOneWayFallsWithinAFewDozenSteps() {
        CartPole env = new CartPole();
        env.reset(2);
        int steps = 0;
        SingleAgentEnv.Step s;
        do {
            s = env.step(new double[] {0});
            steps++;
        } while (!s.done());
        assertTrue(s.terminated());
        assertTrue(steps > 5 && steps < 20, "steps " + steps);
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
    }

    @Test
    void aRandomPolicyLastsAbout22Steps() {
        // the well-known figure for CartPole under uniform random actions is ~22; 2000 episodes
        // give a standard error of ~0.3, so [20, 24] is a > 5-sigma band
        CartPole env = new CartPole();
        Rng rng = new Rng(3);
        env.reset(4);
        double total = 0;
        int episodes = 2000;
        for (int e = 0; e < episodes; e++) {
            env.resetContinue();
            SingleAgentEnv.Step s;
            do {
                s = env.step(new double[] {rng.nextInt(2)});
                total += s.reward();
            } while (!s.done());
        }
        double mean = total / episodes;
        assertEquals(22, mean, 2.0, "random-policy mean return");
    }
}
