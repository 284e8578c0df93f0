package org.hubprice.agents.wrappers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentWrapper;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Json;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.util.Rng;

/**
 * Epsilon-greedy exploration: in training mode, with probability {@code epsilon(step)} play a
 * random action (from an {@link ActionSampler}; a discretising learner passes one that draws
 * among its levels), otherwise the inner agent's action. Evaluation mode always asks the inner
 * agent and consumes no randomness. {@code step} counts training-mode actions.
 */
public final class EpsilonGreedy extends AgentWrapper {
    /** The state file this wrapper adds to the checkpoint. */
    public static final String STATE_FILE = "wrapper-epsilon-greedy.json";

    private final EpsilonSchedule schedule;
    private final ActionSampler sampler;
    private final Rng rng;
    private final double[] random;
    private long steps;
    private boolean lastWasRandom;

    public EpsilonGreedy(Agent inner, EpsilonSchedule schedule, ActionSampler sampler, long seed) {
        super(inner);
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
        this.sampler = sampler == null ? ActionSampler.uniform(inner.actionSpace()) : sampler;
        this.rng = new Rng(seed);
        this.random = new double[inner.actionSpace().dimension()];
    }

    /** Restores the step count and random stream saved by {@link #save} in {@code directory}. */
    public static EpsilonGreedy restore(Agent inner, EpsilonSchedule schedule, ActionSampler sampler, Path directory) throws IOException {
        Map<String, Object> state = Json.readMap(directory.resolve(STATE_FILE));
        Params p = Params.of("epsilon-greedy", state);
        EpsilonGreedy w = new EpsilonGreedy(inner, schedule, sampler, 0);
        w.rng.setState(p.getLong("rng", 0));
        w.steps = p.getLong("steps", 0);
        return w;
    }

    public EpsilonSchedule schedule() {
        return schedule;
    }

    /** Training-mode actions taken so far. */
    public long steps() {
        return steps;
    }

    /** The exploration rate for the next training-mode action. */
    public double epsilon() {
        return schedule.value(steps);
    }

    /** Whether the last training-mode action was exploratory. */
    public boolean lastWasRandom() {
        return lastWasRandom;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        if (mode == Mode.EVAL) {
            return inner.act(observation, mode);
        }
        double eps = schedule.value(steps++);
        // always draw, so the stream advances the same way whatever epsilon is
        double u = rng.nextDouble();
        lastWasRandom = u < eps;
        if (lastWasRandom) {
            sampler.sample(rng, random);
            return random;
        }
        return inner.act(observation, mode);
    }

    @Override
    public void save(Path directory) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("wrapper", "epsilon-greedy");
        state.put("schedule", schedule.toMap());
        state.put("steps", steps);
        state.put("epsilon", epsilon());
        state.put("rng", rng.state());
        Checkpoints.writeAtomically(directory, tmp -> {
            inner.save(tmp);
            Json.write(tmp.resolve(STATE_FILE), state);
        });
    }
}
