package org.hubprice.agents.util;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Seeds;

/**
 * The names of a learner's random streams, in one place: the learner derives each stream's seed
 * here and its checkpoint records the same list, so the two cannot drift apart. A stream
 * {@code name} of a learner with prefix {@code p} is seeded with
 * {@code Seeds.derive(seed, p + "/" + name)}.
 */
public record RandomStreams(String prefix, List<String> names) {
    public RandomStreams {
        names = List.copyOf(names);
    }

    public static RandomStreams of(String prefix, String... names) {
        return new RandomStreams(prefix, List.of(names));
    }

    /** The seed of stream {@code name} for an agent seeded with {@code seed}. */
    public long seed(long seed, String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(prefix + ": no random stream named '" + name + "'; the streams are " + names);
        }
        return Seeds.derive(seed, prefix + "/" + name);
    }

    /** {@code seed} and every stream's seed, for a checkpoint's manifest. */
    public Map<String, Object> toMap(long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        for (String n : names) {
            m.put(n, seed(seed, n));
        }
        return m;
    }
}
