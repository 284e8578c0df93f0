package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hubprice.env.api.Rollout;
import org.hubprice.env.api.VectorEnv;
import org.junit.jupiter.api.Test;

/** The hub game through the vector contract and the rollout engine gives the fast path's numbers. */
class HubVectorEnvTest {
    @Test
    void rolloutEqualsTheFastPathOnTrainingAndFixedDays() {
        HubPricingEnv direct = TestEnvs.env();
        HubVectorEnv vec = new HubVectorEnv(List.of(TestEnvs.env(), TestEnvs.env()));
        Rollout rollout = new Rollout(vec);
        int day = vec.trainingScenarios()[3];
        for (int scenario : new int[] {VectorEnv.TRAINING, day}) {
            for (int copy = 0; copy < 2; copy++) {
                double[] expected = new double[2];
                direct.resetFast(77, scenario == VectorEnv.TRAINING ? ResetOptions.TRAINING : ResetOptions.evaluationDay(day));
                double[] m = new double[2];
                for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                    m[0] = 1 + t / 30.0;
                    m[1] = 1.9 - t / 40.0;
                    direct.stepFast(m);
                    expected[0] += direct.reward(0);
                    expected[1] += direct.reward(1);
                }
                double[] got = new double[2];
                double[] served = new double[2];
                int steps = rollout.episode(copy, 77, scenario, (c, t, a) -> {
                    a[0][0] = 1 + t / 30.0;
                    a[1][0] = 1.9 - t / 40.0;
                }, (c, t, a, done) -> {
                    got[0] += vec.reward(c, 0);
                    got[1] += vec.reward(c, 1);
                    served[0] += vec.metric(c, 0, vec.metricNames().indexOf("served"));
                    return true;
                });
                assertEquals(HubPricingEnv.PERIODS, steps);
                assertArrayEquals(expected, got, 0.0, "copy " + copy + ", scenario " + scenario);
                assertEquals(direct.days().get(direct.dayIndex()).date().toString(), vec.episodeLabel(copy));
            }
        }
        assertEquals(vec.game(0).days().get(day).date().toString(), vec.scenarioLabel(day));
    }

    @Test
    void aHookCanEndAnEpisodeAndMaxStepsCapsIt() {
        HubVectorEnv vec = new HubVectorEnv(TestEnvs.env());
        Rollout rollout = new Rollout(vec).timed(true);
        Rollout.Actor flat = (c, t, a) -> {
            a[0][0] = 1.5;
            a[1][0] = 1.5;
        };
        assertEquals(5, rollout.episode(0, 1, VectorEnv.TRAINING, flat, (c, t, a, done) -> t < 4));
        assertEquals(3, rollout.episode(0, 1, VectorEnv.TRAINING, 3, flat, Rollout.NONE));
        assertEquals(3, vec.game(0).currentPeriod(), "three steps played");
        org.junit.jupiter.api.Assertions.assertTrue(rollout.environmentNanos() > 0 && rollout.actorNanos() > 0 && rollout.hookNanos() > 0);
    }
}
