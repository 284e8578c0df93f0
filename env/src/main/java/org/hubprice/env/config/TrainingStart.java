package org.hubprice.env.config;

/**
 * {@code hubs.trainingStart}: the battery state of each hub at the start of a training day is
 * drawn independently, φ ~ U[energyKwh) and p_φ ~ U[costBasis) (docs/model.md section 5:
 * U[500, 3500) kWh and U[20, 80) $/MWh).
 *
 * @param energyKwh range of the stored energy, kWh
 * @param costBasis range of its cost basis, $/MWh
 */
public record TrainingStart(UniformRange energyKwh, UniformRange costBasis) {}
