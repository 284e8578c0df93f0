package org.hubprice.env.config;

import org.hubprice.common.Check;
import org.hubprice.models.power.BatteryLimits;

/**
 * {@code hubs.battery}: the battery limits of every hub (docs/model.md section 3).
 *
 * @param capacityKwh M_φ, in (0, 1e7]
 * @param minimumKwh m_φ, in [0, capacityKwh]
 * @param chargeRateKw R_ch (kWh per one-hour period), in [0, 1e7]
 * @param dischargeRateKw R_dch, in [0, 1e7]
 */
public record BatteryConfig(double capacityKwh, double minimumKwh, double chargeRateKw, double dischargeRateKw) {
    static final double MAX = 1e7;

    public BatteryConfig {
        Check.inRangeAboveLow("hubs.battery.capacityKwh", capacityKwh, 0, MAX);
        Check.inRange("hubs.battery.minimumKwh", minimumKwh, 0, capacityKwh);
        Check.inRange("hubs.battery.chargeRateKw", chargeRateKw, 0, MAX);
        Check.inRange("hubs.battery.dischargeRateKw", dischargeRateKw, 0, MAX);
    }

    /** The defaults of docs/model.md: 4000 kWh, 500 kWh minimum, 2000 kW each way. */
    public static BatteryConfig defaults() {
        BatteryLimits d = BatteryLimits.DEFAULT;
        return new BatteryConfig(d.capacityKwh(), d.minimumKwh(), d.chargeRateKw(), d.dischargeRateKw());
    }

    /** As the power layer's limits. */
    public BatteryLimits limits() {
        return new BatteryLimits(capacityKwh, minimumKwh, chargeRateKw, dischargeRateKw);
    }
}
