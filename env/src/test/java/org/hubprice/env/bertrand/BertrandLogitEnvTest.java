package org.hubprice.env.bertrand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.StepResult;
import org.junit.jupiter.api.Test;

class BertrandLogitEnvTest {
    private final BertrandGame game = new BertrandGame(BertrandConfig.baseline());

    @Test
    void mapAndIndexedPathsAgree() {
        BertrandLogitEnv a = new BertrandLogitEnv(game, ObservationEncoding.INDEX, 1000);
        BertrandLogitEnv b = new BertrandLogitEnv(game, ObservationEncoding.INDEX, 1000);
        ResetResult r = a.reset(42, Map.of());
        int s = b.resetIndexed(42);
        assertEquals(s, (int) r.observations().get("firm_0")[0]);
        SplittableRandom rng = new SplittableRandom(7);
        int[] acts = new int[2];
        double[] rew = new double[2];
        for (int t = 0; t < 200; t++) {
            acts[0] = rng.nextInt(15);
            acts[1] = rng.nextInt(15);
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("firm_0", new double[] {acts[0]});
            m.put("firm_1", new double[] {acts[1]});
            StepResult sr = a.step(m);
            s = b.stepIndexed(acts, rew);
            assertEquals(s, (int) sr.observations().get("firm_1")[0]);
            assertEquals(rew[0], sr.rewards().get("firm_0"));
            assertEquals(rew[1], sr.rewards().get("firm_1"));
            assertEquals(game.profileIndex(acts), s, "with k = 1 the state is the last profile");
            assertEquals(acts[1], sr.infos().get("firm_1").get("priceIndex"));
            assertFalse(sr.allDone());
        }
    }

    @Test
    void resetIsDeterministicInTheSeedAndCoversTheStates() {
        BertrandLogitEnv env = new BertrandLogitEnv(BertrandConfig.baseline());
        assertEquals(env.resetIndexed(5), env.resetIndexed(5));
        boolean differs = false;
        for (long seed = 0; seed < 20; seed++) {
            differs |= env.resetIndexed(seed) != env.resetIndexed(0);
        }
        assertTrue(differs);
        ResetResult r = env.reset(3, Map.of(BertrandLogitEnv.OPTION_INITIAL_STATE, 17));
        assertArrayEquals(new double[] {17}, r.observations().get("firm_0"));
        assertEquals(List.of("firm_0", "firm_1"), env.agents());
        assertEquals(new Discrete(15), env.actionSpace("firm_1"));
        assertEquals(new Discrete(225), env.observationSpace("firm_0"));
    }

    @Test
    void sessionsAreTruncatedAtTheCap() {
        BertrandLogitEnv env = new BertrandLogitEnv(game, ObservationEncoding.LEVELS, 3);
        env.reset(1, Map.of());
        Map<String, double[]> acts = Map.of("firm_0", new double[] {1}, "firm_1", new double[] {2});
        assertFalse(env.step(acts).truncations().get("firm_0"));
        assertFalse(env.step(acts).truncations().get("firm_0"));
        StepResult last = env.step(acts);
        assertTrue(last.truncations().get("firm_0") && last.allDone());
        assertFalse(last.terminations().get("firm_1"));
        assertArrayEquals(new double[] {1.0 / 14, 2.0 / 14}, last.observations().get("firm_0"), 1e-15);
        assertTrue(env.agents().isEmpty());
        assertThrows(IllegalStateException.class, () -> env.step(acts));
    }

    @Test
    void badActionsAreRejectedWithTheAgentsName() {
        BertrandLogitEnv env = new BertrandLogitEnv(BertrandConfig.baseline());
        assertThrows(IllegalStateException.class, () -> env.stepIndexed(new int[] {0, 0}, new double[2]));
        env.reset(1, Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("firm_0", new double[] {15}, "firm_1", new double[] {0})));
        assertTrue(e.getMessage().contains("firm_0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("firm_0", new double[] {1})));
        assertTrue(e.getMessage().contains("firm_1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("firm_0", new double[] {1}, "firm_1", new double[] {1},
                "firm_2", new double[] {1})));
        assertTrue(e.getMessage().contains("firm_2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.stepIndexed(new int[] {0, -1}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("start", 3)));
    }
}
