package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Checks written straight from docs/model.md section 4, independent of the model code: every
 * constraint of every scenario, and the objective recomputed from the flows.
 */
final class PlanChecks {
    /** Absolute tolerance on every row and bound, kWh. */
    static final double TOL = 1e-6;

    private PlanChecks() {}

    static void assertFeasible(DaCommitmentResult r, DaCommitmentConfig cfg) {
        double[] com = r.commitment();
        List<Scenario> sc = r.scenarios();
        double m = cfg.battery().minimumKwh();
        double bigM = cfg.battery().capacityKwh();
        for (int t = 0; t < com.length; t++) {
            assertTrue(com[t] >= -TOL && com[t] <= cfg.commitmentCapKwh() + TOL, "da_com[" + t + "] = " + com[t]);
        }
        for (int w = 0; w < sc.size(); w++) {
            Scenario s = sc.get(w);
            ScenarioPlan p = r.plans().get(w);
            double[] daEv = p.daEv();
            double[] daBss = p.daBss();
            double[] daRt = p.daRt();
            double[] bssEv = p.bssEv();
            double[] rtEv = p.rtEv();
            double[] phi = p.batteryLevel();
            boolean[] xs = p.charging();
            boolean[] ys = p.discharging();
            double prev = cfg.initialBatteryKwh();
            for (int t = 0; t < com.length; t++) {
                String at = " in scenario " + w + ", hour " + t;
                for (double f : new double[] {daEv[t], daBss[t], daRt[t], bssEv[t], rtEv[t]}) {
                    assertTrue(f >= -TOL, "negative flow " + f + at);
                }
                assertEquals(com[t], daEv[t] + daBss[t] + daRt[t], TOL, "da_ev + da_bss + da_rt = da_com" + at);
                assertEquals(s.load(t), daEv[t] + bssEv[t] + rtEv[t], TOL, "da_ev + bss_ev + rt_ev = load" + at);
                assertTrue(daEv[t] >= cfg.psi() * s.load(t) - TOL, "da_ev >= psi load" + at);
                assertEquals(prev + daBss[t] - bssEv[t], phi[t], TOL, "battery balance" + at);
                assertTrue(phi[t] >= m - TOL && phi[t] <= bigM + TOL, "battery level " + phi[t] + at);
                double x = xs[t] ? 1 : 0;
                double y = ys[t] ? 1 : 0;
                assertTrue(daBss[t] >= cfg.minChargeKw() * x - TOL && daBss[t] <= cfg.battery().chargeRateKw() * x + TOL,
                        "m_ch x <= da_bss <= R_ch x (da_bss = " + daBss[t] + ", x = " + x + ")" + at);
                assertTrue(bssEv[t] >= cfg.minDischargeKw() * y - TOL && bssEv[t] <= cfg.battery().dischargeRateKw() * y + TOL,
                        "m_dch y <= bss_ev <= R_dch y (bss_ev = " + bssEv[t] + ", y = " + y + ")" + at);
                assertTrue(x + y <= 1, "x + y <= 1" + at);
                prev = phi[t];
            }
        }
    }

    /** One scenario's objective in $, recomputed from its flows. */
    static double profit(Scenario s, ScenarioPlan p) {
        double[] daEv = p.daEv();
        double[] daBss = p.daBss();
        double[] daRt = p.daRt();
        double[] bssEv = p.bssEv();
        double[] rtEv = p.rtEv();
        double sum = 0;
        for (int t = 0; t < s.hours(); t++) {
            double pda = s.daPrice(t);
            double prt = s.rtPrice(t);
            double hat = Math.min(pda, prt);
            sum += (hat - pda) * daEv[t] + hat * bssEv[t] + (hat - prt) * rtEv[t] + (hat - pda) * daRt[t] - pda * daBss[t];
        }
        return sum / 1000;
    }

    /** Σ_ω π_ω profit_ω recomputed from the plans. */
    static double expectedProfit(DaCommitmentResult r) {
        double e = 0;
        for (int w = 0; w < r.scenarios().size(); w++) {
            e += r.scenarios().get(w).probability() * profit(r.scenarios().get(w), r.plans().get(w));
        }
        return e;
    }
}
