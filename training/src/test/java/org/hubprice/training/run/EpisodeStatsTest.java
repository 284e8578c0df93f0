package org.hubprice.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.VectorEnv;
import org.junit.jupiter.api.Test;

/** Episode sums and the recent window. */
class EpisodeStatsTest {
    /** Two agents; reward = step + agent, multiplier = 1 + agent, one served and agent balked per step. */
    private static final class Counting implements VectorEnv {
        int step;

        @Override
        public int agentCount() {
            return 2;
        }

        @Override
        public String agentName(int agent) {
            return "a" + agent;
        }

        @Override
        public Space observationSpace(int agent) {
            return new Box(new double[] {0}, new double[] {1});
        }

        @Override
        public Space actionSpace(int agent) {
            return observationSpace(agent);
        }

        @Override
        public void reset(int copy, long seed, int scenario) {
            step = 0;
        }

        @Override
        public boolean step(int copy, double[][] actions) {
            return ++step == 3;
        }

        @Override
        public double[] observation(int copy, int agent) {
            return new double[] {0};
        }

        @Override
        public double reward(int copy, int agent) {
            return step + agent;
        }

        @Override
        public List<String> metricNames() {
            return List.of("served", "multiplier", "balked");
        }

        @Override
        public double metric(int copy, int agent, int metric) {
            return metric == 0 ? 1 : metric == 1 ? 1 + agent : agent;
        }
    }

    @Test
    void sumsAnEpisodeAndAveragesTheMultiplier() {
        Counting env = new Counting();
        EpisodeStats s = new EpisodeStats(env, 2);
        s.begin();
        env.reset(0, 0, VectorEnv.TRAINING);
        for (int t = 0; t < 3; t++) {
            env.step(0, null);
            s.addStep(env, 0);
        }
        s.end(1);
        assertArrayEquals(new double[] {6, 9}, s.reward());
        assertArrayEquals(new double[] {1, 2}, s.multiplier());
        assertArrayEquals(new long[] {3, 3}, s.served());
        assertArrayEquals(new long[] {0, 3}, s.balked());
        assertEquals(15, s.total());
        assertEquals(1, s.recentCount());
    }

    @Test
    void recentWindowKeepsTheLastEpisodes() {
        EpisodeStats s = new EpisodeStats(new Counting(), 2);
        s.record(1, new double[] {10, 0}, new double[] {1, 1});
        s.record(2, new double[] {20, 0}, new double[] {2, 1});
        s.record(3, new double[] {40, 0}, new double[] {3, 1});
        assertEquals(2, s.recentCount());
        assertEquals(30, s.recentReward(0), 1e-12);
        assertEquals(2.5, s.recentMultiplier(0), 1e-12);
    }
}
