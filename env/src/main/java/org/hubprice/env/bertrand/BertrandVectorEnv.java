package org.hubprice.env.bertrand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.VectorEnv;

/**
 * The Calvano game as a one-copy {@link VectorEnv}, over {@link BertrandLogitEnv}'s
 * allocation-free {@code resetIndexed}/{@code stepIndexed}. A training reset draws the initial
 * state from the seed; fixed scenario {@code s} starts in state {@code s}. Actions are
 * {@code {price index}}; the metric {@code price} is the price a firm posted.
 */
public final class BertrandVectorEnv implements VectorEnv {
    private static final List<String> METRICS = List.of("price");

    private final BertrandLogitEnv env;
    private final BertrandGame game;
    private final ObservationEncoding encoding;
    private final int[] indices;
    private final double[] rewards;
    private final double[][] observations;
    private final Space observationSpace;
    private final Discrete actionSpace;

    public BertrandVectorEnv(BertrandLogitEnv env) {
        this.env = env;
        this.game = env.game();
        this.encoding = env.encoding();
        int n = game.firms();
        indices = new int[n];
        rewards = new double[n];
        observationSpace = game.observationSpace(encoding);
        actionSpace = new Discrete(game.priceCount());
        observations = new double[n][observationSpace.dimension()];
    }

    /** The wrapped environment (its state, period and truncation). */
    public BertrandLogitEnv env() {
        return env;
    }

    @Override
    public int agentCount() {
        return indices.length;
    }

    @Override
    public String agentName(int agent) {
        return BertrandLogitEnv.agentId(agent);
    }

    @Override
    public Space observationSpace(int agent) {
        return observationSpace;
    }

    @Override
    public Space actionSpace(int agent) {
        return actionSpace;
    }

    @Override
    public void reset(int copy, long seed, int scenario) {
        checkCopy(copy);
        int s = scenario == TRAINING ? env.resetIndexed(seed) : env.resetToState(scenario);
        java.util.Arrays.fill(rewards, 0);
        observe(s);
    }

    @Override
    public boolean step(int copy, double[][] actions) {
        checkCopy(copy);
        for (int i = 0; i < indices.length; i++) {
            double a = actions[i][0];
            indices[i] = (int) a;
            if (indices[i] != a) {
                throw new IllegalArgumentException("action " + a + " of " + agentName(i) + " is not a price index in " + actionSpace);
            }
        }
        observe(env.stepIndexed(indices, rewards));
        return env.truncated();
    }

    private void observe(int state) {
        for (double[] o : observations) {
            game.encode(state, encoding, o);
        }
    }

    private static void checkCopy(int copy) {
        if (copy != 0) {
            throw new IndexOutOfBoundsException("copy " + copy + " of a one-copy environment");
        }
    }

    @Override
    public double[] observation(int copy, int agent) {
        return observations[agent];
    }

    @Override
    public double reward(int copy, int agent) {
        return rewards[agent];
    }

    @Override
    public boolean truncated(int copy) {
        return env.truncated();
    }

    @Override
    public String scenarioLabel(int scenario) {
        return "state " + scenario;
    }

    @Override
    public String episodeLabel(int copy) {
        return "period " + env.period();
    }

    @Override
    public List<String> metricNames() {
        return METRICS;
    }

    @Override
    public double metric(int copy, int agent, int metric) {
        if (metric != 0) {
            throw new IndexOutOfBoundsException("metric " + metric + ": the Calvano game reports " + METRICS);
        }
        return game.price(indices[agent]);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("game", "logit Bertrand (Calvano et al. 2020)");
        m.put("firms", indices.length);
        m.put("prices", game.priceCount());
        m.put("encoding", encoding.toString());
        m.put("maxPeriods", env.maxPeriods());
        return m;
    }

    @Override
    public void close() {
        env.close();
    }
}
