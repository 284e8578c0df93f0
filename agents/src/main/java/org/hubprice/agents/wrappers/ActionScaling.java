package org.hubprice.agents.wrappers;

import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentWrapper;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * Maps the inner agent's Box actions affinely onto another Box, clipping the result: e.g. a
 * tanh-squashed policy acting in {@code [-1, 1]} plays the hub game's {@code [1, 2]}. Stored
 * transitions are mapped back, so the inner agent learns in its own units. The wrapper has no
 * state; a factory that uses it wraps the loaded agent again.
 */
public final class ActionScaling extends AgentWrapper {
    private final Box inBox;
    private final Box outBox;
    private final double[] out;
    private final double[] back;

    public ActionScaling(Agent inner, Box target) {
        super(inner);
        if (!(inner.actionSpace() instanceof Box b)) {
            throw new IllegalArgumentException("action scaling needs an inner Box action space; got " + inner.actionSpace());
        }
        if (b.dimension() != target.dimension()) {
            throw new IllegalArgumentException("action scaling: inner box has " + b.dimension() + " dimensions, target " + target.dimension());
        }
        for (int i = 0; i < b.dimension(); i++) {
            if (!Double.isFinite(b.low(i)) || !Double.isFinite(b.high(i)) || !Double.isFinite(target.low(i))
                    || !Double.isFinite(target.high(i)) || b.high(i) <= b.low(i)) {
                throw new IllegalArgumentException("action scaling needs finite, non-empty bounds; dimension " + i + ": inner ["
                        + b.low(i) + ", " + b.high(i) + "], target [" + target.low(i) + ", " + target.high(i) + "]");
            }
        }
        this.inBox = b;
        this.outBox = target;
        this.out = new double[b.dimension()];
        this.back = new double[b.dimension()];
    }

    /** {@code [-1, 1]^n}, the usual inner box of a squashed policy. */
    public static Box symmetricUnit(int n) {
        return Box.uniform(-1, 1, n);
    }

    @Override
    public Space actionSpace() {
        return outBox;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        double[] a = inner.act(observation, mode);
        for (int i = 0; i < out.length; i++) {
            out[i] = map(a[i], inBox.low(i), inBox.high(i), outBox.low(i), outBox.high(i));
        }
        return out;
    }

    @Override
    public void observe(Transition t) {
        double[] a = t.action();
        for (int i = 0; i < back.length; i++) {
            back[i] = map(a[i], outBox.low(i), outBox.high(i), inBox.low(i), inBox.high(i));
        }
        inner.observe(new Transition(t.observation(), back, t.reward(), t.nextObservation(), t.terminated(), t.truncated()));
    }

    private static double map(double x, double lo, double hi, double tlo, double thi) {
        double v = tlo + (x - lo) * (thi - tlo) / (hi - lo);
        return v < tlo ? tlo : (v > thi ? thi : v);
    }
}
