package org.hubprice.env.config;

/**
 * {@code hubs}: identical competing hubs.
 *
 * @param count number of hubs H, in [1, 64]
 * @param stations charging stations per hub S, in [1, 100000]
 * @param battery battery limits of every hub
 * @param trainingStart distribution of the battery state at the start of a training day,
 *                      within the battery's [minimum, capacity]
 * @param evaluationStart the fixed battery state at the start of every evaluation day
 */
public record HubsConfig(int count, int stations, BatteryConfig battery, TrainingStart trainingStart, BatteryStart evaluationStart) {
    public HubsConfig {
        Validate.range("hubs.count", count, 1, 64);
        Validate.range("hubs.stations", stations, 1, 100_000);
        Validate.present("hubs.battery", battery);
        Validate.present("hubs.trainingStart", trainingStart);
        Validate.present("hubs.trainingStart.energyKwh", trainingStart.energyKwh())
                .check("hubs.trainingStart.energyKwh", battery.minimumKwh(), battery.capacityKwh());
        Validate.present("hubs.trainingStart.costBasis", trainingStart.costBasis())
                .check("hubs.trainingStart.costBasis", -PricingConfig.MAX_PRICE, PricingConfig.MAX_PRICE);
        Validate.present("hubs.evaluationStart", evaluationStart);
        Validate.range("hubs.evaluationStart.energyKwh", evaluationStart.energyKwh(), battery.minimumKwh(), battery.capacityKwh());
        Validate.range("hubs.evaluationStart.costBasis", evaluationStart.costBasis(), -PricingConfig.MAX_PRICE, PricingConfig.MAX_PRICE);
    }
}
