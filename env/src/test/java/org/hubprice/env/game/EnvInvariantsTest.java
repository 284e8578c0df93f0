package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Energy balance, battery limits, EV conservation, station capacity, the profit identity,
 * finiteness and observations inside their space, on every step of long random-policy
 * rollouts with the exact dispatcher.
 */
class EnvInvariantsTest {
    /** Plays {@code days} days with random multipliers (a tenth of them at the bounds) and checks every step. */
    static EnvInvariants rollout(HubPricingEnv env, int days, long seed) {
        EnvInvariants inv = new EnvInvariants(env);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[env.hubCount()];
        org.hubprice.env.api.Box box = (org.hubprice.env.api.Box) env.actionSpace("hub_0");
        double lo = box.low(0);
        double hi = box.high(0);
        long arrived = 0;
        long accounted = 0;
        for (int d = 0; d < days; d++) {
            env.resetFast(seed * 1_000_003L + d, d % 10 == 0 ? ResetOptions.EVALUATION : ResetOptions.TRAINING);
            boolean done = false;
            while (!done) {
                for (int i = 0; i < m.length; i++) {
                    double u = rng.nextDouble();
                    m[i] = u < 0.05 ? lo : u < 0.1 ? hi : lo + (hi - lo) * rng.nextDouble();
                }
                done = env.stepFast(m);
                if (!inv.check()) {
                    throw new AssertionError(inv.firstViolation());
                }
                arrived += env.lastArrivals();
                accounted += env.lastLost();
                for (int i = 0; i < m.length; i++) {
                    accounted += env.period(i).assigned + env.period(i).balked;
                }
            }
        }
        assertEquals(arrived, accounted, "EVs conserved over the whole rollout");
        return inv;
    }

    @Test
    void tenThousandDaysOfTheDefaultGame() {
        EnvInvariants inv = rollout(TestEnvs.env(), 10_000, 1);
        assertEquals(240_000, inv.steps());
        assertEquals(0, inv.totalViolations(), inv.summary().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Scarce stations: EVs are lost, hubs run full.
        "hubs.stations=20",
        // Three hubs, half the EVs price-blind, no balking, +50 % demand.
        "hubs.count=3;demand.priceSensitiveShare=0.5;demand.balking.steps=none;demand.demandMultiplier=1.5",
        // A small, slow battery that hits its limits often, and absolute-price balking.
        "hubs.battery.capacityKwh=800;hubs.battery.minimumKwh=100;hubs.battery.chargeRateKw=150;hubs.battery.dischargeRateKw=150;"
            + "hubs.trainingStart.energyKwh={low: 100, high: 800};hubs.evaluationStart.energyKwh=400;"
            + "daCommitment.minChargeKw=0;daCommitment.minDischargeKw=0;daCommitment.initialBatteryKwh=400;"
            + "demand.balking.absolutePrice={midpointPrice: 120, scale: 20}",
        // One hub alone (a monopolist) with a narrow action range.
        "hubs.count=1;pricing.minMultiplier=1.2;pricing.maxMultiplier=1.4",
    })
    void variantsKeepTheInvariants(String overrides) {
        HubPricingEnv env = TestEnvs.env(overrides.split(";"));
        EnvInvariants inv = rollout(env, 2_500, 7);
        assertEquals(0, inv.totalViolations(), inv.summary() + " " + inv.firstViolation());
    }

    @Test
    void scarceStationsReallyLoseEvs() {
        HubPricingEnv env = TestEnvs.env("hubs.stations=20");
        long lost = 0;
        for (int d = 0; d < 50; d++) {
            env.resetFast(d, ResetOptions.TRAINING);
            while (!env.stepFast(new double[] {1.5, 1.5})) {
                lost += env.lastLost();
                for (int i = 0; i < 2; i++) {
                    assertTrue(env.period(i).assigned <= 20);
                }
            }
        }
        assertTrue(lost > 0, "with 20 stations per hub some EVs find none");
    }

    @Test
    void theCheckerCatchesABrokenStep() {
        HubPricingEnv env = TestEnvs.env();
        env.resetFast(0, ResetOptions.TRAINING);
        env.stepFast(new double[] {1.2, 1.3});
        EnvInvariants inv = new EnvInvariants(env);
        assertTrue(inv.check());
        env.period(0).daToRt += 5;
        assertTrue(!inv.check());
        assertEquals(1, inv.violations("energyBalance"));
        assertTrue(inv.firstViolation().startsWith("energyBalance: DA use at hub_0"), inv.firstViolation());
    }
}
