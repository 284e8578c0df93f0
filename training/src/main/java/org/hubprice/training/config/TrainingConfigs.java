package org.hubprice.training.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hubprice.common.ConfigDocument;
import org.hubprice.common.ConfigValues;
import org.hubprice.common.EditDistance;
import org.hubprice.env.config.EnvConfig;

/**
 * Reads training configurations: the named ones shipped with the project ({@link #NAMES}) and
 * YAML files, laid over the defaults ({@code default-training.yaml}), then {@code --set}
 * overrides.
 *
 * <p><b>Layers.</b> A document may start with {@code base: NAME} to build on a named config
 * (which may itself have a base); otherwise it is laid over the defaults. Mappings merge key by
 * key, lists replace lists. A key the defaults do not have is an error naming the full key and
 * suggesting the nearest one. {@code env:} is laid over the environment's own defaults and
 * checked by {@link EnvConfig}; {@code agents[i].params} are checked by the agent's factory when
 * the run starts.
 *
 * <p><b>Overrides.</b> {@code key=value} with a dotted key, list indices in brackets and
 * {@code [*]} for every entry: {@code stopping.maxEpisodes=500}, {@code agents[1].agent=dqn},
 * {@code agents[*].params.hidden=[64,64]}, {@code env.demand.demandMultiplier=1.5}. The value is
 * read as YAML (numbers, booleans, lists, null).
 */
public final class TrainingConfigs {
    /** The named configurations, in the order {@code hubprice configs} lists them. */
    public static final List<String> NAMES = List.of("demo", "sac-ff_sac-ff", "sac-mha_sac-mha", "sac-mha_sac-ff", "sac-ff_dqn-ff",
            "dqn-ff_dqn-ff", "dqn-mha_dqn-mha", "no-balking", "demand+50");

    static final String DEFAULTS = "default-training.yaml";
    private static final String NAMED_DIR = "configs/";
    private static final List<String> TOP_KEYS = List.of("description", "seed", "env", "agents", "schedule", "stopping", "validation",
            "checkpoint", "progress");
    private static final List<String> AGENT_KEYS = List.of("agent", "actions", "params");
    private static final String SECTIONS = "env:, agents:, schedule:";
    /**
     * Subtrees whose keys are checked elsewhere: {@code env} by {@link EnvConfig} against its own
     * defaults, each {@code agents[i].params} by the agent's factory, which knows its parameters.
     */
    private static final Predicate<String> FREE_FORM = path -> path.equals("env") || path.startsWith("env.")
            || path.matches("agents\\[\\d+\\]\\.params(\\..*)?");

    private TrainingConfigs() {}

    /** A named configuration and its one-line description. */
    public record Named(String name, String description) {}

    /** Every named configuration with its description. */
    public static List<Named> named() {
        return NAMES.stream().map(n -> new Named(n, named(n, List.of()).description())).toList();
    }

    /** The named configuration {@code name} with {@code overrides}. */
    public static TrainingConfig named(String name, List<String> overrides) {
        return bind(layered(namedDocument(name), "config '" + name + "'", new LinkedHashSet<>(Set.of(name))), overrides,
                "config '" + name + "'");
    }

    /**
     * A named configuration, or a YAML file when {@code nameOrFile} names an existing file or
     * ends in {@code .yaml}/{@code .yml}; then {@code overrides}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the named ones), a missing
     *         file, a bad key or value (naming the full key)
     */
    public static TrainingConfig resolve(String nameOrFile, List<String> overrides) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new IllegalArgumentException("--config is missing; give a named config " + NAMES + " or a YAML file");
        }
        String s = nameOrFile.trim();
        Path file = Path.of(s);
        if (NAMES.contains(s) && !Files.isRegularFile(file)) {
            return named(s, overrides);
        }
        if (Files.isRegularFile(file) || s.endsWith(".yaml") || s.endsWith(".yml") || s.contains("/")) {
            return load(file, overrides);
        }
        String hint = EditDistance.nearest(s, NAMES);
        throw new IllegalArgumentException("config '" + s + "' is neither a named config nor a file; the named configs are " + NAMES
                + (hint != null ? ". Maybe '" + hint + "'?" : ". See 'hubprice configs'"));
    }

    /** Reads a YAML file (see the class comment), then applies {@code overrides}. */
    public static TrainingConfig load(Path file, List<String> overrides) {
        String text = ConfigDocument.readFile(file, "give a named config " + NAMES + " or an existing YAML file");
        return fromYaml(text, file.toString(), overrides);
    }

    /** Parses YAML text (see the class comment), then applies {@code overrides}. */
    public static TrainingConfig fromYaml(String yaml, String source, List<String> overrides) {
        return bind(layered(ConfigDocument.parse(yaml, source, SECTIONS), source, new LinkedHashSet<>()), overrides, source);
    }

    /** The YAML form of a configuration (every key, resolved). */
    static String toYaml(TrainingConfig config) {
        return ConfigDocument.toYaml(config.toMap());
    }

    // ------------------------------------------------------------------ layering

    private static ObjectNode namedDocument(String name) {
        if (!NAMES.contains(name)) {
            String hint = EditDistance.nearest(name, NAMES);
            throw new IllegalArgumentException("config '" + name + "' is not a named config; the named configs are " + NAMES
                    + (hint != null ? ". Maybe '" + hint + "'?" : ""));
        }
        return ConfigDocument.parse(ConfigDocument.resource(TrainingConfigs.class, NAMED_DIR + name + ".yaml"), "config '" + name + "'",
                SECTIONS);
    }

    /** The document laid over its base (a named config) or over the defaults. */
    private static ObjectNode layered(ObjectNode doc, String source, Set<String> seen) {
        ObjectNode base;
        JsonNode b = doc.remove("base");
        if (b != null && !b.isNull()) {
            String name = b.asText().trim();
            if (!seen.add(name)) {
                throw new IllegalArgumentException(source + ": base: " + name + " leads back to itself through " + seen);
            }
            base = layered(namedDocument(name), "config '" + name + "'", seen);
        } else {
            base = ConfigDocument.parse(ConfigDocument.resource(TrainingConfigs.class, DEFAULTS), DEFAULTS, SECTIONS);
        }
        ConfigDocument.merge(base, doc, "", source, FREE_FORM);
        return base;
    }

    // ------------------------------------------------------------------ binding

    private static TrainingConfig bind(ObjectNode tree, List<String> overrides, String source) {
        normaliseAgents(tree, source);
        List<String> envOverrides = new ArrayList<>();
        if (overrides != null) {
            for (String o : overrides) {
                String[] kv = ConfigDocument.splitOverride(o, "stopping.maxEpisodes=500");
                String key = kv[0];
                String value = kv[1];
                if (key.equals("env")) {
                    throw new IllegalArgumentException("--set env=... names the whole environment section; set one key, e.g. env.hubs.count=3");
                }
                if (key.startsWith("env.")) {
                    envOverrides.add(key.substring(4) + "=" + value);
                } else if (ENV_SECTIONS.contains(key.split("[.\\[]", 2)[0])) {
                    // env-check and evaluate name these keys without env. (hubs.count=3); train takes both forms
                    envOverrides.add(key + "=" + value);
                } else {
                    ConfigDocument.set(tree, key, value, FREE_FORM);
                    if (key.startsWith("agents")) {
                        normaliseAgents(tree, "--set " + key);
                    }
                }
            }
        }
        try {
            return build(tree, envOverrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Gives every agents entry its keys (actions, params) so that overrides can address them. */
    private static void normaliseAgents(ObjectNode tree, String source) {
        JsonNode agents = tree.get("agents");
        if (agents == null || agents.isNull()) {
            throw new IllegalArgumentException(source + ": agents is missing; give one entry per hub, e.g. agents: [{agent: sac}, {agent: sac}]");
        }
        if (!agents.isArray() || agents.isEmpty()) {
            throw new IllegalArgumentException(source + ": agents must be a non-empty list with one entry per hub, e.g. [{agent: sac}, {agent: dqn}]");
        }
        ArrayNode list = (ArrayNode) agents;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (e.isTextual()) {
                ObjectNode o = ConfigDocument.YAML.createObjectNode();
                o.put("agent", e.asText());
                list.set(i, o);
                e = o;
            }
            if (!e.isObject()) {
                throw new IllegalArgumentException(source + ": agents[" + i + "] must be a mapping such as {agent: sac, params: {...}} or a name");
            }
            ObjectNode o = (ObjectNode) e;
            ConfigValues.of(o, "", "agents[" + i + "]").onlyKeys(AGENT_KEYS);
            if (!o.has("actions") || o.get("actions").isNull()) {
                o.put("actions", "continuous");
            }
            if (!o.has("params") || o.get("params").isNull()) {
                o.set("params", ConfigDocument.YAML.createObjectNode());
            } else if (!o.get("params").isObject()) {
                throw new IllegalArgumentException(source + ": agents[" + i + "].params must be a mapping of the agent's settings, not '"
                        + o.get("params").asText() + "'");
            }
        }
    }

    /** The top-level sections of the environment configuration (hubs, demand, market, ...). */
    private static final List<String> ENV_SECTIONS = Arrays.stream(EnvConfig.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final Pattern ENV_KEY = Pattern.compile(
            "(?<![\\w.\\[])(" + String.join("|", ENV_SECTIONS) + ")(?=[.\\[']| =| has| is)");

    /** An environment error's keys as a training configuration names them: {@code hubs.count} becomes {@code env.hubs.count}. */
    static String qualifyEnvKeys(String message) {
        String m = ENV_KEY.matcher(message).replaceAll("env.$1");
        if (m.contains("the known keys are")) {
            // an unknown top-level key of the environment is no section name, so ENV_KEY left it alone
            m = m.replace("unknown key '", "unknown key 'env.").replace("the known keys are", "the known keys under 'env' are");
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static TrainingConfig build(ObjectNode tree, List<String> envOverrides) {
        ConfigValues root = ConfigValues.of(tree, "", "").onlyKeys(TOP_KEYS);
        EnvConfig env;
        JsonNode envTree = tree.get("env");
        try {
            env = EnvConfig.fromYaml(envTree == null || envTree.isNull() ? "" : ConfigDocument.toYaml(envTree), envOverrides);
        } catch (IllegalArgumentException e) {
            // EnvConfig names keys relative to its own root; name them as they are typed here (env.hubs.count)
            throw new IllegalArgumentException(qualifyEnvKeys(e.getMessage().replaceFirst("^(<yaml>|overrides?|--set): ", "")), e);
        }
        List<HubAgentConfig> agents = new ArrayList<>();
        ArrayNode list = (ArrayNode) tree.get("agents");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            ConfigValues a = ConfigValues.of(e, "", "");
            try {
                agents.add(new HubAgentConfig(a.getString("agent"), a.getString("actions"), ConfigDocument.YAML.convertValue(e.get("params"),
                        Map.class)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("agents[" + i + "]." + ex.getMessage(), ex);
            }
        }
        ConfigValues s = root.section("schedule").onlyKeys(List.of("unit", "warmup", "gradientSteps", "every", "mode", "offsets"));
        ScheduleConfig schedule = new ScheduleConfig(s.getString("unit"), s.getLong("warmup"), s.getInt("gradientSteps"), s.getLong("every"),
                s.getString("mode"), s.getIntList("offsets"));

        ConfigValues st = root.section("stopping").onlyKeys(List.of("maxEpisodes", "maxWallTime", "plateau"));
        ConfigValues p = st.section("plateau").onlyKeys(List.of("enabled", "window", "smoothing", "threshold", "minEpisodes", "scaleFloor"));
        PlateauConfig plateau = new PlateauConfig(p.getBoolean("enabled"), p.getInt("window"), p.getDouble("smoothing"),
                p.getDouble("threshold"), p.getLong("minEpisodes"), p.getDouble("scaleFloor"));
        Duration wall = StoppingConfig.parseDuration("stopping.maxWallTime", st.getString("maxWallTime"));
        StoppingConfig stopping = new StoppingConfig(st.getLong("maxEpisodes"), wall, plateau);

        ConfigValues v = root.section("validation").onlyKeys(List.of("every", "days"));
        ConfigValues c = root.section("checkpoint").onlyKeys(List.of("every", "best"));
        ConfigValues pr = root.section("progress").onlyKeys(List.of("window", "logEvery", "plotEvery"));
        return new TrainingConfig(root.getString("description"), root.getLong("seed"), env, agents, schedule, stopping,
                new ValidationConfig(v.getLong("every"), v.getInt("days")), new CheckpointConfig(c.getLong("every"), c.getBoolean("best")),
                new ProgressConfig(pr.getInt("window"), pr.getLong("logEvery"), pr.getLong("plotEvery")));
    }
}
