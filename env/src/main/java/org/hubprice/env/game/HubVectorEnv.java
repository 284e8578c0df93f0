package org.hubprice.env.game;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Space;
import org.hubprice.env.hub.HubPeriod;
import org.hubprice.env.api.VectorEnv;

/**
 * The hub pricing game as a {@link VectorEnv}: copy {@code c} is one {@link HubPricingEnv}
 * played through its allocation-free {@code resetFast}/{@code stepFast}. A training reset
 * ({@link VectorEnv#TRAINING}) draws a training day and the battery start from the seed (never a
 * held-out day); scenario {@code d} is day {@code d} of the data with the fixed evaluation
 * battery start. Actions are {@code {multiplier}} per hub. Metrics: the multiplier played,
 * EVs served and EVs balked; {@link #game(int)} gives the full books of a copy's last step
 * ({@link HubPricingEnv#period}).
 */
public final class HubVectorEnv implements VectorEnv {
    private static final List<String> METRICS = List.of("multiplier", "served", "balked");

    private final List<HubPricingEnv> games;
    private final HubPricingEnv first;
    private final double[][] multipliers;

    /** One copy. */
    public HubVectorEnv(HubPricingEnv game) {
        this(List.of(game));
    }

    /** One copy per game; all must share the configuration's hubs and data. */
    public HubVectorEnv(List<HubPricingEnv> games) {
        if (games.isEmpty()) {
            throw new IllegalArgumentException("a hub vector environment needs at least one game");
        }
        this.games = List.copyOf(games);
        this.first = this.games.get(0);
        for (HubPricingEnv g : this.games) {
            if (g.hubCount() != first.hubCount() || g.days().size() != first.days().size()) {
                throw new IllegalArgumentException("every copy must have the same hubs and days; " + g.hubCount() + " hubs / " + g.days().size()
                        + " days vs " + first.hubCount() + " / " + first.days().size());
            }
        }
        multipliers = new double[this.games.size()][first.hubCount()];
    }

    /** Copy {@code copy}'s game, for per-step details beyond the metrics. */
    public HubPricingEnv game(int copy) {
        return games.get(copy);
    }

    @Override
    public int copies() {
        return games.size();
    }

    @Override
    public int agentCount() {
        return first.hubCount();
    }

    @Override
    public String agentName(int agent) {
        return HubPricingEnv.agentName(agent);
    }

    @Override
    public Space observationSpace(int agent) {
        return first.observationSpace(agentName(agent));
    }

    @Override
    public Space actionSpace(int agent) {
        return first.actionSpace(agentName(agent));
    }

    @Override
    public void reset(int copy, long seed, int scenario) {
        games.get(copy).resetFast(seed, scenario == TRAINING ? ResetOptions.TRAINING : ResetOptions.evaluationDay(scenario));
    }

    @Override
    public boolean step(int copy, double[][] actions) {
        double[] m = multipliers[copy];
        for (int i = 0; i < m.length; i++) {
            m[i] = actions[i][0];
        }
        return games.get(copy).stepFast(m);
    }

    @Override
    public double[] observation(int copy, int agent) {
        return games.get(copy).observation(agent);
    }

    @Override
    public double reward(int copy, int agent) {
        return games.get(copy).reward(agent);
    }

    @Override
    public int[] trainingScenarios() {
        return first.split().trainingDays();
    }

    @Override
    public String scenarioLabel(int scenario) {
        return first.days().get(scenario).date().toString();
    }

    @Override
    public String episodeLabel(int copy) {
        HubPricingEnv g = games.get(copy);
        return g.days().get(g.dayIndex()).date().toString();
    }

    @Override
    public List<String> metricNames() {
        return METRICS;
    }

    @Override
    public double metric(int copy, int agent, int metric) {
        HubPeriod p = games.get(copy).period(agent);
        return switch (metric) {
            case 0 -> p.multiplier;
            case 1 -> p.assigned;
            case 2 -> p.balked;
            default -> throw new IndexOutOfBoundsException("metric " + metric + ": the hub game reports " + METRICS);
        };
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("game", "hub pricing (docs/model.md)");
        m.put("hubs", first.hubCount());
        m.put("days", first.days().size());
        m.put("firstDay", first.days().get(0).date().toString());
        m.put("lastDay", first.days().get(first.days().size() - 1).date().toString());
        m.put("trainingDays", first.split().trainingCount());
        m.put("testDays", first.split().testCount());
        List<String> test = new ArrayList<>();
        for (int d : first.split().testDays()) {
            test.add(first.days().get(d).date().toString());
        }
        m.put("heldOutDays", test);
        m.put("daCommitmentKwh", first.commitment());
        m.put("observationNormalizer", first.normalizer());
        m.put("configDigest", first.config().digest());
        return m;
    }

    @Override
    public void close() {
        for (HubPricingEnv g : games) {
            g.close();
        }
    }
}
