package org.hubprice.env.bertrand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.env.api.Rollout;
import org.hubprice.env.api.VectorEnv;
import org.junit.jupiter.api.Test;

/** The Calvano game through the vector contract matches its indexed fast path, truncation included. */
class BertrandVectorEnvTest {
    @Test
    void rolloutMatchesTheIndexedPathAndTruncates() {
        BertrandGame game = new BertrandGame(BertrandConfig.baseline());
        BertrandLogitEnv direct = new BertrandLogitEnv(game, ObservationEncoding.INDEX, 50);
        BertrandVectorEnv vec = new BertrandVectorEnv(new BertrandLogitEnv(game, ObservationEncoding.INDEX, 50));
        int s = direct.resetIndexed(9);
        int[] acts = new int[2];
        double[] r = new double[2];
        double[] expected = new double[2];
        for (int t = 0; t < 50; t++) {
            acts[0] = (s + t) % game.priceCount();
            acts[1] = (3 * t) % game.priceCount();
            s = direct.stepIndexed(acts, r);
            expected[0] += r[0];
            expected[1] += r[1];
        }
        double[] got = new double[2];
        double[] lastObs = new double[vec.observationSpace(0).dimension()];
        boolean[] truncated = new boolean[1];
        int steps = new Rollout(vec).episode(0, 9, VectorEnv.TRAINING, (c, t, a) -> {
            int state = (int) vec.observation(c, 0)[0];
            a[0][0] = (state + t) % game.priceCount();
            a[1][0] = (3 * t) % game.priceCount();
        }, (c, t, a, done) -> {
            got[0] += vec.reward(c, 0);
            got[1] += vec.reward(c, 1);
            truncated[0] = done && vec.truncated(c);
            System.arraycopy(vec.observation(c, 0), 0, lastObs, 0, lastObs.length);
            assertEquals(game.price((int) a[0][0]), vec.metric(c, 0, 0));
            return true;
        });
        assertEquals(50, steps);
        assertTrue(truncated[0]);
        assertArrayEquals(expected, got, 0.0);
        assertEquals(s, (int) lastObs[0]);
    }
}
