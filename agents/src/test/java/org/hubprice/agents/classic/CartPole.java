package org.hubprice.agents.classic;

import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.SingleAgentEnv;

/**
 * CartPole-v1 from the equations of Gymnasium's {@code CartPoleEnv} (Barto, Sutton and
 * Anderson 1983): a pole on a cart, pushed left (action 0) or right (action 1) with 10 N;
 * Euler integration with a 0.02 s step; reward 1 per step including the last; terminated when
 * |x| > 2.4 or |theta| > 12 degrees; truncated after 500 steps. The start state is uniform in
 * [-0.05, 0.05]^4. Observation: {@code [x, x_dot, theta, theta_dot]}.
 */
public final class CartPole implements SingleAgentEnv {
    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    static final double X_LIMIT = 2.4;
    public static final int MAX_STEPS = 500;

    private static final double BIG = Float.MAX_VALUE;
    private final Box observationSpace = new Box(new double[] {-2 * X_LIMIT, -BIG, -2 * THETA_LIMIT, -BIG},
            new double[] {2 * X_LIMIT, BIG, 2 * THETA_LIMIT, BIG});
    private final Discrete actionSpace = new Discrete(2);
    private final double[] s = new double[4];
    private Rng rng = new Rng(0);
    private int t;
    private boolean done = true;

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset reset(long seed) {
        return new Reset(resetObservation(seed));
    }

    /** The first observation of an episode started with {@code seed}. */
    public double[] resetObservation(long seed) {
        rng = new Rng(seed);
        return resetContinue();
    }

    /** A new episode from the current random stream. */
    public double[] resetContinue() {
        for (int i = 0; i < 4; i++) {
            s[i] = -0.05 + 0.1 * rng.nextDouble();
        }
        t = 0;
        done = false;
        return s.clone();
    }

    @Override
    public Step step(double[] action) {
        if (done) {
            throw new IllegalStateException("CartPole: step after the episode ended; call reset");
        }
        int a = actionSpace.index(action);
        double force = a == 1 ? FORCE : -FORCE;
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // explicit Euler, as Gymnasium's default "euler" integrator
        s[0] = x + TAU * xDot;
        s[1] = xDot + TAU * xAcc;
        s[2] = theta + TAU * thetaDot;
        s[3] = thetaDot + TAU * thetaAcc;
        t++;
        boolean terminated = s[0] < -X_LIMIT || s[0] > X_LIMIT || s[2] < -THETA_LIMIT || s[2] > THETA_LIMIT;
        boolean truncated = !terminated && t >= MAX_STEPS;
        done = terminated || truncated;
        return new Step(s.clone(), 1.0, terminated, truncated);
    }
}
