package org.hubprice.training.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private TrainingConfigs() {}

    /** A named configuration and its one-line description. */
    public record Named(String name, String description) {}

    /** Every named configuration with its description. */
    public static List<Named> named() {
        List<Named> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(new Named(n, named(n, List.of()).description()));
        }
        return out;
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
        String hint = Names.nearest(s, NAMES);
        throw new IllegalArgumentException("config '" + s + "' is neither a named config nor a file; the named configs are " + NAMES
                + (hint != null ? ". Maybe '" + hint + "'?" : ". See 'hubprice configs'"));
    }

    /** Reads a YAML file (see the class comment), then applies {@code overrides}. */
    public static TrainingConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist; give a named config " + NAMES
                    + " or an existing YAML file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        return fromYaml(text, file.toString(), overrides);
    }

    /** Parses YAML text (see the class comment), then applies {@code overrides}. */
    public static TrainingConfig fromYaml(String yaml, String source, List<String> overrides) {
        return bind(layered(ConfigTree.parseDocument(yaml, source), source, new LinkedHashSet<>()), overrides, source);
    }

    /** The YAML form of a configuration (every key, resolved). */
    static String toYaml(TrainingConfig config) {
        try {
            return ConfigTree.YAML.writeValueAsString(config.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as YAML", e);
        }
    }

    // ------------------------------------------------------------------ layering

    private static ObjectNode namedDocument(String name) {
        if (!NAMES.contains(name)) {
            String hint = Names.nearest(name, NAMES);
            throw new IllegalArgumentException("config '" + name + "' is not a named config; the named configs are " + NAMES
                    + (hint != null ? ". Maybe '" + hint + "'?" : ""));
        }
        return ConfigTree.parseDocument(resource(NAMED_DIR + name + ".yaml"), "config '" + name + "'");
    }

    private static String resource(String path) {
        try (InputStream in = TrainingConfigs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + path + " is missing from the training jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + path, e);
        }
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
            base = ConfigTree.parseDocument(resource(DEFAULTS), DEFAULTS);
        }
        ConfigTree.merge(base, doc, "", source);
        return base;
    }

    // ------------------------------------------------------------------ binding

    private static TrainingConfig bind(ObjectNode tree, List<String> overrides, String source) {
        normaliseAgents(tree, source);
        List<String> envOverrides = new ArrayList<>();
        if (overrides != null) {
            for (String o : overrides) {
                int eq = o == null ? -1 : o.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set '" + o + "' is not of the form dotted.key=value, e.g. stopping.maxEpisodes=500");
                }
                String key = o.substring(0, eq).trim();
                String value = o.substring(eq + 1);
                if (key.equals("env")) {
                    throw new IllegalArgumentException("--set env=... names the whole environment section; set one key, e.g. env.hubs.count=3");
                }
                if (key.startsWith("env.")) {
                    envOverrides.add(key.substring(4) + "=" + value);
                } else if (ENV_SECTIONS.contains(key.split("[.\\[]", 2)[0])) {
                    // env-check and evaluate name these keys without env. (hubs.count=3); train takes both forms
                    envOverrides.add(key + "=" + value);
                } else {
                    ConfigTree.set(tree, key, value);
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
                ObjectNode o = ConfigTree.YAML.createObjectNode();
                o.put("agent", e.asText());
                list.set(i, o);
                e = o;
            }
            if (!e.isObject()) {
                throw new IllegalArgumentException(source + ": agents[" + i + "] must be a mapping such as {agent: sac, params: {...}} or a name");
            }
            ObjectNode o = (ObjectNode) e;
            ConfigTree.onlyKeys(o, "agents[" + i + "]", AGENT_KEYS);
            if (!o.has("actions") || o.get("actions").isNull()) {
                o.put("actions", "continuous");
            }
            if (!o.has("params") || o.get("params").isNull()) {
                o.set("params", ConfigTree.YAML.createObjectNode());
            } else if (!o.get("params").isObject()) {
                throw new IllegalArgumentException(source + ": agents[" + i + "].params must be a mapping of the agent's settings, not '"
                        + o.get("params").asText() + "'");
            }
        }
    }

    /** The top-level sections of the environment configuration (hubs, demand, market, ...). */
    private static final List<String> ENV_SECTIONS = java.util.Arrays.stream(EnvConfig.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();
    private static final java.util.regex.Pattern ENV_KEY = java.util.regex.Pattern.compile(
            "(?<![\\w.\\[])(" + String.join("|", ENV_SECTIONS) + ")(?=[.\\[']| =| has| is)");

    /** An environment error's keys as a training configuration names them: {@code hubs.count} becomes {@code env.hubs.count}. */
    static String qualifyEnvKeys(String message) {
        String m = ENV_KEY.matcher(message).replaceAll("env.$1");
        return m.replace("the allowed keys at the top level are", "the allowed keys under 'env' are");
    }

    @SuppressWarnings("unchecked")
    private static TrainingConfig build(ObjectNode tree, List<String> envOverrides) {
        ConfigTree.onlyKeys(tree, "", TOP_KEYS);
        EnvConfig env;
        JsonNode envTree = tree.get("env");
        try {
            String envYaml = envTree == null || envTree.isNull() ? "" : ConfigTree.YAML.writeValueAsString(envTree);
            env = EnvConfig.fromYaml(envYaml, envOverrides);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-serialise the env section", e);
        } catch (IllegalArgumentException e) {
            // EnvConfig names keys relative to its own root; name them as they are typed here (env.hubs.count)
            throw new IllegalArgumentException(qualifyEnvKeys(e.getMessage().replaceFirst("^(<yaml>|overrides?): ", "")), e);
        }
        List<HubAgentConfig> agents = new ArrayList<>();
        ArrayNode list = (ArrayNode) tree.get("agents");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String path = "agents[" + i + "]";
            try {
                agents.add(new HubAgentConfig(ConfigTree.getString(e, "agent"), ConfigTree.getString(e, "actions"),
                        ConfigTree.YAML.convertValue(e.get("params"), Map.class)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(path + "." + ex.getMessage(), ex);
            }
        }
        JsonNode s = ConfigTree.section(tree, "schedule", "");
        ConfigTree.onlyKeys(s, "schedule", List.of("unit", "warmup", "gradientSteps", "every", "mode", "offsets"));
        ScheduleConfig schedule = new ScheduleConfig(ConfigTree.getString(s, "unit"), ConfigTree.getLong(s, "warmup", "schedule"),
                ConfigTree.getInt(s, "gradientSteps", "schedule"), ConfigTree.getLong(s, "every", "schedule"), ConfigTree.getString(s, "mode"),
                ConfigTree.getIntList(s, "offsets", "schedule"));

        JsonNode st = ConfigTree.section(tree, "stopping", "");
        ConfigTree.onlyKeys(st, "stopping", List.of("maxEpisodes", "maxWallTime", "plateau"));
        JsonNode p = ConfigTree.section(st, "plateau", "stopping");
        ConfigTree.onlyKeys(p, "stopping.plateau", List.of("enabled", "window", "smoothing", "threshold", "minEpisodes", "scaleFloor"));
        PlateauConfig plateau = new PlateauConfig(ConfigTree.getBoolean(p, "enabled", "stopping.plateau"),
                ConfigTree.getInt(p, "window", "stopping.plateau"), ConfigTree.getDouble(p, "smoothing", "stopping.plateau"),
                ConfigTree.getDouble(p, "threshold", "stopping.plateau"), ConfigTree.getLong(p, "minEpisodes", "stopping.plateau"),
                ConfigTree.getDouble(p, "scaleFloor", "stopping.plateau"));
        Duration wall = StoppingConfig.parseDuration("stopping.maxWallTime", ConfigTree.getString(st, "maxWallTime"));
        StoppingConfig stopping = new StoppingConfig(ConfigTree.getLong(st, "maxEpisodes", "stopping"), wall, plateau);

        JsonNode v = ConfigTree.section(tree, "validation", "");
        ConfigTree.onlyKeys(v, "validation", List.of("every", "days"));
        ValidationConfig validation = new ValidationConfig(ConfigTree.getLong(v, "every", "validation"), ConfigTree.getInt(v, "days", "validation"));

        JsonNode c = ConfigTree.section(tree, "checkpoint", "");
        ConfigTree.onlyKeys(c, "checkpoint", List.of("every", "best"));
        CheckpointConfig checkpoint = new CheckpointConfig(ConfigTree.getLong(c, "every", "checkpoint"), ConfigTree.getBoolean(c, "best", "checkpoint"));

        JsonNode pr = ConfigTree.section(tree, "progress", "");
        ConfigTree.onlyKeys(pr, "progress", List.of("window", "logEvery", "plotEvery"));
        ProgressConfig progress = new ProgressConfig(ConfigTree.getInt(pr, "window", "progress"), ConfigTree.getLong(pr, "logEvery", "progress"),
                ConfigTree.getLong(pr, "plotEvery", "progress"));

        return new TrainingConfig(ConfigTree.getString(tree, "description"), ConfigTree.getLong(tree, "seed", ""), env, agents, schedule,
                stopping, validation, checkpoint, progress);
    }
}
