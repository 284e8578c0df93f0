package org.hubprice.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Jackson binding failure of {@link ConfigDocument#bind} into one line in our words:
 * the source, the full dotted key, the value given and the type wanted. Jackson's own
 * messages name Java classes, which a user editing YAML cannot act on.
 */
final class BindErrors {
    private BindErrors() {}

    static IllegalArgumentException translate(JsonProcessingException e, String source, JsonNode tree) {
        String path = e instanceof JsonMappingException m ? ConfigDocument.dottedPath(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            IllegalArgumentException unknown = ConfigDocument.unknownKey(source, parent, u.getPropertyName(), known);
            unknown.initCause(e);
            return unknown;
        }
        // A record constructor refused the value: its message already names the key.
        if (e.getCause() instanceof IllegalArgumentException iae) {
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
}
