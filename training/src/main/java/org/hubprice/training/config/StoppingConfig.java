package org.hubprice.training.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hubprice.common.Check;
import org.hubprice.common.ConfigDocument;

/**
 * {@code stopping}: training ends at whichever comes first.
 *
 * @param maxEpisodes episodes in total (a resumed run counts those before the interruption), {@code >= 1}
 * @param maxWallTime training wall time in total, across resumes; {@code null} for no limit
 * @param plateau the plateau rule
 */
public record StoppingConfig(long maxEpisodes, Duration maxWallTime, PlateauConfig plateau) {
    public StoppingConfig {
        Check.atLeast("stopping.maxEpisodes", maxEpisodes, 1);
        if (maxWallTime != null && (maxWallTime.isNegative() || maxWallTime.isZero())) {
            throw new IllegalArgumentException("stopping.maxWallTime = " + maxWallTime + " must be positive; leave it null for no limit");
        }
        if (plateau == null) {
            throw new IllegalArgumentException("stopping.plateau is missing");
        }
    }

    /**
     * Reads a duration: seconds as a bare number, or a number with a unit {@code s}, {@code m},
     * {@code h}, {@code d} ({@code 90s}, {@code 30m}, {@code 1.5h}), or ISO-8601 ({@code PT2H}).
     * {@code null}, empty, {@code none} and {@code 0} mean no limit.
     */
    public static Duration parseDuration(String key, String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none") || s.equals("null") || s.equals("0")) {
            return null;
        }
        if (s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw badDuration(key, text);
            }
        }
        double factor = 1;
        char last = s.charAt(s.length() - 1);
        if (Character.isLetter(last)) {
            factor = switch (last) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> throw badDuration(key, text);
            };
            s = s.substring(0, s.length() - 1).trim();
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw badDuration(key, text);
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw badDuration(key, text);
        }
        long millis = Math.round(v * factor * 1000);
        return millis == 0 ? null : Duration.ofMillis(millis);
    }

    private static IllegalArgumentException badDuration(String key, String text) {
        return new IllegalArgumentException(key + " = '" + text + "' is not a duration; write e.g. 90s, 30m, 1.5h, 2d, PT2H, or a number of"
                + " seconds (none or 0 for no limit)");
    }

    /** The YAML/JSON form: the duration as ISO-8601 text ({@code PT4M}), which {@link #parseDuration} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxEpisodes", maxEpisodes);
        m.put("maxWallTime", maxWallTime == null ? null : maxWallTime.toString());
        m.put("plateau", ConfigDocument.toMap(plateau));
        return m;
    }
}
