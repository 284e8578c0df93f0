package org.hubprice.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Typed reads of one mapping of a configuration tree. A value may arrive typed (a YAML number,
 * boolean or list) or as text (from {@code --set key=value} or a map of strings); both are
 * accepted, so {@code 1}, {@code 1.0}, {@code "1"} and {@code "1e0"} are the same integer. Every
 * error names the source, the full dotted key, the value and what is allowed.
 *
 * <p>Getters without a default require the key ({@code getInt(name)}); those with one fall
 * back to it when the key is absent or null. {@code getString} and the list getters without a
 * default return {@code null} for an absent key.
 */
public class ConfigValues {
    private final JsonNode node;
    private final String source;
    private final String path;

    /** For views with more to say about their values (an agent's parameters keep the raw map, say). */
    protected ConfigValues(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source == null ? "" : source;
        this.path = path == null ? "" : path;
    }

    /** The mapping {@code node} at the dotted {@code path}; {@code source} (may be empty) starts every error. */
    public static ConfigValues of(JsonNode node, String source, String path) {
        return new ConfigValues(node, source, path);
    }

    /** A map of settings (e.g. an agent's parameters); {@code source} (e.g. {@code sac}) starts every error. */
    public static ConfigValues of(Map<String, ?> values, String source) {
        return new ConfigValues(ConfigDocument.YAML.valueToTree(values == null ? Map.of() : values), source, "");
    }

    /**
     * One {@code --set key=value} read as YAML ({@link ConfigDocument#parseValue}), for builders
     * that take settings one at a time; {@code source} (may be empty) starts every error.
     */
    public static ConfigValues ofText(String key, String raw, String source) {
        ObjectNode one = ConfigDocument.YAML.createObjectNode();
        one.set(key, ConfigDocument.parseValue(raw, null));
        return new ConfigValues(one, source, "");
    }

    /** Whether {@code name} is present and not null. */
    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** Throws the one unknown-key error ({@link ConfigDocument#unknownKey}) for the first key not in {@code allowed}. */
    public ConfigValues onlyKeys(Collection<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw ConfigDocument.unknownKey(source, path, k, allowed);
            }
        }
        return this;
    }

    /** A required mapping child. */
    public ConfigValues section(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error(full(name) + " is missing; it must be a mapping");
        }
        if (!v.isObject()) {
            throw error(full(name) + " must be a mapping, not '" + v.asText() + "'");
        }
        return new ConfigValues(v, source, full(name));
    }

    // Required values: an absent or null key is an error that names it.

    public long getLong(String name) { return read(name, this::toLong); }
    public int getInt(String name) { return read(name, this::toInt); }
    public double getDouble(String name) { return read(name, this::toDouble); }
    public boolean getBoolean(String name) { return read(name, this::toBoolean); }

    // Optional values: the default stands in for an absent or null key.

    public long getLong(String name, long dflt) { return read(name, dflt, this::toLong); }
    public int getInt(String name, int dflt) { return read(name, dflt, this::toInt); }
    public double getDouble(String name, double dflt) { return read(name, dflt, this::toDouble); }
    public boolean getBoolean(String name, boolean dflt) { return read(name, dflt, this::toBoolean); }

    /** The text (trimmed), or {@code null} when absent. */
    public String getString(String name) {
        return getString(name, null);
    }

    public String getString(String name, String dflt) {
        return read(name, dflt, (k, v) -> v.asText().trim());
    }

    /** A list of integers, given as a list, one number or comma-separated text ({@code "256,256"}); {@code null} when absent. */
    public List<Integer> getIntList(String name) {
        return getIntList(name, null);
    }

    public List<Integer> getIntList(String name, List<Integer> dflt) {
        List<Integer> out = list(name, this::toInt);
        return out == null ? dflt : List.copyOf(out);
    }

    /** A list of numbers, given as a list, one number or comma-separated text; {@code dflt} when absent. */
    public List<Double> getNumbers(String name, List<Double> dflt) {
        List<Double> out = list(name, this::toDouble);
        return out == null ? dflt : List.copyOf(out);
    }

    /** {@link #getNumbers} as an array; {@code null} when absent. */
    public double[] getDoubleList(String name) {
        List<Double> out = getNumbers(name, null);
        return out == null ? null : out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ------------------------------------------------------------------ conversions

    private long toLong(String name, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().trim().replace("_", ""));
        } catch (NumberFormatException notPlain) {
            // 1e6 for a capacity is common; 2.5 for a count is an error
            Double d = number(v);
            if (d != null && d == Math.rint(d) && Math.abs(d) < 9e18) {
                return d.longValue();
            }
            throw bad(name, v, "an integer");
        }
    }

    private int toInt(String name, JsonNode v) {
        long l = toLong(name, v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw error(full(name) + " = " + l + " is too large for an integer setting");
        }
        return (int) l;
    }

    private double toDouble(String name, JsonNode v) {
        Double d = number(v);
        if (d == null) {
            throw bad(name, v, "a number");
        }
        return d;
    }

    private boolean toBoolean(String name, JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(name, v, "true or false");
        };
    }

    /** A number, or numeric text (YAML leaves {@code 1e6} as text), or null. */
    private static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return v.isTextual() ? Double.parseDouble(v.asText().trim().replace("_", "")) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The entries of a list value (one number or comma-separated text counts as a list), converted; null when absent. */
    private <T> List<T> list(String name, BiFunction<String, JsonNode, T> convert) {
        List<JsonNode> items = items(name);
        if (items == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            out.add(convert.apply(name + "[" + k + "]", items.get(k)));
        }
        return out;
    }

    private List<JsonNode> items(String name) {
        JsonNode v = optional(name, true);
        if (v == null) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(TextNode.valueOf(part.trim()));
                }
            }
        } else if (v.isNumber()) {
            out.add(v);
        } else {
            throw bad(name, v, "a list such as [256, 256] or \"256,256\"");
        }
        return out;
    }

    /** A required single value, converted. */
    private <T> T read(String name, BiFunction<String, JsonNode, T> convert) {
        JsonNode v = optional(name);
        if (v == null) {
            throw error(full(name) + " is missing; give a value");
        }
        return convert.apply(name, v);
    }

    /** An optional single value, converted, or {@code dflt}. */
    private <T> T read(String name, T dflt, BiFunction<String, JsonNode, T> convert) {
        JsonNode v = optional(name);
        return v == null ? dflt : convert.apply(name, v);
    }

    private JsonNode optional(String name) {
        return optional(name, false);
    }

    private JsonNode optional(String name, boolean listAllowed) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject() || v.isArray() && !listAllowed) {
            throw error(full(name) + " must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        }
        return v;
    }

    // ------------------------------------------------------------------ errors

    /** {@code source: path.name = 'value' is not EXPECTED}: the one wrong-type error. */
    public IllegalArgumentException bad(String name, JsonNode value, String expected) {
        return error(full(name) + " = '" + (value.isContainerNode() ? value.toString() : value.asText()) + "' is not " + expected);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(source.isEmpty() ? message : source + ": " + message);
    }

    private String full(String name) {
        return ConfigDocument.join(path, name);
    }
}
