package org.hubprice.common;

import java.util.Collection;
import java.util.Locale;

/**
 * Levenshtein distance, for "Maybe 'x'?" hints when a user mistypes a key, config name or
 * agent name. One implementation for every module.
 */
public final class EditDistance {
    private EditDistance() {}

    /** The number of single-character insertions, deletions and substitutions turning {@code a} into {@code b}. */
    public static int between(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /**
     * The candidate closest to {@code typed} (ignoring case), or {@code null} when even the
     * closest needs more than {@code max(2, its length / 3)} edits: a hint that far off would
     * mislead more than it helps.
     */
    public static String nearest(String typed, Collection<String> candidates) {
        if (typed == null) {
            return null;
        }
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = between(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }
}
