package org.hubprice.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The one configuration engine: YAML documents as trees, laid over a tree of defaults key by
 * key, changed by {@code --set key=value} overrides, bound to validating records, and written
 * back as YAML or as a canonical digest. Typed reads of a tree are {@link ConfigValues}.
 *
 * <p>A key the defaults do not have is an error naming the full key and the nearest known one
 * ({@link #unknownKey}), so a typo never silently keeps a default. Subtrees that another
 * component checks (an agent's parameters, say) are declared free-form by a predicate on
 * their dotted path.
 */
public final class ConfigDocument {
    /**
     * Reads and writes every configuration. The writer settings fix the bytes of written
     * configurations, whose SHA-256 is recorded in study summaries: change them and every
     * committed digest goes stale. The reader settings make binding strict (no 2.5 for an int).
     */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    /** The canonical form behind {@link #digest}: JSON with map entries sorted by key. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** No subtree is free-form: every key must be known. */
    public static final Predicate<String> STRICT = path -> false;

    private ConfigDocument() {}

    // ------------------------------------------------------------------ reading

    /**
     * Parses a YAML document that must be a mapping; an empty document is an empty mapping.
     *
     * @param sections a few top-level keys for the error message, e.g. {@code hubs:, demand:}
     */
    public static ObjectNode parse(String yaml, String source, String sections) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""));
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return YAML.createObjectNode();
        }
        if (!doc.isObject()) {
            throw new IllegalArgumentException(source + ": the document must be a mapping of sections (" + sections + ", ...), not a "
                    + doc.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) doc;
    }

    /** The text of a configuration file; a missing file is an error that ends with {@code hint}. */
    public static String readFile(Path file, String hint) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist; " + hint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }

    /** The text of a resource next to {@code anchor} (a shipped default or named configuration). */
    public static String resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the jar of " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    // ------------------------------------------------------------------ layering

    /**
     * Lays {@code overlay} over {@code base} in place: mappings merge key by key, anything else
     * (lists included) replaces. Keys {@code base} lacks are errors unless {@code freeForm}
     * accepts the dotted path of their parent.
     */
    public static void merge(ObjectNode base, JsonNode overlay, String path, String source, Predicate<String> freeForm) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String full = join(path, key);
            JsonNode value = e.getValue();
            JsonNode current = base.get(key);
            if (current == null && !freeForm.test(path)) {
                throw unknownKey(source, path, key, fieldNames(base));
            }
            if (current != null && current.isObject() && value.isObject()) {
                merge((ObjectNode) current, value, full, source, freeForm);
            } else if (current != null && current.isObject() && !value.isNull() && !freeForm.test(full)) {
                throw new IllegalArgumentException(source + ": " + full + " must be a mapping with the keys " + fieldNames(current)
                        + ", not '" + value.asText() + "'");
            } else {
                base.set(key, value.deepCopy());
            }
        }
    }

    /** Splits {@code dotted.key=value}; {@code example} shows the form in the error. */
    public static String[] splitOverride(String override, String example) {
        int eq = override == null ? -1 : override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set '" + override + "' is not of the form dotted.key=value, e.g. " + example);
        }
        return new String[] {override.substring(0, eq).trim(), override.substring(eq + 1)};
    }

    /**
     * Sets {@code key} (dotted, with {@code [i]} or {@code [*]} list indices, e.g.
     * {@code agents[0].params.hidden}) to {@code raw} read as a YAML value. Keys must exist
     * except below paths {@code freeForm} accepts.
     */
    public static void set(ObjectNode tree, String key, String raw, Predicate<String> freeForm) {
        setFrom(tree, key.split("\\."), 0, "", key, raw, freeForm);
    }

    private static void setFrom(JsonNode node, String[] parts, int i, String path, String key, String raw, Predicate<String> freeForm) {
        String part = parts[i];
        String index = null;
        int br = part.indexOf('[');
        if (br >= 0) {
            if (!part.endsWith("]") || br == 0) {
                throw new IllegalArgumentException("--set " + key + ": '" + part + "' is not name[index]; e.g. agents[0].agent=dqn");
            }
            index = part.substring(br + 1, part.length() - 1).trim();
            part = part.substring(0, br);
        }
        if (part.isEmpty()) {
            throw new IllegalArgumentException("--set " + key + ": empty key segment; write dotted.key=value, e.g. schedule.warmup=10");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("--set " + key + ": '" + path + "' is a value, not a section");
        }
        ObjectNode obj = (ObjectNode) node;
        String full = join(path, part);
        boolean last = i == parts.length - 1;
        if (!obj.has(part)) {
            if (!freeForm.test(path) || index != null) {
                throw unknownKey("--set", path, part, fieldNames(obj));
            }
            obj.set(part, last ? parseValue(raw, null) : YAML.createObjectNode());
            if (last) {
                return;
            }
        }
        JsonNode child = obj.get(part);
        if (index != null) {
            if (!child.isArray()) {
                throw new IllegalArgumentException("--set " + key + ": " + full + " has no entries (it is " + (child.isNull() ? "null"
                        : "not a list") + "), so it takes no [index]");
            }
            ArrayNode list = (ArrayNode) child;
            for (int k : indices(list, index, key, full)) {
                if (last) {
                    list.set(k, parseValue(raw, list.get(k)));
                } else {
                    setFrom(list.get(k), parts, i + 1, full + "[" + k + "]", key, raw, freeForm);
                }
            }
        } else if (!last) {
            setFrom(child, parts, i + 1, full, key, raw, freeForm);
        } else {
            JsonNode value = parseValue(raw, child);
            if (child.isObject() && value.isObject()) {
                merge((ObjectNode) child, value, full, "--set " + key, freeForm);
            } else if (child.isObject() && !value.isNull() && !freeForm.test(full)) {
                List<String> names = fieldNames(child);
                throw new IllegalArgumentException("--set " + key + " names the section " + full + " (keys " + names
                        + "); set one of its keys instead" + (names.isEmpty() ? "" : ", e.g. " + full + "." + names.get(0) + "=..."));
            } else {
                obj.set(part, value);
            }
        }
    }

    /** The list positions {@code [index]} addresses: one, or all for {@code [*]}. */
    private static List<Integer> indices(ArrayNode list, String index, String key, String full) {
        if (index.equals("*")) {
            return IntStream.range(0, list.size()).boxed().toList();
        }
        int k;
        try {
            k = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set " + key + ": [" + index + "] is not a list index; use [0], [1], ... or [*] for all");
        }
        if (k < 0 || k >= list.size()) {
            throw new IllegalArgumentException("--set " + key + ": " + full + " has " + list.size() + " entries, so index " + k
                    + " is out of range [0, " + (list.size() - 1) + "]");
        }
        return List.of(k);
    }

    /**
     * Reads {@code raw} as YAML (numbers, booleans, lists, mappings, null for nothing); text
     * that is not YAML stays text. Where a plain value is expected ({@code current} is a
     * scalar or absent), a value such as {@code C:\data} or {@code a: b} that YAML reads as a
     * mapping keeps the text as written.
     */
    public static JsonNode parseValue(String raw, JsonNode current) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode v = YAML.readTree(s);
            if (v == null || v.isMissingNode()) {
                return NullNode.getInstance();
            }
            if (v.isObject() && (current == null || current.isValueNode() && !current.isNull())) {
                return TextNode.valueOf(s);
            }
            return v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(s);
        }
    }

    // ------------------------------------------------------------------ binding and writing

    /**
     * Binds {@code tree} to {@code type} (a record whose constructor validates); every failure
     * becomes one line starting with {@code source} and naming the full key (see {@link BindErrors}).
     */
    public static <T> T bind(JsonNode tree, Class<T> type, String source) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw BindErrors.translate(e, source, tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** {@code value} (a record or a map) as YAML. */
    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as YAML", e);
        }
    }

    /** {@code value} as nested maps and lists (for JSON provenance). */
    public static Map<String, Object> toMap(Object value) {
        return JSON.convertValue(value, new TypeReference<Map<String, Object>>() {});
    }

    /** A SHA-256 hex digest of the canonical JSON form: equal configurations, equal digests. */
    public static String digest(Object value) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(JSON.valueToTree(value));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the configuration", e);
        }
    }

    // ------------------------------------------------------------------ errors

    /**
     * The one error for a key nobody knows: {@code source: unknown key 'parent.key'; the known
     * keys under 'parent' are [...]. Maybe 'parent.nearest'?}. The hint is a full key, so it can
     * be pasted where the typo was.
     */
    public static IllegalArgumentException unknownKey(String source, String parent, String key, Collection<String> known) {
        String hint = EditDistance.nearest(key, known);
        return new IllegalArgumentException((source == null || source.isEmpty() ? "" : source + ": ") + "unknown key '"
                + join(parent, key) + "'; the known keys " + (parent.isEmpty() ? "" : "under '" + parent + "' ") + "are " + known
                + (hint != null ? ". Maybe '" + join(parent, hint) + "'?" : ""));
    }

    /** A Jackson error's location as a key path ({@code hubs.stationsPerHub[1]}), for messages. */
    public static String dottedPath(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The keys of a mapping, in document order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code path.name}, or {@code name} at the top level. */
    public static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
