package org.hubprice.agents.util;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hubprice.common.ConfigDocument;
import org.hubprice.common.ConfigValues;

/**
 * Typed, validated access to an agent's parameter map ({@link
 * org.hubprice.agents.AgentContext#params()}): the common configuration engine's reads
 * ({@link ConfigValues}, e.g. {@code getInt("batchSize", 256)}) over the map, which is kept for
 * {@link #raw}. Values arrive either typed (from YAML: numbers, booleans, lists) or as strings
 * (from {@code --set key=value}); both are accepted. Every error names the agent, the key, the
 * value and what is allowed.
 */
public final class Params extends ConfigValues {
    private final Map<String, Object> values;

    private Params(String owner, Map<String, Object> values) {
        super(ConfigDocument.YAML.valueToTree(values), owner, "");
        this.values = values;
    }

    /** Wraps {@code values}; {@code owner} (e.g. {@code dqn}) prefixes error messages. */
    public static Params of(String owner, Map<String, Object> values) {
        return new Params(owner, values == null ? Map.of() : values);
    }

    /**
     * Throws when a key is not in {@code allowed}, suggesting the closest allowed key, because
     * a misspelt hyperparameter that is silently ignored wastes a whole training run.
     */
    public Params requireKnown(Collection<String> allowed) {
        onlyKeys(new TreeSet<>(allowed));
        return this;
    }

    /** The raw value or {@code null}. */
    public Object raw(String key) {
        return values.get(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
