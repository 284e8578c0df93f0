package org.hubprice.models.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.hubprice.models.milp.OrToolsBackend;
import org.hubprice.models.power.bench.DispatchInstances;
import org.hubprice.models.power.bench.Regime;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Property test: the closed-form dispatcher and the section-3 MILP solved by SCIP agree on
 * the optimal objective on 10 000 seeded random instances spread evenly over every
 * {@link Regime}, and both return feasible flows.
 *
 * <p>Tolerances, stated once: objectives (profit in $) agree to
 * {@code 1e-6 · max(|a|, |b|)} relative with an absolute floor of {@code 1e-6} $ (a
 * milli-cent) for objectives near zero. Both dispatchers' flows satisfy every constraint,
 * the balance identities and the battery roll-forward to {@value #KWH_TOL} kWh. (SCIP's own
 * feasibility tolerance is 1e-6; on these instances its presolve settles the model and its
 * values hold to 1e-9, which this test pins down.) Ties (e.g. {@code p_φ = p_rt}) may be
 * split differently, so flows are not compared, only objectives. Instance counts per regime
 * are asserted and logged.
 */
class DispatcherAgreementTest {
    private static final Logger LOG = LoggerFactory.getLogger(DispatcherAgreementTest.class);
    private static final int INSTANCES = 10_000;
    private static final long SEED = 20240601L;
    static final double KWH_TOL = 1e-9;
    private static final double REL_TOL = 1e-6;
    private static final double ABS_FLOOR_DOLLARS = 1e-6;

    @Test
    void closedFormAndMilpAgreeOnEveryRegime() {
        DispatchInstances inst = DispatchInstances.generate(INSTANCES, SEED);
        PowerDispatcher fast = new ClosedFormDispatcher();
        PowerDispatcher milp = new MilpPowerDispatcher(OrToolsBackend.scip());
        long start = System.nanoTime();
        // Instances are independent and both dispatchers are stateless (each MILP solve builds
        // its own native model), so they are checked in parallel on the available cores; the
        // outcome does not depend on the order. This also exercises the backend's thread safety.
        double worstRel = IntStream.range(0, inst.size()).parallel()
                .mapToDouble(i -> checkAgreement(inst, i, fast, milp))
                .max().orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Regime, Integer> perRegime = new EnumMap<>(Regime.class);
        for (int i = 0; i < inst.size(); i++) {
            perRegime.merge(inst.regime(i), 1, Integer::sum);
        }
        LOG.info(String.format(Locale.ROOT, "%d instances in %.2f s on %d threads; worst relative objective gap %.3g; per regime %s",
                INSTANCES, seconds, ForkJoinPool.getCommonPoolParallelism() + 1, worstRel, perRegime));
        assertEquals(Regime.values().length, perRegime.size(), "every regime must be covered: " + perRegime);
        for (Map.Entry<Regime, Integer> e : perRegime.entrySet()) {
            assertTrue(e.getValue() >= INSTANCES / Regime.values().length, "regime " + e.getKey() + " has only " + e.getValue() + " instances");
        }
    }

    @Test
    void aBatteryAboveItsCapacityTakesNoChargeInEither() {
        // Outside the generated regimes: φ > M gives the MILP a negative charge headroom.
        BatteryLimits lim = new BatteryLimits(1000, 100, 500, 500);
        PowerDispatcher milp = new MilpPowerDispatcher(OrToolsBackend.scip());
        DispatchResult a = new DispatchResult();
        DispatchResult b = new DispatchResult();
        for (double phi : new double[] {1000, 1200}) {
            new ClosedFormDispatcher().dispatch(100, 900, 80, 30, 20, phi, 25, lim, a);
            milp.dispatch(100, 900, 80, 30, 20, phi, 25, lim, b);
            assertEquals(0, a.daToBattery, KWH_TOL);
            assertEquals(0, b.daToBattery, KWH_TOL);
            assertEquals(800, a.daToRt, KWH_TOL);
            assertEquals(a.profit, b.profit, 1e-9);
        }
    }

    /** Solves instance {@code i} with both dispatchers, checks both, returns their relative objective gap. */
    private static double checkAgreement(DispatchInstances inst, int i, PowerDispatcher fast, PowerDispatcher milp) {
        DispatchResult a = new DispatchResult();
        DispatchResult b = new DispatchResult();
        inst.dispatch(fast, i, a);
        inst.dispatch(milp, i, b);
        String what = inst.describe(i);
        checkFeasible(inst, i, a, KWH_TOL, "closed-form " + what + " -> " + a);
        checkFeasible(inst, i, b, KWH_TOL, "milp " + what + " -> " + b);
        double scale = Math.max(Math.abs(a.profit), Math.abs(b.profit));
        double tol = Math.max(REL_TOL * scale, ABS_FLOOR_DOLLARS);
        double diff = Math.abs(a.profit - b.profit);
        if (diff > tol) {
            fail("objectives differ by " + diff + " $ (tolerance " + tol + ") on " + what + "\n closed-form " + a + "\n milp " + b);
        }
        return scale == 0 ? 0 : diff / scale;
    }

    /**
     * Checks every constraint of the section-3 MILP on {@code r} explicitly (not through the
     * solver), the objective recomputed from the flows, the battery roll-forward, and that a
     * battery starting within [m, M] stays there.
     */
    static void checkFeasible(DispatchInstances inst, int i, DispatchResult r, double tolKwh, String what) {
        double load = inst.load(i);
        double commitment = inst.commitment(i);
        double phi = inst.batteryEnergy(i);
        BatteryLimits lim = inst.limits(i);
        double[] flows = {r.daToEv, r.daToBattery, r.daToRt, r.batteryToEv, r.rtToEv};
        for (double f : flows) {
            assertTrue(f >= -tolKwh, "negative flow in " + what);
        }
        assertEquals(Math.min(load, commitment), r.daToEv, tolKwh, "DA must serve EVs first: " + what);
        assertEquals(commitment, r.daToEv + r.daToBattery + r.daToRt, tolKwh, "DA balance: " + what);
        assertEquals(load, r.daToEv + r.batteryToEv + r.rtToEv, tolKwh, "EV balance: " + what);
        double chargeCap = Math.max(0, Math.min(lim.chargeRateKw(), lim.capacityKwh() - phi));
        double dischargeCap = Math.max(0, Math.min(lim.dischargeRateKw(), phi - lim.minimumKwh()));
        assertTrue(r.daToBattery <= chargeCap + tolKwh, "charge above its limit " + chargeCap + ": " + what);
        assertTrue(r.batteryToEv <= dischargeCap + tolKwh, "discharge above its limit " + dischargeCap + ": " + what);
        assertTrue(r.daToBattery <= tolKwh || r.batteryToEv <= tolKwh, "charges and discharges at once (x + y <= 1): " + what);

        double pev = inst.evPrice(i);
        double pda = inst.daPrice(i);
        double prt = inst.rtPrice(i);
        double pphi = inst.batteryCostBasis(i);
        double objective = (pev - pda) * r.daToEv + (pev - pphi) * r.batteryToEv + (pev - prt) * r.rtToEv
                + (Math.min(pda, prt) - pda) * r.daToRt;
        double priceScale = Math.max(1, Math.max(Math.abs(pev), Math.max(Math.abs(pda), Math.max(Math.abs(prt), Math.abs(pphi)))));
        assertEquals(objective / 1000, r.profit, 5 * tolKwh * priceScale / 1000 + 1e-9, "profit = objective / 1000: " + what);

        assertEquals(phi + r.daToBattery - r.batteryToEv, r.batteryEnergyAfter, KWH_TOL, "battery roll-forward: " + what);
        double basis = r.daToBattery > 0 ? (phi * pphi + r.daToBattery * pda) / (phi + r.daToBattery) : pphi;
        assertEquals(basis, r.batteryCostBasisAfter, 1e-9 * Math.max(1, Math.abs(basis)), "cost basis roll-forward: " + what);
        if (phi >= lim.minimumKwh() && phi <= lim.capacityKwh()) {
            assertTrue(r.batteryEnergyAfter >= lim.minimumKwh() - tolKwh && r.batteryEnergyAfter <= lim.capacityKwh() + tolKwh,
                    "battery left [m, M]: " + what);
        }
    }
}
