package org.hubprice.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.hubprice.common.EditDistance;

/**
 * Finds {@link AgentFactory agent factories} by name through {@link ServiceLoader}: the
 * built-in ones and any a user's jar on the class path registers.
 */
public final class AgentRegistry {
    private final Map<String, AgentFactory> byName;
    private final List<AgentFactory> factories;

    private AgentRegistry(Iterable<AgentFactory> found) {
        Map<String, AgentFactory> m = new TreeMap<>();
        List<AgentFactory> list = new ArrayList<>();
        for (AgentFactory f : found) {
            list.add(f);
            register(m, f.name(), f);
            for (String alias : f.aliases()) {
                register(m, alias, f);
            }
        }
        this.byName = Collections.unmodifiableMap(m);
        this.factories = Collections.unmodifiableList(list);
    }

    private static void register(Map<String, AgentFactory> m, String name, AgentFactory f) {
        String key = name.toLowerCase(Locale.ROOT);
        AgentFactory prev = m.putIfAbsent(key, f);
        if (prev != null && prev.getClass() != f.getClass()) {
            throw new IllegalStateException("agent name '" + name + "' is registered twice: by " + prev.getClass().getName()
                    + " and " + f.getClass().getName() + "; rename one of them");
        }
    }

    /** The factories visible to the context class loader (or this class's loader). */
    public static AgentRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = AgentRegistry.class.getClassLoader();
        }
        return new AgentRegistry(ServiceLoader.load(AgentFactory.class, cl));
    }

    /** A registry over explicitly given factories (tests, embedding). */
    public static AgentRegistry of(AgentFactory... factories) {
        return new AgentRegistry(List.of(factories));
    }

    /** This registry with {@code more} factories added (their names must not clash with the registered ones). */
    public AgentRegistry with(List<AgentFactory> more) {
        List<AgentFactory> all = new ArrayList<>(factories);
        all.addAll(more);
        return new AgentRegistry(all);
    }

    /** The registered names, each with its aliases: {@code [cap, ..., tabular-q (alias q-learning)]}. */
    private List<String> described() {
        List<String> out = new ArrayList<>();
        factories.stream().sorted(java.util.Comparator.comparing(AgentFactory::name)).forEach(f -> out.add(f.name()
                + (f.aliases().isEmpty() ? "" : " (alias " + String.join(", ", f.aliases()) + ")")));
        return out;
    }

    /** Every registered name and alias, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<AgentFactory> factories() {
        return factories;
    }

    /** The factory registered under {@code name}; the error lists the valid names. */
    public AgentFactory get(String name) {
        AgentFactory f = name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT));
        if (f == null) {
            String hint = name == null ? null : EditDistance.nearest(name.trim(), byName.keySet());
            throw new IllegalArgumentException("agent = '" + name + "' is not registered; known agents: " + described()
                    + (hint != null ? ". Maybe '" + hint + "'?" : ".") + " A custom agent is added by putting its jar, with a META-INF/services/"
                    + AgentFactory.class.getName() + " entry, on the class path");
        }
        return f;
    }
}
