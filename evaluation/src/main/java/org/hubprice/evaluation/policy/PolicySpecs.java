package org.hubprice.evaluation.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.common.Seeds;

/**
 * Parses the command line's per-hub assignments into one {@link HubPolicy} per hub.
 *
 * <ul>
 *   <li>{@code --checkpoint HUB=PATH}: {@link CheckpointPolicy};</li>
 *   <li>{@code --policy HUB=NAME}, {@code HUB=NAME:NUMBER} or {@code HUB=NAME:key=value,key=value}:
 *       {@link FactoryPolicy} of the registered agent {@code NAME}; a bare number is the
 *       {@code multiplier} parameter, so {@code hub_0=fixed-markup:1.5} prices at 1.5 × the
 *       marginal cost.</li>
 * </ul>
 * {@code HUB} is an agent name ({@code hub_0}) or {@code all}. Every hub needs exactly one
 * assignment.
 */
public final class PolicySpecs {
    private PolicySpecs() {}

    /**
     * One policy per hub of {@code agents}, in order.
     *
     * @param checkpoints {@code HUB=PATH} entries
     * @param policies {@code HUB=SPEC} entries
     * @param seed root seed; a factory policy of hub i gets {@code Seeds.derive(seed, "policy", i)}
     * @throws IllegalArgumentException for a malformed entry, an unknown hub or agent, a hub
     *     assigned twice or a hub left without a policy
     */
    public static List<HubPolicy> parse(List<String> agents, List<String> checkpoints, List<String> policies, AgentRegistry registry,
                                        long seed, String device) throws IOException {
        Map<String, HubPolicy> byHub = new LinkedHashMap<>();
        for (String entry : checkpoints) {
            String[] kv = split("--checkpoint", entry, "hub_0=runs/x/checkpoints/final");
            for (String hub : hubs("--checkpoint", kv[0], agents)) {
                put(byHub, hub, CheckpointPolicy.open(hub, Path.of(kv[1]), registry, device), entry);
            }
        }
        for (String entry : policies) {
            String[] kv = split("--policy", entry, "hub_0=fixed-markup:1.5");
            for (String hub : hubs("--policy", kv[0], agents)) {
                put(byHub, hub, factoryPolicy(kv[1], registry, Seeds.derive(seed, "policy", agents.indexOf(hub))), entry);
            }
        }
        List<HubPolicy> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String a : agents) {
            HubPolicy p = byHub.get(a);
            if (p == null) {
                missing.add(a);
            }
            out.add(p);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no policy for " + String.join(", ", missing) + " (the hubs are " + agents + "). Maybe add --checkpoint "
                    + missing.get(0) + "=PATH or --policy " + missing.get(0) + "=fixed-markup:1.5");
        }
        return out;
    }

    /** The factory policy {@code spec} ({@code NAME}, {@code NAME:NUMBER} or {@code NAME:k=v,k=v}). */
    public static FactoryPolicy factoryPolicy(String spec, AgentRegistry registry, long seed) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon).trim();
        Map<String, Object> params = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = s.substring(colon + 1).trim();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("--policy '" + spec + "' ends with ':'; give NAME, NAME:NUMBER or NAME:key=value,...");
            }
            if (!rest.contains("=")) {
                params.put("multiplier", number("--policy '" + spec + "'", rest));
            } else {
                for (String kv : rest.split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--policy '" + spec + "': parameter '" + kv + "' is not key=value");
                    }
                    params.put(kv.substring(0, eq).trim(), value(kv.substring(eq + 1).trim()));
                }
            }
        }
        AgentFactory f = registry.get(name);
        return new FactoryPolicy(s, f, params, seed);
    }

    private static String[] split(String option, String entry, String example) {
        int eq = entry == null ? -1 : entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException(option + " '" + entry + "' is not HUB=VALUE; e.g. " + option + " " + example);
        }
        return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
    }

    private static List<String> hubs(String option, String hub, List<String> agents) {
        if (hub.toLowerCase(Locale.ROOT).equals("all")) {
            return agents;
        }
        if (!agents.contains(hub)) {
            throw new IllegalArgumentException(option + ": hub '" + hub + "' is not one of " + agents + " (or 'all')");
        }
        return List.of(hub);
    }

    private static void put(Map<String, HubPolicy> byHub, String hub, HubPolicy p, String entry) {
        if (byHub.putIfAbsent(hub, p) != null) {
            throw new IllegalArgumentException(hub + " is given two policies (" + byHub.get(hub).label() + " and '" + entry
                    + "'); give each hub one --checkpoint or --policy");
        }
    }

    private static double number(String where, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number; e.g. fixed-markup:1.5");
        }
    }

    private static Object value(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e2) {
                return text;
            }
        }
    }
}
