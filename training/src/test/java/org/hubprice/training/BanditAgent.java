package org.hubprice.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Json;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.util.Rng;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * A small learning agent for loop tests, with the kinds of state a deep agent has: an
 * epsilon-greedy bandit over {@code arms} levels of a one-dimensional box, a buffer of
 * unprocessed transitions (like a replay buffer), value estimates (like parameters) updated
 * only in {@link #learn} from transitions it samples with its own random stream, and an
 * exploration stream. Everything is saved, so a loaded agent continues exactly.
 */
final class BanditAgent implements Agent {
    static final String NAME = "test-bandit";

    private final Space obs;
    private final Box act;
    private final int arms;
    private final double epsilon;
    private final Rng explore;
    private final Rng sample;
    private double[] values;
    private long[] counts;
    private final List<double[]> pending = new ArrayList<>();
    private final double[] out = new double[1];

    BanditAgent(Space obs, Space act, long seed, int arms, double epsilon) {
        this.obs = obs;
        this.act = (Box) act;
        this.arms = arms;
        this.epsilon = epsilon;
        this.explore = new Rng(Seeds.derive(seed, "explore"));
        this.sample = new Rng(Seeds.derive(seed, "sample"));
        this.values = new double[arms];
        this.counts = new long[arms];
    }

    private double level(int k) {
        return act.low(0) + k * (act.high(0) - act.low(0)) / (arms - 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Space observationSpace() {
        return obs;
    }

    @Override
    public Space actionSpace() {
        return act;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        int best = 0;
        for (int k = 1; k < arms; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        if (mode == Mode.TRAIN && explore.nextDouble() < epsilon) {
            best = explore.nextInt(arms);
        }
        out[0] = level(best);
        return out;
    }

    @Override
    public void observe(Transition t) {
        int k = (int) Math.round((t.action()[0] - act.low(0)) / (act.high(0) - act.low(0)) * (arms - 1));
        pending.add(new double[] {k, t.reward()});
    }

    /** Its update reads and writes only its own buffer, values and stream. */
    @Override
    public boolean learnsOnAnyThread() {
        return true;
    }

    @Override
    public int learn(int gradientSteps) {
        if (pending.isEmpty()) {
            return 0;
        }
        for (int s = 0; s < gradientSteps; s++) {
            for (int j = 0; j < 4 && !pending.isEmpty(); j++) {
                double[] e = pending.remove(sample.nextInt(pending.size()));
                int k = (int) e[0];
                counts[k]++;
                values[k] += (e[1] - values[k]) / counts[k];
            }
        }
        return gradientSteps;
    }

    double[] values() {
        return values.clone();
    }

    @Override
    public void save(Path directory) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("explore", explore.state());
        state.put("sample", sample.state());
        state.put("values", values);
        state.put("counts", counts);
        state.put("pending", pending);
        Checkpoints.writeAtomically(directory, tmp -> {
            Json.write(tmp.resolve(Checkpoints.MANIFEST), Map.of("formatVersion", 1, "agent", NAME));
            Json.write(tmp.resolve("state.json"), state);
        });
    }

    void restore(Path directory) throws IOException {
        Map<String, Object> s = Json.readMap(directory.resolve("state.json"));
        explore.setState(((Number) s.get("explore")).longValue());
        sample.setState(((Number) s.get("sample")).longValue());
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) s.get("values");
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) s.get("counts");
        for (int k = 0; k < arms; k++) {
            values[k] = v.get(k).doubleValue();
            counts[k] = c.get(k).longValue();
        }
        @SuppressWarnings("unchecked")
        List<List<Number>> p = (List<List<Number>>) s.get("pending");
        for (List<Number> e : p) {
            pending.add(new double[] {e.get(0).doubleValue(), e.get(1).doubleValue()});
        }
    }

    /** Its factory: parameters {@code arms} (default 11) and {@code epsilon} (default 0.2). */
    static final class Factory implements AgentFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "test bandit";
        }

        @Override
        public Agent create(AgentContext c) {
            Params p = Params.of(NAME, c.params()).requireKnown(List.of("arms", "epsilon"));
            return new BanditAgent(c.observationSpace(), c.actionSpace(), c.seed(), p.getInt("arms", 11), p.getDouble("epsilon", 0.2));
        }

        @Override
        public Agent load(Path directory, AgentContext c) throws IOException {
            BanditAgent a = (BanditAgent) create(c);
            a.restore(directory);
            return a;
        }
    }
}
