package org.hubprice.env.config;

/**
 * A fixed battery state at the start of a day: {@code hubs.evaluationStart}.
 *
 * @param energyKwh stored energy φ, kWh
 * @param costBasis cost basis p_φ of the stored energy, $/MWh
 */
public record BatteryStart(double energyKwh, double costBasis) {}
