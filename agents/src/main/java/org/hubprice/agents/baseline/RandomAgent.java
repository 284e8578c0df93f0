package org.hubprice.agents.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.util.Rng;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * Acts uniformly at random over the action space: each dimension of a (finite) Box uniform
 * in {@code [low, high]}, a Discrete index uniform in {@code 0..n-1}.
 *
 * <p>Training mode draws from the agent's own seeded stream, which is saved with the agent.
 * Evaluation mode must be deterministic, so there the draw is seeded by the agent's seed and
 * the observation's bits: still uniform over the space, but the same observation always gets
 * the same action, and evaluating consumes nothing from the training stream.
 */
public final class RandomAgent implements Agent {
    private final Space observationSpace;
    private final Space actionSpace;
    private final long seed;
    private final Rng rng;
    private final Rng evalRng = new Rng(0);
    private final double[] action;

    public RandomAgent(Space observationSpace, Space actionSpace, long seed) {
        if (actionSpace instanceof Box b) {
            for (int i = 0; i < b.dimension(); i++) {
                if (!Double.isFinite(b.low(i)) || !Double.isFinite(b.high(i))) {
                    throw new IllegalArgumentException("random: action dimension " + i + " is unbounded [" + b.low(i) + ", " + b.high(i)
                            + "]; a uniform draw needs finite bounds. Maybe wrap the agent with action scaling to a finite box");
                }
            }
        }
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.seed = seed;
        this.rng = new Rng(Seeds.derive(seed, "random-actions"));
        this.action = new double[actionSpace.dimension()];
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        if (mode == Mode.EVAL) {
            long h = Seeds.derive(seed, "random-eval");
            for (double x : observation) {
                h = Seeds.derive(h, "obs", Double.doubleToLongBits(x));
            }
            evalRng.setState(h);
            draw(evalRng);
        } else {
            draw(rng);
        }
        return action;
    }

    private void draw(Rng r) {
        if (actionSpace instanceof Discrete d) {
            action[0] = r.nextInt(d.n());
        } else {
            Box b = (Box) actionSpace;
            for (int i = 0; i < action.length; i++) {
                double v = b.low(i) + (b.high(i) - b.low(i)) * r.nextDouble();
                action[i] = Math.min(v, b.high(i));
            }
        }
    }

    /** The training stream's state (saved so that a resumed run draws the same actions). */
    long rngState() {
        return rng.state();
    }

    void restoreRngState(long state) {
        rng.setState(state);
    }

    @Override
    public void save(Path directory) throws IOException {
        AgentCheckpoint.save(directory, Manifest.builder(name(), "uniform random").setSpaces(observationSpace, actionSpace)
                .optSeeds(Map.of("seed", seed)).optState(Map.of("rng", rng.state())), files -> {});
    }
}
