package org.hubprice.agents.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.env.api.Box;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's correctness, not its speed: the number of matrix products it charges to one
 * SAC step is the number a step of the real agent's networks needs, and the figures it reports
 * describe the run that was asked for. Timings are the bench command's job and are not checked.
 */
class SacUpdateBenchmarkTest {
    /**
     * Matrix products of one SAC step for an actor of {@code la} and critics of {@code lc} dense
     * layers (one product per dense layer and pass; derivation from SacAgent's update):
     * <ul>
     *   <li>critic target: actor forward on s' ({@code la}), two target critics forward ({@code 2 lc});</li>
     *   <li>critic step, per critic: forward {@code lc}, weight gradients {@code lc}, input gradients for
     *       every layer but the first ({@code lc - 1}, [s, a] needs none): {@code 2 (3 lc - 1)};</li>
     *   <li>actor step: actor forward {@code la}; per critic forward {@code lc} and input gradients
     *       through every layer including the first (the action is an input): {@code 4 lc}; actor
     *       weight gradients {@code la} and input gradients {@code la - 1}: {@code 3 la - 1 + 4 lc}.</li>
     * </ul>
     * Total {@code 4 la + 12 lc - 3}; for {@code la = lc = L}, {@code 16 L - 3}.
     */
    private static int productsPerStep(int la, int lc) {
        return (la + 2 * lc) + 2 * (3 * lc - 1) + (3 * la - 1 + 4 * lc);
    }

    /** Dense layers in a block, counted by walking the real network (not from the hidden list). */
    private static int denseLayers(Block b) {
        int n = b instanceof Linear ? 1 : 0;
        for (Block c : b.getChildren().values()) {
            n += denseLayers(c);
        }
        return n;
    }

    @Test
    void productsPerStepMatchHandCountsForOneTwoAndThreeHiddenLayers() {
        // 16 L - 3 with L = hidden layers + 1 output layer: 29, 45, 61
        assertEquals(29, new SacUpdateBenchmark(List.of(8), 16, 3, 1, Device.cpu()).run(0, 1, 1).gemmsPerUpdate());
        assertEquals(45, new SacUpdateBenchmark(List.of(8, 8), 16, 3, 1, Device.cpu()).run(0, 1, 1).gemmsPerUpdate());
        assertEquals(61, new SacUpdateBenchmark(List.of(6, 5, 4), 16, 3, 1, Device.cpu()).run(0, 1, 1).gemmsPerUpdate());
        // the count is a property of the layers alone: batch, observation and action sizes do not change it
        assertEquals(45, new SacUpdateBenchmark(List.of(8, 8), 4, 7, 2, Device.cpu()).run(0, 1, 1).gemmsPerUpdate());
    }

    @Test
    void productsPerStepMatchTheLayersOfTheAgentItBenchmarks() {
        List<Integer> hidden = List.of(8, 6);
        int batch = 16;
        int obs = 3;
        int act = 1;
        // the agent the benchmark builds: same network config, same spaces
        SacConfig config = SacConfig.builder().optNetwork(NetworkConfig.ff().withHidden(hidden)).opt("batchSize", batch)
                .opt("learningStarts", batch).build();
        int la;
        int lc;
        try (SacAgent agent = new SacAgent(config, Box.uniform(-1, 1, obs), Box.uniform(1, 2, act), 42, Device.cpu())) {
            la = denseLayers(agent.actor);
            lc = denseLayers(agent.critic1);
            assertEquals(lc, denseLayers(agent.critic2));
            assertEquals(lc, denseLayers(agent.target1));
        }
        assertEquals(3, la, "two hidden layers and the output layer");
        SacUpdateBenchmark.Result r = new SacUpdateBenchmark(hidden, batch, obs, act, Device.cpu()).run(0, 1, 1);
        assertEquals(productsPerStep(la, lc), r.gemmsPerUpdate());
    }

    @Test
    void reportsTheRunThatWasAskedFor() {
        // distinct values everywhere, so that a swapped field shows
        SacUpdateBenchmark.Result r = new SacUpdateBenchmark(List.of(8, 5), 12, 3, 2, Device.cpu()).run(1, 3, 2);
        assertEquals(List.of(8, 5), r.hidden());
        assertEquals(12, r.batchSize());
        assertEquals(3, r.observationDim());
        assertEquals(2, r.actionDim());
        assertEquals(3, r.rounds());
        assertEquals(2, r.updatesPerRound());
        Map<String, Object> m = r.toMap();
        assertEquals(List.of(8, 5), m.get("sacHidden"));
        assertEquals(12, m.get("sacBatchSize"));
        assertEquals(3, m.get("sacObservationDim"));
        assertEquals(2, m.get("sacActionDim"));
        assertEquals(3, m.get("sacRounds"));
        assertEquals(2, m.get("sacUpdatesPerRound"));
        assertEquals(45, m.get("sacGemmsPerUpdate"));
        // the timing keys the bench command prints carry the record's values
        assertEquals(r.sacUpdateMicros(), m.get("sacUpdateMicros"));
        assertEquals(r.sacGemmBoundMicros(), m.get("sacGemmBoundMicros"));
        assertEquals(r.sacRatio(), m.get("sacRatio"));
    }

    @Test
    void rejectsEmptyRunsAndEmptyNetworks() {
        SacUpdateBenchmark b = new SacUpdateBenchmark(List.of(8), 16, 3, 1, Device.cpu());
        assertThrows(IllegalArgumentException.class, () -> b.run(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> b.run(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> b.run(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SacUpdateBenchmark(List.of(), 16, 3, 1, Device.cpu()));
        assertThrows(IllegalArgumentException.class, () -> new SacUpdateBenchmark(List.of(8), 0, 3, 1, Device.cpu()));
    }
}
