package org.hubprice.training.seeds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code --seeds} syntax: {@code 1..8} (inclusive range), {@code 1,4,9}, or a mix such as {@code 1..3,10}. */
public final class SeedList {
    /** The largest number of members one command trains. */
    public static final int MAX_SEEDS = 1000;

    private SeedList() {}

    /**
     * The seeds of {@code spec}, in the order given, without repeats.
     *
     * @throws IllegalArgumentException naming the part that is wrong and the allowed forms
     */
    public static List<Long> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--seeds is empty; give e.g. 1..8 or 1,4,9");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    long a = Long.parseLong(p.substring(0, dots).trim());
                    long b = Long.parseLong(p.substring(dots + 2).trim());
                    if (b < a) {
                        throw new IllegalArgumentException("--seeds = '" + spec + "': range '" + p + "' runs backwards. Maybe " + b + ".." + a);
                    }
                    if (b - a >= MAX_SEEDS || b - a < 0) { // b - a < 0: the difference overflowed
                        throw new IllegalArgumentException("--seeds = '" + spec + "': range '" + p + "' has more than " + MAX_SEEDS + " seeds");
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seeds = '" + spec + "': '" + p + "' is not a whole number or a range A..B."
                        + " Allowed: 1..8, 1,4,9 or 1..3,10");
            }
            if (out.size() > MAX_SEEDS) {
                throw new IllegalArgumentException("--seeds = '" + spec + "' gives more than " + MAX_SEEDS + " seeds");
            }
        }
        return new ArrayList<>(out);
    }

    /** The directory name of member {@code seed}: {@code seed-N}. */
    public static String memberDir(long seed) {
        return "seed-" + seed;
    }
}
