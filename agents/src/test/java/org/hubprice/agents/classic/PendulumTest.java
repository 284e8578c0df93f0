package org.hubprice.agents.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hubprice.env.api.SingleAgentEnv.Step;
import org.junit.jupiter.api.Test;

class PendulumTest {
    @Test
    void oneStepFollowsTheGymnasiumEquations() {
        Pendulum env = new Pendulum();
        env.setState(0.5, -0.3);
        Step s = env.step(new double[] {1.5});
        // By hand: cost = 0.25 + 0.1*0.09 + 0.001*2.25; thdot' = -0.3 + (15 sin 0.5 + 3*1.5)*0.05
        double thdot = -0.3 + (15 * Math.sin(0.5) + 4.5) * 0.05;
        double th = 0.5 + thdot * 0.05;
        assertEquals(-(0.25 + 0.009 + 0.00225), s.reward(), 1e-12);
        assertArrayEquals(new double[] {Math.cos(th), Math.sin(th), thdot}, s.observation(), 1e-12);
        assertFalse(s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void torqueIsClippedAndSpeedIsBounded() {
        Pendulum a = new Pendulum();
        Pendulum b = new Pendulum();
        a.setState(1.0, 7.9);
        b.setState(1.0, 7.9);
        Step sa = a.step(new double[] {100});
        Step sb = b.step(new double[] {2});
        assertArrayEquals(sb.observation(), sa.observation(), 0);
        assertEquals(8.0, sa.observation()[2], 0, "angular velocity is clipped to 8");
        // The cost uses the clipped torque too.
        assertEquals(sb.reward(), sa.reward(), 0);
    }

    @Test
    void angleIsNormalisedInTheCost() {
        Pendulum env = new Pendulum();
        env.setState(2 * Math.PI + 0.1, 0);
        Step s = env.step(new double[] {0});
        assertEquals(-0.01, s.reward(), 1e-12);
        assertEquals(-Math.PI, Pendulum.normalizeAngle(Math.PI), 1e-12);
        assertEquals(0.5, Pendulum.normalizeAngle(0.5 - 4 * Math.PI), 1e-12);
    }

    @Test
    void truncatesAfter200StepsAndNeverTerminates() {
        Pendulum env = new Pendulum();
        env.reset(3);
        for (int i = 1; i <= 200; i++) {
            Step s = env.step(new double[] {0.3});
            assertFalse(s.terminated());
            assertEquals(i == 200, s.truncated(), "step " + i);
            assertTrue(env.observationSpace().contains(s.observation()));
            assertTrue(s.reward() <= 0 && s.reward() >= -(Math.PI * Math.PI + 6.4 + 0.004) - 1e-12);
        }
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
    }

    @Test
    void resetIsSeededAndWithinTheStartBox() {
        Pendulum env = new Pendulum();
        assertArrayEquals(env.reset(11).observation(), env.reset(11).observation(), 0);
        for (long seed = 0; seed < 200; seed++) {
            env.reset(seed);
            double[] st = env.state();
            assertTrue(st[0] >= -Math.PI && st[0] <= Math.PI, "theta " + st[0]);
            assertTrue(st[1] >= -1 && st[1] <= 1, "thetaDot " + st[1]);
        }
    }

    @Test
    void badActionIsRejectedWithAClearMessage() {
        Pendulum env = new Pendulum();
        env.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("action"), e.getMessage());
    }

    @Test
    void randomPolicyScoresAboutMinus1200() {
        // Reference figure for a uniform random policy on Pendulum-v1 is about -1200 (wide spread
        // per episode, sd ~ 300); 200 episodes give a standard error of ~ 20.
        Pendulum env = new Pendulum();
        SplittableRandom rng = new SplittableRandom(42);
        int episodes = 200;
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(rng.nextLong());
            double ret = 0;
            Step s;
            do {
                s = env.step(env.actionSpace().sample(rng));
                ret += s.reward();
            } while (!s.done());
            total += ret;
        }
        double mean = total / episodes;
        assertTrue(mean > -1400 && mean < -1000, "random mean return " + mean);
    }
}
