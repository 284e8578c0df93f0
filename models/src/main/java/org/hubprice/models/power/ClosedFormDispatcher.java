package org.hubprice.models.power;

import org.hubprice.common.Check;

/**
 * The exact closed form of the docs/model.md section 3 MILP: a few floating-point operations per
 * call, no allocation, no solver.
 *
 * <p>Why it is exact. {@code da_ev = min(L, C)} is fixed by the first equation, so the two
 * balance equations leave a DA surplus {@code S = C − da_ev} and an EV shortfall
 * {@code D = L − da_ev}, at most one of which is positive. The problem therefore splits into
 * two independent one-variable choices:
 * <ul>
 *   <li>Surplus: {@code da_bss + da_rt = S}. Storing has objective coefficient 0 (the energy
 *       enters inventory at its DA cost) and selling has {@code min(p_da, p_rt) − p_da ≤ 0},
 *       so storing as much as the battery takes, {@code min(R_ch, M − φ)} clamped at 0, is
 *       optimal (a tie when {@code p_rt ≥ p_da}; then storing is kept, as the spec says).</li>
 *   <li>Shortfall: {@code bss_ev + rt_ev = D}. The battery's coefficient is
 *       {@code p_ev − p_φ}, RT's is {@code p_ev − p_rt}; the battery is used, up to
 *       {@code min(R_dch, φ − m)} clamped at 0, exactly when {@code p_φ < p_rt}.</li>
 * </ul>
 * With {@code S > 0} the shortfall is 0, so {@code y = 0} costs nothing and {@code x = 1} is
 * free; symmetrically with {@code D > 0}. The exclusivity {@code x + y ≤ 1} never binds. A
 * negative headroom ({@code φ > M} or {@code φ < m}) forces the matching binary to 0, which
 * the clamp at 0 reproduces.
 *
 * <p>The instance is stateless and thread-safe.
 */
public final class ClosedFormDispatcher implements PowerDispatcher {
    /** Registry name used by {@link PowerDispatchers#byName}. */
    public static final String NAME = "closed-form";

    @Override
    public void dispatch(double load, double commitment, double evPrice, double daPrice, double rtPrice,
                         double batteryEnergy, double batteryCostBasis, BatteryLimits limits, DispatchResult out) {
        // One branch on the fast path; the detailed messages are built only when it fails.
        if (!(load >= 0 && load < Double.POSITIVE_INFINITY
                && commitment >= 0 && commitment < Double.POSITIVE_INFINITY
                && batteryEnergy >= 0 && batteryEnergy < Double.POSITIVE_INFINITY
                && Double.isFinite(evPrice) && Double.isFinite(daPrice) && Double.isFinite(rtPrice)
                && Double.isFinite(batteryCostBasis) && limits != null && out != null)) {
            validate(load, commitment, evPrice, daPrice, rtPrice, batteryEnergy, batteryCostBasis, limits, out);
        }
        double daToEv = Math.min(load, commitment);
        double surplus = commitment - daToEv;
        double shortfall = load - daToEv;

        double chargeRoom = Math.max(0.0, Math.min(limits.chargeRateKw(), limits.capacityKwh() - batteryEnergy));
        double daToBattery = Math.min(surplus, chargeRoom);
        double daToRt = surplus - daToBattery;

        double batteryToEv = 0.0;
        if (batteryCostBasis < rtPrice) {
            double dischargeRoom = Math.max(0.0, Math.min(limits.dischargeRateKw(), batteryEnergy - limits.minimumKwh()));
            batteryToEv = Math.min(shortfall, dischargeRoom);
        }
        double rtToEv = shortfall - batteryToEv;

        double resalePrice = Math.min(daPrice, rtPrice);
        double objective = (evPrice - daPrice) * daToEv
                + (evPrice - batteryCostBasis) * batteryToEv
                + (evPrice - rtPrice) * rtToEv
                + (resalePrice - daPrice) * daToRt;

        out.daToEv = daToEv;
        out.daToBattery = daToBattery;
        out.daToRt = daToRt;
        out.batteryToEv = batteryToEv;
        out.rtToEv = rtToEv;
        out.profit = objective / 1000.0;
        rollForward(batteryEnergy, batteryCostBasis, daPrice, daToBattery, batteryToEv, out);
    }

    /**
     * The battery update shared by every dispatcher: {@code φ' = φ + da_bss − bss_ev}, and the
     * cost basis becomes the energy-weighted mean of the old basis and {@code p_da} when DA
     * energy was stored (inventory carried at cost), otherwise it stays.
     */
    static void rollForward(double batteryEnergy, double batteryCostBasis, double daPrice,
                            double daToBattery, double batteryToEv, DispatchResult out) {
        out.batteryEnergyAfter = batteryEnergy + daToBattery - batteryToEv;
        out.batteryCostBasisAfter = daToBattery > 0
                ? (batteryEnergy * batteryCostBasis + daToBattery * daPrice) / (batteryEnergy + daToBattery)
                : batteryCostBasis;
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the first bad argument; shared by
     * every dispatcher so that both report bad input identically.
     */
    static void validate(double load, double commitment, double evPrice, double daPrice, double rtPrice,
                         double batteryEnergy, double batteryCostBasis, BatteryLimits limits, DispatchResult out) {
        Check.nonNegative("load", load);
        Check.nonNegative("commitment", commitment);
        Check.finite("evPrice", evPrice);
        Check.finite("daPrice", daPrice);
        Check.finite("rtPrice", rtPrice);
        if (!Double.isFinite(batteryEnergy) || batteryEnergy < 0) {
            throw new IllegalArgumentException("batteryEnergy = " + batteryEnergy
                    + " must be a finite number >= 0 (kWh stored). Maybe the battery state was never initialised?");
        }
        Check.finite("batteryCostBasis", batteryCostBasis);
        if (limits == null) {
            throw new IllegalArgumentException("limits is missing; give the battery's limits, e.g. BatteryLimits.DEFAULT");
        }
        if (out == null) {
            throw new IllegalArgumentException("out is missing; pass a DispatchResult to receive the flows");
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
