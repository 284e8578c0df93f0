package org.hubprice.models.power;

/**
 * Solves one hub's power management problem for one period (docs/model.md section 3) and rolls
 * the battery forward. Prices in $/MWh, energy in kWh, profit in $.
 */
public interface PowerDispatcher {
    /**
     * @param load EV load L of the period, kWh, {@code >= 0}
     * @param commitment DA energy C committed for the period, kWh, {@code >= 0}
     * @param evPrice retail price p_ev
     * @param daPrice day-ahead price p_da
     * @param rtPrice real-time price p_rt
     * @param batteryEnergy stored energy φ at the start of the period, kWh
     * @param batteryCostBasis cost basis p_φ of the stored energy
     * @param limits the battery's limits
     * @param out receives the flows, the profit and the battery state after the period
     */
    void dispatch(double load, double commitment, double evPrice, double daPrice, double rtPrice,
                  double batteryEnergy, double batteryCostBasis, BatteryLimits limits, DispatchResult out);

    /** {@code closed-form} or {@code milp}. */
    String name();
}
