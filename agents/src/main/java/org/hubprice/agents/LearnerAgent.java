package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * A {@link Policy} or {@link Learner} of your own as an {@link Agent}: the name and spaces come
 * from the seat, the checkpoint holds the settings, the seed and the learner's
 * {@link Learner#state()}. {@link LearnerFactory} makes these; the Java training entry point
 * makes one for every learner object it is handed.
 */
public final class LearnerAgent implements Agent {
    private final String name;
    private final Learner learner;
    private final AgentContext context;

    public LearnerAgent(String name, Policy policy, AgentContext context) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        this.learner = policy instanceof Learner l ? l : new PlainPolicy(policy);
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The policy or learner inside. */
    public Learner learner() {
        return learner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Space observationSpace() {
        return context.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return context.actionSpace();
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        return learner.act(observation, mode);
    }

    @Override
    public void observe(Transition transition) {
        learner.observe(transition);
    }

    @Override
    public int learn(int gradientSteps) {
        return learner.learn(gradientSteps);
    }

    @Override
    public boolean learnsOnAnyThread() {
        return learner.learnsOnAnyThread();
    }

    @Override
    public Map<String, Object> state() {
        return learner.state();
    }

    @Override
    public void restore(Map<String, Object> state) {
        learner.restore(state);
    }

    @Override
    public void save(Path directory) throws IOException {
        Manifest.Builder m = Manifest.builder(name, algorithm()).setSpaces(context.observationSpace(), context.actionSpace())
                .optHyperparameters(context.params()).optSeeds(Map.of("seed", context.seed())).optState(learner.state());
        AgentCheckpoint.save(directory, m, files -> {});
    }

    /** The learner's class, or "policy (lambda)" for a lambda, whose class name changes from run to run. */
    private String algorithm() {
        Class<?> c = learner instanceof PlainPolicy p ? p.policy().getClass() : learner.getClass();
        return c.isSynthetic() || c.isHidden() ? "policy (lambda)" : c.getName();
    }

    @Override
    public void close() {
        if (learner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(name + ": closing the learner failed: " + e.getMessage(), e);
            }
        }
    }

    /** A policy seen as a learner that learns nothing; keeps the policy's class for the manifest and for close(). */
    private record PlainPolicy(Policy policy) implements Learner, AutoCloseable {
        @Override
        public double[] act(double[] observation, Mode mode) {
            return policy.act(observation, mode);
        }

        @Override
        public void close() throws Exception {
            if (policy instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
