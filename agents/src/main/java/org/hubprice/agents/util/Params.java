package org.hubprice.agents.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validated access to an agent's parameter map ({@link
 * org.hubprice.agents.AgentContext#params()}). Values arrive either typed (from YAML: numbers,
 * booleans, lists) or as strings (from {@code --set key=value}); both are accepted. Every
 * error names the agent, the key, the value and what is allowed.
 */
public final class Params {
    private final String owner;
    private final Map<String, Object> values;

    private Params(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values == null ? Map.of() : values;
    }

    /** Wraps {@code values}; {@code owner} (e.g. {@code dqn}) prefixes error messages. */
    public static Params of(String owner, Map<String, Object> values) {
        return new Params(owner, values);
    }

    /**
     * Throws when a key is not in {@code allowed}, suggesting the closest allowed key, because
     * a misspelt hyperparameter that is silently ignored wastes a whole training run.
     */
    public Params requireKnown(Collection<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(owner + ": unknown parameter '" + key + "'; allowed: " + new TreeSet<>(allowed)
                        + closestHint(key, allowed));
            }
        }
        return this;
    }

    private static String closestHint(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? ". Maybe '" + best + "'?" : "";
    }

    private static int distance(String a, String b) {
        return org.hubprice.common.EditDistance.between(a, b);
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** The raw value or {@code null}. */
    public Object raw(String key) {
        return values.get(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public double getDouble(String key, double dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    public int getInt(String key, int dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                // accept "1e6" and "1000000" alike: capacities are often written in scientific notation
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "an integer");
            }
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw bad(key, v, "an integer");
        }
        return (int) d;
    }

    public long getLong(String key, long dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
        if (d != Math.rint(d) || Math.abs(d) > 9.0e18) {
            throw bad(key, v, "an integer");
        }
        return (long) d;
    }

    public boolean getBoolean(String key, boolean dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    public String getString(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    /** A list of integers, given as a list or as a comma-separated string ({@code "256,256"}). */
    public List<Integer> getIntList(String key, List<Integer> dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        List<Object> items = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            items.addAll(c);
        } else {
            String s = v.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : items) {
            try {
                double d = o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
                if (d != Math.rint(d)) {
                    throw new NumberFormatException();
                }
                out.add((int) d);
            } catch (NumberFormatException e) {
                throw bad(key, v, "a list of integers such as [256, 256] or \"256,256\"");
            }
        }
        return List.copyOf(out);
    }

    /** A list of numbers, given as a list or as a comma-separated string; {@code null} when absent. */
    public double[] getDoubleList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            items.addAll(c);
        } else {
            String s = v.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            try {
                out[i] = o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
            } catch (NumberFormatException e) {
                throw bad(key, v, "a list of numbers such as [0, 1.5]");
            }
        }
        return out;
    }

    private IllegalArgumentException bad(String key, Object v, String expected) {
        return new IllegalArgumentException(owner + ": " + key + " = '" + v + "' is not " + expected);
    }
}
