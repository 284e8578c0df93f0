package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * Base class of decorators (exploration, action scaling, clipping): forwards every call to
 * the wrapped agent; subclasses override what they change.
 */
public abstract class AgentWrapper implements Agent {
    protected final Agent inner;

    protected AgentWrapper(Agent inner) {
        this.inner = java.util.Objects.requireNonNull(inner, "inner agent");
    }

    /** The agent this one wraps. */
    public Agent unwrapped() {
        return inner instanceof AgentWrapper w ? w.unwrapped() : inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Space observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        return inner.act(observation, mode);
    }

    @Override
    public void observe(Transition transition) {
        inner.observe(transition);
    }

    @Override
    public int learn(int gradientSteps) {
        return inner.learn(gradientSteps);
    }

    /** The wrapped agent's answer; a wrapper that keeps learning state of its own must decide for itself. */
    @Override
    public boolean learnsOnAnyThread() {
        return inner.learnsOnAnyThread();
    }

    @Override
    public java.util.Map<String, Object> state() {
        return inner.state();
    }

    @Override
    public void restore(java.util.Map<String, Object> state) {
        inner.restore(state);
    }

    @Override
    public void save(Path directory) throws IOException {
        inner.save(directory);
    }

    @Override
    public void close() {
        inner.close();
    }
}
