package org.hubprice.env.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * YAML reading and writing of {@link EnvConfig}. A document is laid over the default tree
 * key by key: a key the defaults do not have is an error (with the nearest known key
 * suggested), so a typo never silently keeps a default. The merged tree is then bound to the
 * records, whose constructors check ranges and name the full key.
 */
final class ConfigYaml {
    static final String DEFAULT_RESOURCE = "default-env.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static volatile ObjectNode defaultTree;

    private ConfigYaml() {}

    static EnvConfig defaults() {
        return bind(defaultTree().deepCopy(), DEFAULT_RESOURCE);
    }

    static EnvConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist. Maybe a typo in --config, or run from "
                    + "the project root?");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        return parse(text, file.toString(), overrides);
    }

    static EnvConfig parse(String yaml, String source, List<String> overrides) {
        ObjectNode tree = defaultTree().deepCopy();
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""));
        }
        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
            if (!doc.isObject()) {
                throw new IllegalArgumentException(source + ": the document must be a mapping of sections (hubs:, demand:, ...), "
                        + "not a " + doc.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            merge(tree, doc, "", source);
        }
        applyOverrides(tree, overrides);
        return bind(tree, source);
    }

    static EnvConfig withOverrides(EnvConfig base, List<String> overrides) {
        // Optional keys that are null are left out of the written form (so adding one keeps the
        // digest of every older configuration); laying the written form over the default tree
        // brings them back, so they can be overridden like any other key.
        ObjectNode tree = defaultTree().deepCopy();
        merge(tree, YAML.valueToTree(base), "", "overrides");
        applyOverrides(tree, overrides);
        return bind(tree, "overrides");
    }

    static String toYaml(EnvConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as YAML", e);
        }
    }

    static Map<String, Object> toMap(EnvConfig config) {
        return JSON.convertValue(config, new TypeReference<Map<String, Object>>() {});
    }

    static String digest(EnvConfig config) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(JSON.valueToTree(config));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the configuration", e);
        }
    }

    private static ObjectNode defaultTree() {
        ObjectNode t = defaultTree;
        if (t == null) {
            try (InputStream in = ConfigYaml.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default configuration resource " + DEFAULT_RESOURCE + " is missing from the jar");
                }
                t = (ObjectNode) YAML.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the default configuration", e);
            }
            defaultTree = t;
        }
        return t;
    }

    /** Lays {@code overlay} over {@code base} in place; unknown keys are errors. */
    private static void merge(ObjectNode base, JsonNode overlay, String path, String source) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String full = path.isEmpty() ? key : path + "." + key;
            if (!base.has(key)) {
                throw unknownKey(source, full, path, base);
            }
            JsonNode current = base.get(key);
            JsonNode value = e.getValue();
            if (current.isObject() && value.isObject()) {
                merge((ObjectNode) current, value, full, source);
            } else if (current.isObject() && !value.isNull()) {
                throw new IllegalArgumentException(source + ": " + full + " must be a mapping with the keys "
                        + fieldNames(current) + ", not '" + value.asText() + "'");
            } else {
                base.set(key, value);
            }
        }
    }

    private static IllegalArgumentException unknownKey(String source, String full, String parent, JsonNode siblings) {
        List<String> known = fieldNames(siblings);
        String leaf = full.substring(full.lastIndexOf('.') + 1);
        String hint = Suggest.nearest(leaf, known);
        String where = parent.isEmpty() ? "at the top level" : "under '" + parent + "'";
        return new IllegalArgumentException(source + ": unknown key '" + full + "'; the allowed keys " + where + " are " + known
                + (hint != null ? ". Maybe '" + (parent.isEmpty() ? "" : parent + ".") + hint + "'?" : ""));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Applies {@code key=value} overrides; the value is read as YAML (numbers, lists, null). */
    /** The prefix a training configuration puts before these keys; accepted (and dropped) in every override. */
    static final String ENV_PREFIX = "env.";

    static void applyOverrides(ObjectNode tree, List<String> overrides) {
        if (overrides == null) {
            return;
        }
        for (String o : overrides) {
            int eq = o == null ? -1 : o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("override '" + o + "' is not of the form dotted.key=value, e.g. hubs.count=3");
            }
            String key = o.substring(0, eq).trim();
            String raw = o.substring(eq + 1).trim();
            // train names these keys env.hubs.count; the same --set works here (one key namespace)
            if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
                key = key.substring(ENV_PREFIX.length());
            }
            setPath(tree, key, raw);
        }
    }

    private static void setPath(ObjectNode tree, String key, String raw) {
        String[] parts = key.split("\\.");
        JsonNode node = tree;
        String path = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int index = -1;
            int br = part.indexOf('[');
            if (br >= 0 && part.endsWith("]")) {
                try {
                    index = Integer.parseInt(part.substring(br + 1, part.length() - 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("override key '" + key + "': '" + part + "' has no valid [index]");
                }
                part = part.substring(0, br);
            }
            if (!node.isObject() || !node.has(part)) {
                if (!node.isObject()) {
                    throw new IllegalArgumentException("override key '" + key + "': '" + path + "' is a value, not a section");
                }
                throw unknownKey("override", path.isEmpty() ? part : path + "." + part, path, node);
            }
            String full = path.isEmpty() ? part : path + "." + part;
            boolean last = i == parts.length - 1;
            JsonNode child = node.get(part);
            if (index >= 0) {
                if (!child.isArray() || index >= child.size()) {
                    throw new IllegalArgumentException("override key '" + key + "': " + full + " has "
                            + (child.isArray() ? child.size() + " entries, so index " + index + " is out of range" : "no entries (it is not a list)"));
                }
                if (!last) {
                    node = child.get(index);
                    path = full + "[" + index + "]";
                    continue;
                }
                ((ArrayNode) child).set(index, parseValue(raw, child.get(index)));
                return;
            }
            if (last) {
                JsonNode value = parseValue(raw, child);
                if (child.isObject() && !value.isObject() && !value.isNull()) {
                    throw new IllegalArgumentException("override key '" + key + "' names the section " + full + " (keys "
                            + fieldNames(child) + "); override one of its keys instead, e.g. " + full + "." + fieldNames(child).get(0) + "=...");
                }
                if (child.isObject() && value.isObject()) {
                    merge((ObjectNode) child, value, full, "override");
                } else {
                    ((ObjectNode) node).set(part, value);
                }
                return;
            }
            node = child;
            path = full;
        }
    }

    private static JsonNode parseValue(String raw, JsonNode current) {
        if (raw.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode v = YAML.readTree(raw);
            if (v == null || v.isMissingNode()) {
                return NullNode.getInstance();
            }
            // A value such as "C:\data" or "a: b" parses as a mapping; where a scalar is
            // expected keep the text as written.
            if (v.isObject() && current.isValueNode() && !current.isNull()) {
                return TextNode.valueOf(raw);
            }
            return v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }

    private static EnvConfig bind(ObjectNode tree, String source) {
        try {
            return YAML.treeToValue(tree, EnvConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source, tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Turns a binding failure into one line naming the source, the full key and what is allowed. */
    private static IllegalArgumentException translate(JsonProcessingException e, String source, JsonNode tree) {
        String path = e instanceof JsonMappingException m ? dotted(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            String hint = Suggest.nearest(u.getPropertyName(), known);
            return new IllegalArgumentException(source + ": unknown key '" + path + "'; the allowed keys "
                    + (parent.isEmpty() ? "at the top level" : "under '" + parent + "'") + " are " + known
                    + (hint != null ? ". Maybe '" + (parent.isEmpty() ? "" : parent + ".") + hint + "'?" : ""), e);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            return new IllegalArgumentException(source + ": " + iae.getMessage(), iae);
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException iae) {
            return new IllegalArgumentException(source + ": " + iae.getMessage(), iae);
        }
        if (e instanceof InvalidFormatException f) {
            return new IllegalArgumentException(source + ": " + path + " = '" + f.getValue() + "' is not " + describe(f.getTargetType()), e);
        }
        JsonNode given = e instanceof JsonMappingException m ? valueAt(tree, m.getPath()) : null;
        String value = given == null ? "" : " = " + shown(given);
        if (e instanceof MismatchedInputException m) {
            return new IllegalArgumentException(source + ": " + path + value + " is not " + describe(m.getTargetType()), e);
        }
        return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "the configuration" : path + value)
                + " cannot be read as a configuration value", e);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }

    /** The node at a binding error's path in the tree that was bound, or null. */
    private static JsonNode valueAt(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode n = tree;
        for (JsonMappingException.Reference r : refs) {
            if (n == null) {
                return null;
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : r.getIndex() >= 0 ? n.get(r.getIndex()) : n;
        }
        return n;
    }

    private static String shown(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : v.isContainerNode() ? v.toString() : v.asText();
    }

    private static String dotted(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
