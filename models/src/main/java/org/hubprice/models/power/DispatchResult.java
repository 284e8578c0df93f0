package org.hubprice.models.power;

/**
 * The flows of one period's power management (kWh) and its objective ($), written by a
 * {@link PowerDispatcher} into a caller-owned instance so that the hot path allocates nothing.
 */
public final class DispatchResult {
    /** DA energy serving EVs. */
    public double daToEv;
    /** DA energy charging the battery. */
    public double daToBattery;
    /** Unused DA energy sold back to RT at min(p_da, p_rt). */
    public double daToRt;
    /** Battery energy serving EVs. */
    public double batteryToEv;
    /** RT energy bought to serve EVs. */
    public double rtToEv;
    /** Period profit in $ (the MILP's optimal objective / 1000). */
    public double profit;
    /** Battery energy after the period, kWh. */
    public double batteryEnergyAfter;
    /** Battery cost basis after the period, $/MWh. */
    public double batteryCostBasisAfter;

    /** Resets every field to 0. */
    public void clear() {
        daToEv = daToBattery = daToRt = batteryToEv = rtToEv = profit = 0;
        batteryEnergyAfter = batteryCostBasisAfter = 0;
    }

    /** Copies every field from {@code o}. */
    public void copyFrom(DispatchResult o) {
        daToEv = o.daToEv;
        daToBattery = o.daToBattery;
        daToRt = o.daToRt;
        batteryToEv = o.batteryToEv;
        rtToEv = o.rtToEv;
        profit = o.profit;
        batteryEnergyAfter = o.batteryEnergyAfter;
        batteryCostBasisAfter = o.batteryCostBasisAfter;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "DispatchResult[daToEv=%.6f, daToBattery=%.6f, daToRt=%.6f, batteryToEv=%.6f, rtToEv=%.6f, profit=%.6f, energyAfter=%.6f, basisAfter=%.6f]",
                daToEv, daToBattery, daToRt, batteryToEv, rtToEv, profit, batteryEnergyAfter, batteryCostBasisAfter);
    }
}
