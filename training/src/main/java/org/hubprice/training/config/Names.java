package org.hubprice.training.config;

import java.util.Collection;
import java.util.Locale;

/** The nearest known name to a mistyped one (edit distance), for "Maybe ...?" hints. */
public final class Names {
    private Names() {}

    /**
     * The candidate closest to {@code typed}, if within an edit distance of about a third of
     * its length (at least 2), else {@code null}.
     */
    public static String nearest(String typed, Collection<String> candidates) {
        if (typed == null) {
            return null;
        }
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        return org.hubprice.common.EditDistance.between(a, b);
    }
}
