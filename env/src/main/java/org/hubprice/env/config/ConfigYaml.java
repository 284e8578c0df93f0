package org.hubprice.env.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.common.ConfigDocument;
import org.hubprice.env.demand.DemandConfig;

/**
 * YAML reading and writing of {@link EnvConfig} on the common configuration engine
 * ({@link ConfigDocument}). A document is laid over the default tree key by key: a key the
 * defaults do not have is an error (with the nearest known key suggested), so a typo never
 * silently keeps a default. The merged tree is then bound to the records, whose constructors
 * check ranges and name the full key.
 */
final class ConfigYaml {
    static final String DEFAULT_RESOURCE = "default-env.yaml";
    /** The prefix a training configuration puts before these keys; accepted (and dropped) in every override. */
    static final String ENV_PREFIX = "env.";
    private static final String SECTIONS = "hubs:, demand:";
    /**
     * The demand keys whose defaults are the reference tables of {@link DemandConfig#defaults()}
     * (docs/model.md section 2) rather than values in {@code default-env.yaml}: one copy of the
     * numbers, which the DA commitment's synthetic days use as well.
     */
    private static final List<String> DEMAND_TABLES = List.of("meanVehicles", "chargeProbability", "batterySizesKwh",
            "batterySizeProbabilities", "socPercents", "socProbabilities");

    private static volatile ObjectNode defaultTree;

    private ConfigYaml() {}

    static EnvConfig defaults() {
        return ConfigDocument.bind(defaultTree().deepCopy(), EnvConfig.class, DEFAULT_RESOURCE);
    }

    static EnvConfig load(Path file, List<String> overrides) {
        String text = ConfigDocument.readFile(file, "Maybe a typo in --config, or run from the project root?");
        return parse(text, file.toString(), overrides);
    }

    static EnvConfig parse(String yaml, String source, List<String> overrides) {
        ObjectNode tree = defaultTree().deepCopy();
        ConfigDocument.merge(tree, ConfigDocument.parse(yaml, source, SECTIONS), "", source, ConfigDocument.STRICT);
        applyOverrides(tree, overrides);
        return ConfigDocument.bind(tree, EnvConfig.class, source);
    }

    static EnvConfig withOverrides(EnvConfig base, List<String> overrides) {
        // Optional keys that are null are left out of the written form (so adding one keeps the
        // digest of every older configuration); laying the written form over the default tree
        // brings them back, so they can be overridden like any other key.
        ObjectNode tree = defaultTree().deepCopy();
        ConfigDocument.merge(tree, ConfigDocument.YAML.valueToTree(base), "", "overrides", ConfigDocument.STRICT);
        applyOverrides(tree, overrides);
        return ConfigDocument.bind(tree, EnvConfig.class, "overrides");
    }

    static String toYaml(EnvConfig config) {
        return ConfigDocument.toYaml(config);
    }

    static Map<String, Object> toMap(EnvConfig config) {
        return ConfigDocument.toMap(config);
    }

    static String digest(EnvConfig config) {
        return ConfigDocument.digest(config);
    }

    /** Applies {@code key=value} overrides; the value is read as YAML (numbers, lists, null). */
    static void applyOverrides(ObjectNode tree, List<String> overrides) {
        if (overrides == null) {
            return;
        }
        for (String o : overrides) {
            String[] kv = ConfigDocument.splitOverride(o, "hubs.count=3");
            String key = kv[0];
            // train names these keys env.hubs.count; the same --set works here (one key namespace)
            if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
                key = key.substring(ENV_PREFIX.length());
            }
            ConfigDocument.set(tree, key, kv[1], ConfigDocument.STRICT);
        }
    }

    private static ObjectNode defaultTree() {
        ObjectNode t = defaultTree;
        if (t == null) {
            t = ConfigDocument.parse(ConfigDocument.resource(ConfigYaml.class, DEFAULT_RESOURCE), DEFAULT_RESOURCE, SECTIONS);
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
