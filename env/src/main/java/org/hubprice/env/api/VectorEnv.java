package org.hubprice.env.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index-based contract every rollout runs on: {@link #copies()} independent copies of a
 * multi-agent game, each reset and stepped by index with arrays in and out, so that a step
 * allocates nothing. The hub game and the Calvano game implement it directly (one copy each);
 * {@link #stack} puts single copies side by side, {@link ParallelVectorEnv} adapts any
 * {@link ParallelEnv}. {@link Rollout} drives episodes on it.
 *
 * <p><b>Scenarios.</b> {@link #reset} takes a scenario: {@link #TRAINING} draws everything,
 * the scenario included, from the seed (a training episode); an index {@code k >= 0} starts
 * fixed scenario {@code k} (the hub game: day {@code k} with the evaluation battery start) and
 * draws only its randomness from the seed. {@link #trainingScenarios()} lists the fixed
 * scenarios that training may also visit (validation sets are chosen from them); a game with
 * none returns an empty array, and then scenario {@code k} is simply the k-th fixed start.
 *
 * <p><b>Metrics.</b> Per-game numbers a loop may record for each agent after a step
 * ({@link #metricNames()}, {@link #metric}); for the hub game: the multiplier played, EVs
 * served and EVs balked.
 *
 * <p>Arrays returned by {@link #observation} belong to the environment and are overwritten by
 * the next reset or step of the same copy: copy to keep.
 */
public interface VectorEnv extends AutoCloseable {
    /** {@link #reset} scenario that draws the scenario itself from the seed (a training episode). */
    int TRAINING = -1;

    /** Number of independent copies. */
    default int copies() {
        return 1;
    }

    /** Agents per copy. */
    int agentCount();

    /** Name of agent {@code agent} ({@code hub_0}, {@code firm_0}, ...). */
    String agentName(int agent);

    Space observationSpace(int agent);

    Space actionSpace(int agent);

    /** Starts an episode of copy {@code copy}: scenario {@link #TRAINING} or a fixed scenario {@code >= 0}. */
    void reset(int copy, long seed, int scenario);

    /**
     * Plays one step of copy {@code copy} with {@code actions[agent]} in {@link #actionSpace}.
     *
     * @return true when the episode is over
     */
    boolean step(int copy, double[][] actions);

    /** Agent {@code agent}'s observation in copy {@code copy} (environment-owned array). */
    double[] observation(int copy, int agent);

    /** Agent {@code agent}'s reward in the last step of copy {@code copy}. */
    double reward(int copy, int agent);

    /** Whether copy {@code copy}'s episode ended on a time limit rather than naturally (valid after its last step). */
    default boolean truncated(int copy) {
        return false;
    }

    /** The fixed scenarios training may visit, as {@link #reset} scenario indices (empty when the game has none). */
    default int[] trainingScenarios() {
        return new int[0];
    }

    /** A label of fixed scenario {@code scenario} (the date for the hub game). */
    default String scenarioLabel(int scenario) {
        return "scenario " + scenario;
    }

    /** A label of copy {@code copy}'s current episode (the day's date for the hub game). */
    default String episodeLabel(int copy) {
        return "";
    }

    /** Names of the per-agent metrics this game reports after a step (may be empty). */
    default List<String> metricNames() {
        return List.of();
    }

    /** Metric {@code metric} (index into {@link #metricNames()}) of agent {@code agent} after copy {@code copy}'s last step. */
    default double metric(int copy, int agent, int metric) {
        throw new IndexOutOfBoundsException("metric " + metric + ": this environment reports " + metricNames());
    }

    /** What to record about the environment in run records and checkpoints. */
    default Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", getClass().getName());
        m.put("agents", agentCount());
        return m;
    }

    @Override
    default void close() {}

    /**
     * Single-copy environments side by side as one {@link VectorEnv} whose copy {@code c} is
     * {@code copies.get(c)} (each must have one copy and the same agents and spaces).
     */
    static VectorEnv stack(List<? extends VectorEnv> copies) {
        return new StackedVectorEnv(copies);
    }
}
