package org.hubprice.env.game;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.DiscreteLevels;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;

/**
 * A view of a parallel environment with one-dimensional continuous actions (a price
 * multiplier) for discrete agents: each agent's action space becomes {@code Discrete(levels)}
 * and index {@code k} means the multiplier {@code low + k · (high − low) / (levels − 1)} of that
 * agent's box. For the hub game's defaults, {@code Discrete(101)} maps to 1.00, 1.01, …, 2.00.
 * Observations, rewards and infos pass through unchanged.
 *
 * <p>Wrapping a {@link HubPricingEnv} also offers {@link #stepFast(int[])}, which allocates nothing.
 */
public final class DiscretePriceActions implements ParallelEnv {
    private final ParallelEnv env;
    private final HubPricingEnv hubEnv;
    private final int levels;
    private final Discrete space;
    private final Map<String, DiscreteLevels> grids = new LinkedHashMap<>();
    private final double[] fastMultipliers;

    /**
     * @param env an environment whose every action space is a one-dimensional {@link Box} with finite bounds
     * @param levels number of evenly spaced levels, {@code >= 2}
     */
    public DiscretePriceActions(ParallelEnv env, int levels) {
        this.env = Objects.requireNonNull(env, "env");
        if (levels < 2) {
            throw new IllegalArgumentException("levels = " + levels + " must be >= 2 (the two ends of the range at least)");
        }
        this.levels = levels;
        this.space = new Discrete(levels);
        for (String a : env.possibleAgents()) {
            grids.put(a, DiscreteLevels.over(env.actionSpace(a), levels, "agent " + a));
        }
        this.hubEnv = env instanceof HubPricingEnv h ? h : null;
        this.fastMultipliers = new double[env.possibleAgents().size()];
    }

    /** The hub game with the configured number of levels ({@code pricing.discreteLevels}). */
    public static DiscretePriceActions of(HubPricingEnv env) {
        return new DiscretePriceActions(env, env.config().pricing().discreteLevels());
    }

    /** Number of levels. */
    public int levels() {
        return levels;
    }

    /** The multiplier index {@code k} stands for, for {@code agent}. */
    public double multiplier(String agent, int k) {
        return grid(agent).value(k);
    }

    /** The levels of {@code agent}'s box. */
    public DiscreteLevels grid(String agent) {
        DiscreteLevels g = grids.get(agent);
        if (g == null) {
            throw new IllegalArgumentException("agent '" + agent + "' is not known; the agents are " + env.possibleAgents());
        }
        return g;
    }

    /** The level nearest to {@code multiplier} for {@code agent} (clamped to the range). */
    public int nearestIndex(String agent, double multiplier) {
        return grid(agent).nearestIndex(multiplier);
    }

    /** The wrapped environment. */
    public ParallelEnv unwrapped() {
        return env;
    }

    @Override
    public List<String> possibleAgents() {
        return env.possibleAgents();
    }

    @Override
    public List<String> agents() {
        return env.agents();
    }

    @Override
    public Space observationSpace(String agent) {
        return env.observationSpace(agent);
    }

    /** {@code Discrete(levels)}, the same object for every agent and call. */
    @Override
    public Space actionSpace(String agent) {
        if (!grids.containsKey(agent)) {
            throw new IllegalArgumentException("agent '" + agent + "' is not known; the agents are " + env.possibleAgents());
        }
        return space;
    }

    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        return env.reset(seed, options);
    }

    /** Actions are one-element arrays {@code {index}}. */
    @Override
    public StepResult step(Map<String, double[]> actions) {
        Objects.requireNonNull(actions, "actions");
        Map<String, double[]> continuous = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : actions.entrySet()) {
            DiscreteLevels g = grids.get(e.getKey());
            if (g == null) {
                throw new IllegalArgumentException("action for unknown agent '" + e.getKey() + "'; the agents are " + env.possibleAgents());
            }
            double[] v = e.getValue();
            if (!space.contains(v)) {
                throw new IllegalArgumentException("action of " + e.getKey() + " = " + Arrays.toString(v) + " is not in Discrete(" + levels
                        + "); give {index} with index in 0.." + (levels - 1));
            }
            continuous.put(e.getKey(), new double[] {g.value((int) v[0])});
        }
        return env.step(continuous);
    }

    /**
     * The allocation-free step of a wrapped {@link HubPricingEnv}: hub i plays level {@code indices[i]}.
     *
     * @return true when the day is over
     */
    public boolean stepFast(int[] indices) {
        if (hubEnv == null) {
            throw new IllegalStateException("stepFast needs a wrapped HubPricingEnv; this wraps " + env.getClass().getSimpleName()
                    + ". Use step(Map) instead");
        }
        if (indices == null || indices.length != fastMultipliers.length) {
            throw new IllegalArgumentException("indices has " + (indices == null ? "no" : indices.length) + " values; give one per hub ("
                    + fastMultipliers.length + ")");
        }
        List<String> agents = env.possibleAgents();
        for (int i = 0; i < indices.length; i++) {
            fastMultipliers[i] = grids.get(agents.get(i)).value(indices[i]);
        }
        return hubEnv.stepFast(fastMultipliers);
    }

    @Override
    public void close() {
        env.close();
    }
}
