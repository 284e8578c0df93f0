package org.hubprice.agents.sac;

/**
 * Adam on one scalar (the temperature's logarithm), on the host: one parameter does not
 * justify engine calls, and its state is three numbers that a checkpoint stores directly.
 * Same rule as {@code torch.optim.Adam}: bias-corrected moments, epsilon outside the root.
 */
final class ScalarAdam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double m;
    private double v;
    private long steps;

    ScalarAdam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    ScalarAdam(double lr, double beta1, double beta2, double epsilon) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The parameter after one step against {@code gradient}. */
    double step(double value, double gradient) {
        steps++;
        m = beta1 * m + (1 - beta1) * gradient;
        v = beta2 * v + (1 - beta2) * gradient * gradient;
        double mHat = m / (1 - Math.pow(beta1, steps));
        double vHat = v / (1 - Math.pow(beta2, steps));
        return value - lr * mHat / (Math.sqrt(vHat) + epsilon);
    }

    double[] state() {
        return new double[] {m, v, steps};
    }

    void restore(double[] state) {
        if (state == null || state.length != 3 || !(state[2] >= 0)) {
            throw new IllegalArgumentException("temperature optimiser state " + java.util.Arrays.toString(state)
                    + " must be [m, v, steps] with steps >= 0");
        }
        m = state[0];
        v = state[1];
        steps = (long) state[2];
    }
}
