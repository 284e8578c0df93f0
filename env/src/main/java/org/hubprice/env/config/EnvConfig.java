package org.hubprice.env.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Check;
import org.hubprice.common.ConfigDocument;
import org.hubprice.env.demand.DemandConfig;

/**
 * The whole configuration of the hub pricing environment: an immutable record tree that
 * validates itself on construction. Read it from YAML with {@link #load} or {@link #fromYaml}
 * (the file's keys are laid over the shipped defaults, {@code default-env.yaml}, so a file
 * names only what it changes), change single keys with {@link #withOverrides}
 * ({@code hubs.count=3}), and write it back with {@link #toYaml}. The YAML work is the common
 * configuration engine's ({@link ConfigDocument}): a key the defaults do not have is an error
 * with the nearest known key suggested, so a typo never silently keeps a default.
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
    private static final String DEFAULT_RESOURCE = "default-env.yaml";
    /** The prefix a training configuration puts before these keys; accepted (and dropped) in every override. */
    private static final String ENV_PREFIX = "env.";
    private static final String SECTIONS = "hubs:, demand:";
    /**
     * The demand keys whose defaults are the reference tables of {@link DemandConfig#defaults()}
     * (docs/model.md section 2) rather than values in {@code default-env.yaml}: one copy of the
     * numbers, which the DA commitment's synthetic days use as well.
     */
    private static final List<String> DEMAND_TABLES = List.of("meanVehicles", "chargeProbability", "batterySizesKwh",
            "batterySizeProbabilities", "socPercents", "socProbabilities");
    private static volatile ObjectNode defaultTree;

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
        Check.inRange("daCommitment.minChargeKw", daCommitment.minChargeKw(), 0, b.chargeRateKw());
        Check.inRange("daCommitment.minDischargeKw", daCommitment.minDischargeKw(), 0, b.dischargeRateKw());
        Check.inRange("daCommitment.initialBatteryKwh", daCommitment.initialBatteryKwh(), b.minimumKwh(), b.capacityKwh());
    }

    /** The shipped defaults (docs/model.md values, synthetic market data). */
    public static EnvConfig defaults() {
        return ConfigDocument.bind(defaultTree().deepCopy(), EnvConfig.class, DEFAULT_RESOURCE);
    }

    /**
     * Reads a YAML file laid over the defaults, then applies {@code overrides}.
     *
     * @param file a YAML file; keys it omits keep their defaults
     * @param overrides {@code dotted.key=value} strings, applied in order (may be empty)
     * @throws IllegalArgumentException naming the file, the full key and what is allowed
     */
    public static EnvConfig load(Path file, List<String> overrides) {
        String text = ConfigDocument.readFile(file, "Maybe a typo in --config, or run from the project root?");
        return parse(text, file.toString(), overrides);
    }

    /** Parses YAML text laid over the defaults, then applies {@code overrides}. */
    public static EnvConfig fromYaml(String yaml, List<String> overrides) {
        return parse(yaml, "<yaml>", overrides);
    }

    /** This configuration with {@code dotted.key=value} overrides applied, e.g. {@code hubs.count=3}. */
    public EnvConfig withOverrides(List<String> overrides) {
        // Optional keys that are null are left out of the written form (so adding one keeps the
        // digest of every older configuration); laying the written form over the default tree
        // brings them back, so they can be overridden like any other key.
        ObjectNode tree = defaultTree().deepCopy();
        ConfigDocument.merge(tree, ConfigDocument.YAML.valueToTree(this), "", "overrides", ConfigDocument.STRICT);
        return bind(tree, overrides, "overrides");
    }

    /** This configuration with the given overrides applied. */
    public EnvConfig withOverrides(String... overrides) {
        return withOverrides(List.of(overrides));
    }

    /** The full configuration as YAML; {@link #fromYaml} reads it back to an equal record. */
    public String toYaml() {
        return ConfigDocument.toYaml(this);
    }

    /** The full configuration as nested maps and lists (for JSON provenance). */
    public Map<String, Object> toMap() {
        return ConfigDocument.toMap(this);
    }

    /** A SHA-256 hex digest of the canonical JSON form: equal configurations, equal digests. */
    public String digest() {
        return ConfigDocument.digest(this);
    }

    private static EnvConfig parse(String yaml, String source, List<String> overrides) {
        ObjectNode tree = defaultTree().deepCopy();
        ConfigDocument.merge(tree, ConfigDocument.parse(yaml, source, SECTIONS), "", source, ConfigDocument.STRICT);
        return bind(tree, overrides, source);
    }

    /** Applies {@code key=value} overrides (values read as YAML), then binds the records. */
    private static EnvConfig bind(ObjectNode tree, List<String> overrides, String source) {
        for (String o : overrides == null ? List.<String>of() : overrides) {
            String[] kv = ConfigDocument.splitOverride(o, "hubs.count=3");
            // train names these keys env.hubs.count; the same --set works here (one key namespace)
            String key = kv[0].startsWith(ENV_PREFIX) && kv[0].length() > ENV_PREFIX.length() ? kv[0].substring(ENV_PREFIX.length()) : kv[0];
            ConfigDocument.set(tree, key, kv[1], ConfigDocument.STRICT);
        }
        return ConfigDocument.bind(tree, EnvConfig.class, source);
    }

    private static ObjectNode defaultTree() {
        ObjectNode t = defaultTree;
        if (t == null) {
            t = ConfigDocument.parse(ConfigDocument.resource(EnvConfig.class, DEFAULT_RESOURCE), DEFAULT_RESOURCE, SECTIONS);
            ObjectNode reference = ConfigDocument.YAML.valueToTree(DemandSettings.of(DemandConfig.defaults()));
            ObjectNode demand = ConfigDocument.YAML.createObjectNode();
            for (String k : DEMAND_TABLES) {
                demand.set(k, reference.get(k));
            }
            // the tables first, as in DemandSettings, so that key lists in messages keep their order
            demand.setAll((ObjectNode) t.get("demand"));
            t.set("demand", demand);
            defaultTree = t;
        }
        return t;
    }
}
