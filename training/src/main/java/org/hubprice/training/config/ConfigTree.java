package org.hubprice.training.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML tree operations behind {@link TrainingConfigs}: laying a document over the defaults
 * (a key the defaults lack is an error with the nearest known key suggested), dotted-path
 * {@code key=value} overrides, and typed reads whose errors name the full key.
 *
 * <p>Two subtrees are free-form here and checked elsewhere: {@code env} (checked by
 * {@link org.hubprice.env.config.EnvConfig} against its own defaults) and each
 * {@code agents[i].params} (checked by the agent's factory, which knows its parameters).
 */
final class ConfigTree {
    static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigTree() {}

    /** Parses a YAML document that must be a mapping (an empty document is an empty mapping). */
    static ObjectNode parseDocument(String yaml, String source) {
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
            throw new IllegalArgumentException(source + ": the document must be a mapping of sections (env:, agents:, schedule:, ...), not a "
                    + doc.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) doc;
    }

    /** Whether keys below {@code path} are free-form (checked by another component). */
    static boolean freeForm(String path) {
        return path.equals("env") || path.startsWith("env.") || path.matches("agents\\[\\d+\\]\\.params(\\..*)?");
    }

    /** Lays {@code overlay} over {@code base} in place. Lists replace lists; mappings merge key by key. */
    static void merge(ObjectNode base, JsonNode overlay, String path, String source) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String full = path.isEmpty() ? key : path + "." + key;
            JsonNode value = e.getValue();
            if (!base.has(key)) {
                if (!freeForm(path)) {
                    throw unknownKey(source, full, path, base);
                }
                base.set(key, value.deepCopy());
                continue;
            }
            JsonNode current = base.get(key);
            if (current.isObject() && value.isObject()) {
                merge((ObjectNode) current, value, full, source);
            } else if (current.isObject() && !value.isNull() && !freeForm(full)) {
                throw new IllegalArgumentException(source + ": " + full + " must be a mapping with the keys " + fieldNames(current)
                        + ", not '" + value.asText() + "'");
            } else {
                base.set(key, value.deepCopy());
            }
        }
    }

    static IllegalArgumentException unknownKey(String source, String full, String parent, JsonNode siblings) {
        List<String> known = fieldNames(siblings);
        String leaf = full.substring(full.lastIndexOf('.') + 1);
        String hint = Names.nearest(leaf, known);
        String where = parent.isEmpty() ? "at the top level" : "under '" + parent + "'";
        return new IllegalArgumentException(source + ": unknown key '" + full + "'; the allowed keys " + where + " are " + known
                + (hint != null ? ". Maybe '" + (parent.isEmpty() ? "" : parent + ".") + hint + "'?" : ""));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Sets {@code key} (dotted, with {@code [i]} or {@code [*]} list indices, e.g.
     * {@code agents[0].params.hidden}) to {@code raw} read as a YAML value. Keys must exist
     * except inside free-form subtrees.
     */
    static void set(ObjectNode tree, String key, String raw) {
        List<String> parts = List.of(key.split("\\."));
        setFrom(tree, parts, 0, "", key, raw);
    }

    private static void setFrom(JsonNode node, List<String> parts, int i, String path, String key, String raw) {
        String part = parts.get(i);
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
        String full = path.isEmpty() ? part : path + "." + part;
        boolean last = i == parts.size() - 1;
        if (!obj.has(part)) {
            if (!freeForm(path) || index != null) {
                throw unknownKey("--set", full, path, obj);
            }
            if (last) {
                obj.set(part, parseValue(raw, null));
                return;
            }
            obj.set(part, YAML.createObjectNode());
        }
        JsonNode child = obj.get(part);
        if (index != null) {
            if (!child.isArray()) {
                throw new IllegalArgumentException("--set " + key + ": " + full + " is not a list, so it takes no [index]");
            }
            ArrayNode list = (ArrayNode) child;
            List<Integer> targets = new ArrayList<>();
            if (index.equals("*")) {
                for (int k = 0; k < list.size(); k++) {
                    targets.add(k);
                }
            } else {
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
                targets.add(k);
            }
            for (int k : targets) {
                String p = full + "[" + k + "]";
                if (last) {
                    list.set(k, parseValue(raw, list.get(k)));
                } else {
                    setFrom(list.get(k), parts, i + 1, p, key, raw);
                }
            }
            return;
        }
        if (last) {
            JsonNode value = parseValue(raw, child);
            if (child.isObject() && !value.isObject() && !value.isNull() && !freeForm(full)) {
                List<String> names = fieldNames(child);
                throw new IllegalArgumentException("--set " + key + " names the section " + full + " (keys " + names
                        + "); set one of its keys instead" + (names.isEmpty() ? "" : ", e.g. " + full + "." + names.get(0) + "=..."));
            }
            if (child.isObject() && value.isObject()) {
                merge((ObjectNode) child, value, full, "--set " + key);
            } else {
                obj.set(part, value);
            }
            return;
        }
        setFrom(child, parts, i + 1, full, key, raw);
    }

    /** Reads {@code raw} as YAML (numbers, booleans, lists, null); text that is not YAML stays text. */
    static JsonNode parseValue(String raw, JsonNode current) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode v = YAML.readTree(s);
            if (v == null || v.isMissingNode()) {
                return NullNode.getInstance();
            }
            // "C:\x" or "a: b" parse as mappings; where a plain value is expected keep the text.
            if (v.isObject() && (current == null || current.isValueNode())) {
                return TextNode.valueOf(s);
            }
            return v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(s);
        }
    }

    // ------------------------------------------------------------------ typed reads

    /** A mapping child of {@code node}, required. */
    static JsonNode section(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        String full = join(path, name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(full + " is missing; it must be a mapping");
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(full + " must be a mapping, not '" + v.asText() + "'");
        }
        return v;
    }

    static long getLong(JsonNode node, String name, String path) {
        JsonNode v = required(node, name, path);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e18) {
            return (long) v.asDouble();
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().trim().replace("_", ""));
                if (d == Math.rint(d) && Math.abs(d) < 9e18) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException(join(path, name) + " = '" + v.asText() + "' is not an integer");
    }

    static int getInt(JsonNode node, String name, String path) {
        long v = getLong(node, name, path);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(join(path, name) + " = " + v + " is too large for an integer setting");
        }
        return (int) v;
    }

    static double getDouble(JsonNode node, String name, String path) {
        JsonNode v = required(node, name, path);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException(join(path, name) + " = '" + v.asText() + "' is not a number");
    }

    static boolean getBoolean(JsonNode node, String name, String path) {
        JsonNode v = required(node, name, path);
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(join(path, name) + " = '" + v.asText() + "' is not true or false");
        };
    }

    /** A text value, or {@code null} when absent or null. */
    static String getString(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A list of integers, or {@code null} when absent or null. */
    static List<Integer> getIntList(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(join(path, name) + " = '" + v.asText() + "' is not a list of integers, e.g. [0, 1]");
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            JsonNode item = v.get(k);
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw new IllegalArgumentException(join(path, name) + "[" + k + "] = '" + item.asText() + "' is not an integer");
            }
            out.add(item.asInt());
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(join(path, name) + " is missing; give a value");
        }
        if (v.isContainerNode()) {
            throw new IllegalArgumentException(join(path, name) + " must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        }
        return v;
    }

    /** Checks that {@code node} has only {@code allowed} keys (for mappings read field by field). */
    static void onlyKeys(JsonNode node, String path, List<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String hint = Names.nearest(k, allowed);
                throw new IllegalArgumentException("unknown key '" + join(path, k) + "'; the allowed keys " + (path.isEmpty() ? "at the top level"
                        : "under '" + path + "'") + " are " + allowed + (hint != null ? ". Maybe '" + join(path, hint) + "'?" : ""));
            }
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
