package org.hubprice.env.config;

import java.util.Collection;
import java.util.Locale;

/** The nearest known name to a mistyped one (edit distance), for "Maybe ...?" hints. */
final class Suggest {
    private Suggest() {}

    /** The closest candidate within an edit distance of about a third of its length, else null. */
    static String nearest(String typed, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = Math.max(2, best.length() / 3);
        return bestD <= allowed ? best : null;
    }

    static int distance(String a, String b) {
        return org.hubprice.common.EditDistance.between(a, b);
    }
}
