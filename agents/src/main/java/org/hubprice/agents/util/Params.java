package org.hubprice.agents.util;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hubprice.common.ConfigValues;

/**
 * Typed, validated access to an agent's parameter map ({@link
 * org.hubprice.agents.AgentContext#params()}), on the common configuration engine
 * ({@link ConfigValues}). Values arrive either typed (from YAML: numbers, booleans, lists) or
 * as strings (from {@code --set key=value}); both are accepted. Every error names the agent,
 * the key, the value and what is allowed.
 */
public final class Params {
    private final Map<String, Object> values;
    private final ConfigValues typed;

    private Params(String owner, Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
        this.typed = ConfigValues.of(this.values, owner);
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
        typed.onlyKeys(new TreeSet<>(allowed));
        return this;
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
        return typed.getDouble(key, dflt);
    }

    /** Accepts {@code 1e6} and {@code 1000000} alike: capacities are often written in scientific notation. */
    public int getInt(String key, int dflt) {
        return typed.getInt(key, dflt);
    }

    public long getLong(String key, long dflt) {
        return typed.getLong(key, dflt);
    }

    public boolean getBoolean(String key, boolean dflt) {
        return typed.getBoolean(key, dflt);
    }

    public String getString(String key, String dflt) {
        return typed.getString(key, dflt);
    }

    /** A list of integers, given as a list or as a comma-separated string ({@code "256,256"}). */
    public List<Integer> getIntList(String key, List<Integer> dflt) {
        return typed.getIntList(key, dflt);
    }

    /** A list of numbers, given as a list or as a comma-separated string; {@code null} when absent. */
    public double[] getDoubleList(String key) {
        return typed.getDoubleList(key);
    }
}
