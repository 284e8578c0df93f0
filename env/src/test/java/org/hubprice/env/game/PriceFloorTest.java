package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.hub.HubPeriod;
import org.junit.jupiter.api.Test;

/** Hours with zero or negative wholesale prices: the price band uses the floored reference price. */
class PriceFloorTest {
    /** 60 days at 40 $/MWh DA and 45 RT, except that on every day hour 12 has DA −15 and RT 30, and hour 13 has DA 0 and RT −8. */
    private static List<MarketDay> days() {
        List<MarketDay> days = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            double[] da = new double[24];
            double[] rt = new double[24];
            Arrays.fill(da, 40);
            Arrays.fill(rt, 45);
            da[12] = -15;
            rt[12] = 30;
            da[13] = 0;
            rt[13] = -8;
            days.add(new MarketDay(LocalDate.of(2022, 3, 1).plusDays(d), da, rt));
        }
        return days;
    }

    private static HubPricingEnv env(String floor) {
        return HubPricingEnv.builder().setConfig(TestEnvs.config("pricing.floor=" + floor, "split.method=reference")).optDays(days()).build();
    }

    @Test
    void nonPositiveHoursUseTheFloor() {
        HubPricingEnv env = env("2.5");
        env.resetFast(0, ResetOptions.evaluationDay(0));
        EnvInvariants inv = new EnvInvariants(env);
        double[] a = {1.4, 1.8};
        for (int t = 0; t < 24; t++) {
            env.stepFast(a);
            assertTrue(inv.check(), inv.firstViolation());
            for (int i = 0; i < 2; i++) {
                HubPeriod p = env.period(i);
                double expectedRef = t == 12 || t == 13 ? 2.5 : 40;
                assertEquals(expectedRef, p.referencePrice, "reference price at hour " + t);
                assertEquals(a[i] * expectedRef, p.price, 1e-12, "price = a * floored reference at hour " + t);
                assertTrue(p.price > 0);
            }
        }
        assertEquals(0, inv.totalViolations());
        assertEquals(2.5, env.referencePrice(-15, 30));
        assertEquals(2.5, env.referencePrice(0, -8));
        assertEquals(30, env.referencePrice(31, 30));
    }

    @Test
    void theFloorIsConfigurableAndTheGameStillBalks() {
        HubPricingEnv env = env("10");
        env.resetFast(3, ResetOptions.evaluationDay(11));
        for (int t = 0; t < 12; t++) {
            env.stepFast(new double[] {1, 1});
        }
        // Hour 12: DA −15, RT 30; the band is [10, 20]; the dear hub is 2x the cheap one, so every overflow EV balks there.
        env.stepFast(new double[] {1.0, 2.0});
        assertEquals(10.0, env.period(0).price);
        assertEquals(20.0, env.period(1).price);
        assertEquals(0, env.period(1).assigned, "at ratio 2 every EV that reaches the dear hub balks");
        assertTrue(Double.isFinite(env.reward(0)) && Double.isFinite(env.reward(1)));
        // The DA energy bought at −15 $/MWh and sold back at min(−15, 30) loses nothing: profit accounting stays exact.
        assertEquals(env.reward(0), env.period(0).revenue - env.period(0).energyCost - env.period(0).sellBackLoss, 1e-9);
    }
}
