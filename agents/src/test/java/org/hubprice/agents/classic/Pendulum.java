package org.hubprice.agents.classic;

import java.util.SplittableRandom;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.SingleAgentEnv;
import org.hubprice.env.api.Space;

/**
 * Gymnasium's {@code Pendulum-v1}, from its equations: a frictionless pendulum starts at a
 * random angle and must be swung up and held upright with a bounded torque.
 *
 * <ul>
 *   <li>state (θ, θ̇), θ = 0 upright; start θ ~ U[−π, π], θ̇ ~ U[−1, 1];</li>
 *   <li>observation {@code [cos θ, sin θ, θ̇]} in Box([−1, −1, −8], [1, 1, 8]);</li>
 *   <li>action: torque u in Box(−2, 2), clipped to it;</li>
 *   <li>reward −(θ̂² + 0.1 θ̇² + 0.001 u²), θ̂ = θ normalised to [−π, π), so every reward lies in
 *       [−16.27, 0];</li>
 *   <li>dynamics (semi-implicit Euler, dt = 0.05, g = 10, m = 1, l = 1):
 *       θ̇' = clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt, −8, 8), θ' = θ + θ̇' dt;</li>
 *   <li>never terminates; truncated after 200 steps.</li>
 * </ul>
 *
 * <p>A uniformly random policy scores about −1200 per episode; a good policy scores about −150.
 */
public final class Pendulum implements SingleAgentEnv {
    public static final double MAX_SPEED = 8;
    public static final double MAX_TORQUE = 2;
    public static final double DT = 0.05;
    public static final double G = 10;
    public static final double M = 1;
    public static final double L = 1;
    public static final int MAX_STEPS = 200;

    private final Box observationSpace = new Box(new double[] {-1, -1, -MAX_SPEED}, new double[] {1, 1, MAX_SPEED});
    private final Box actionSpace = Box.uniform(-MAX_TORQUE, MAX_TORQUE, 1);
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean started;

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset reset(long seed) {
        return new Reset(resetObservation(seed));
    }

    /** The first observation of an episode started with {@code seed}. */
    public double[] resetObservation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        theta = -Math.PI + 2 * Math.PI * rng.nextDouble();
        thetaDot = -1 + 2 * rng.nextDouble();
        steps = 0;
        started = true;
        return observation();
    }

    @Override
    public Step step(double[] action) {
        if (!started) {
            throw new IllegalStateException("Pendulum: step() before reset(seed); call reset first");
        }
        if (steps >= MAX_STEPS) {
            throw new IllegalStateException("Pendulum: the episode was truncated after " + MAX_STEPS
                    + " steps; call reset(seed) to start another");
        }
        if (action == null || action.length != 1 || Double.isNaN(action[0])) {
            throw new IllegalArgumentException("Pendulum: action = " + java.util.Arrays.toString(action)
                    + " must be one torque value (not NaN); it is clipped to [-2, 2]");
        }
        double u = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[0]));
        double th = normalizeAngle(theta);
        double cost = th * th + 0.1 * thetaDot * thetaDot + 0.001 * u * u;
        double newThetaDot = thetaDot + (3 * G / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
        newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        steps++;
        return new Step(observation(), -cost, false, steps >= MAX_STEPS);
    }

    /** The current angle (rad, not normalised) and angular velocity (rad/s), for tests. */
    public double[] state() {
        return new double[] {theta, thetaDot};
    }

    /** Sets the state directly (tests of the dynamics); starts an episode at step 0. */
    public double[] setState(double angle, double angularVelocity) {
        theta = angle;
        thetaDot = angularVelocity;
        steps = 0;
        started = true;
        return observation();
    }

    /** θ mapped to [−π, π), as Gymnasium's {@code angle_normalize}. */
    static double normalizeAngle(double x) {
        double twoPi = 2 * Math.PI;
        double r = (x + Math.PI) % twoPi;
        if (r < 0) {
            r += twoPi; // Java's % keeps the sign of the dividend, Python's takes the divisor's
        }
        return r - Math.PI;
    }

    private double[] observation() {
        return new double[] {Math.cos(theta), Math.sin(theta), thetaDot};
    }
}
