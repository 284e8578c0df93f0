package org.hubprice.models.power;

import org.hubprice.common.Check;

/**
 * A hub battery's physical limits (docs/model.md section 3 defaults: 4000 kWh capacity,
 * 500 kWh minimum, 2000 kW charge and discharge).
 *
 * @param capacityKwh maximum stored energy M_φ
 * @param minimumKwh minimum stored energy m_φ, at most the capacity
 * @param chargeRateKw maximum charge per one-hour period R_ch
 * @param dischargeRateKw maximum discharge per one-hour period R_dch
 */
public record BatteryLimits(double capacityKwh, double minimumKwh, double chargeRateKw, double dischargeRateKw) {
    public static final BatteryLimits DEFAULT = new BatteryLimits(4000, 500, 2000, 2000);

    public BatteryLimits {
        Check.positive("battery.capacityKwh", capacityKwh);
        Check.nonNegative("battery.minimumKwh", minimumKwh);
        Check.nonNegative("battery.chargeRateKw", chargeRateKw);
        Check.nonNegative("battery.dischargeRateKw", dischargeRateKw);
        if (minimumKwh > capacityKwh) {
            throw new IllegalArgumentException("battery.minimumKwh = " + minimumKwh + " exceeds battery.capacityKwh = " + capacityKwh
                    + "; the minimum must be <= the capacity. Maybe swap the two values?");
        }
    }
}
