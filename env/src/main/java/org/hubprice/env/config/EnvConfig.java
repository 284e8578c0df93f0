package org.hubprice.env.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of the hub pricing environment: an immutable record tree that
 * validates itself on construction. Read it from YAML with {@link #load} or {@link #fromYaml}
 * (the file's keys are laid over the shipped defaults, {@code default-env.yaml}, so a file
 * names only what it changes), change single keys with {@link #withOverrides}
 * ({@code hubs.count=3}), and write it back with {@link #toYaml}.
 *
 * @param hubs the competing hubs and their batteries
 * @param demand EV arrivals, energy and hub choice
 * @param market where wholesale prices come from
 * @param split which days are held out for testing
 * @param pricing how actions become prices
 * @param power how hubs manage power each period
 * @param daCommitment the day-ahead commitment
 * @param observation the observation scaling
 */
public record EnvConfig(HubsConfig hubs, DemandSettings demand, MarketConfig market, SplitConfig split, PricingConfig pricing,
                        PowerConfig power, DaCommitmentSettings daCommitment, ObservationConfig observation) {
    public EnvConfig {
        Validate.present("hubs", hubs);
        Validate.present("demand", demand);
        Validate.present("market", market);
        Validate.present("split", split);
        Validate.present("pricing", pricing);
        Validate.present("power", power);
        Validate.present("daCommitment", daCommitment);
        Validate.present("observation", observation);
        // Rules that span two sections, named by both keys.
        BatteryConfig b = hubs.battery();
        Validate.range("daCommitment.minChargeKw", daCommitment.minChargeKw(), 0, b.chargeRateKw());
        Validate.range("daCommitment.minDischargeKw", daCommitment.minDischargeKw(), 0, b.dischargeRateKw());
        Validate.range("daCommitment.initialBatteryKwh", daCommitment.initialBatteryKwh(), b.minimumKwh(), b.capacityKwh());
    }

    /** The shipped defaults (docs/model.md values, synthetic market data). */
    public static EnvConfig defaults() {
        return ConfigYaml.defaults();
    }

    /**
     * Reads a YAML file laid over the defaults, then applies {@code overrides}.
     *
     * @param file a YAML file; keys it omits keep their defaults
     * @param overrides {@code dotted.key=value} strings, applied in order (may be empty)
     * @throws IllegalArgumentException naming the file, the full key and what is allowed
     */
    public static EnvConfig load(Path file, List<String> overrides) {
        return ConfigYaml.load(file, overrides);
    }

    /** Parses YAML text laid over the defaults, then applies {@code overrides}. */
    public static EnvConfig fromYaml(String yaml, List<String> overrides) {
        return ConfigYaml.parse(yaml, "<yaml>", overrides);
    }

    /** This configuration with {@code dotted.key=value} overrides applied, e.g. {@code hubs.count=3}. */
    public EnvConfig withOverrides(List<String> overrides) {
        return ConfigYaml.withOverrides(this, overrides);
    }

    /** This configuration with the given overrides applied. */
    public EnvConfig withOverrides(String... overrides) {
        return withOverrides(List.of(overrides));
    }

    /** The full configuration as YAML; {@link #fromYaml} reads it back to an equal record. */
    public String toYaml() {
        return ConfigYaml.toYaml(this);
    }

    /** The full configuration as nested maps and lists (for JSON provenance). */
    public Map<String, Object> toMap() {
        return ConfigYaml.toMap(this);
    }

    /** A SHA-256 hex digest of the canonical JSON form: equal configurations, equal digests. */
    public String digest() {
        return ConfigYaml.digest(this);
    }
}
