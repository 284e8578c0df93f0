package org.hubprice.env.data;

import static org.hubprice.env.data.PjmLmpCsvLoader.CURRENT_COLUMN;
import static org.hubprice.env.data.PjmLmpCsvLoader.VERSION_COLUMN;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text level of reading PJM Data Miner exports: lines, RFC 4180 fields, booleans, version
 * numbers, wall-clock timestamps and hour names for messages. Hand-written and allocation-light,
 * since it runs once per row of files with tens of thousands of rows.
 */
final class PjmCsvText {
    private PjmCsvText() {}

    static final String ACCEPTED_FORMATS = "accepted: '12/1/2021 0:00', '12/1/2021 12:00:00 AM', '2021-12-01T00:00:00'";
    static final long BAD_FORMAT = Long.MIN_VALUE;
    static final long NOT_ON_HOUR = Long.MIN_VALUE + 1;
    static final long BAD_DATE = Long.MIN_VALUE + 2;


    static int lineEnd(String text, int pos) {
        int end = text.indexOf('\n', pos);
        if (end < 0) {
            end = text.length();
        }
        return end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    static int next(String text, int end) {
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        return end + 1;
    }

    /** Splits one CSV line (RFC 4180 quoting, {@code ""} inside quotes) into {@code out}. */
    static void splitCsv(String line, List<String> out, String file, int lineNo) {
        out.clear();
        if (line.indexOf('"') < 0) {
            int start = 0;
            while (true) {
                int comma = line.indexOf(',', start);
                if (comma < 0) {
                    out.add(line.substring(start));
                    return;
                }
                out.add(line.substring(start, comma));
                start = comma + 1;
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": a quoted field is not closed. Maybe the line is cut short");
        }
        out.add(sb.toString());
    }

    static boolean parseBoolean(String s, String file, int lineNo) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y":
                return true;
            case "false", "f", "0", "no", "n":
                return false;
            default:
                throw new IllegalArgumentException(file + " line " + lineNo + ", column " + CURRENT_COLUMN + ": value '" + s
                        + "' is not a boolean; True or False is required");
        }
    }

    static int parseVersion(String s, String file, int lineNo) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + lineNo + ", column " + VERSION_COLUMN + ": value '" + s
                    + "' is not an integer version number", e);
        }
    }

    /**
     * Hours since 1970-01-01T00:00 of the wall-clock reading in {@code s}, or one of the negative
     * sentinels {@link #BAD_FORMAT}, {@link #NOT_ON_HOUR}, {@link #BAD_DATE}. Hand-written because
     * it runs once per row and {@code DateTimeFormatter} would dominate the load time.
     */
    static long parseTimestamp(String s) {
        int len = s.length();
        int[] p = {0};
        int a = digits(s, p, 1, 4);
        if (a < 0 || p[0] >= len) {
            return BAD_FORMAT;
        }
        int year;
        int month;
        int day;
        boolean iso;
        if (s.charAt(p[0]) == '/') {
            p[0]++;
            month = a;
            day = digits(s, p, 1, 2);
            if (day < 0 || p[0] >= len || s.charAt(p[0]) != '/') {
                return BAD_FORMAT;
            }
            p[0]++;
            int start = p[0];
            year = digits(s, p, 4, 4);
            if (year < 0 || p[0] - start != 4) {
                return BAD_FORMAT;
            }
            iso = false;
        } else if (s.charAt(p[0]) == '-' && p[0] == 4) {
            p[0]++;
            year = a;
            month = digits(s, p, 2, 2);
            if (month < 0 || p[0] >= len || s.charAt(p[0]) != '-') {
                return BAD_FORMAT;
            }
            p[0]++;
            day = digits(s, p, 2, 2);
            if (day < 0) {
                return BAD_FORMAT;
            }
            iso = true;
        } else {
            return BAD_FORMAT;
        }
        // Date-time separator.
        if (p[0] >= len) {
            return BAD_FORMAT;
        }
        if (iso && s.charAt(p[0]) == 'T') {
            p[0]++;
        } else if (s.charAt(p[0]) == ' ') {
            while (p[0] < len && s.charAt(p[0]) == ' ') {
                p[0]++;
            }
        } else {
            return BAD_FORMAT;
        }
        int hour = digits(s, p, 1, 2);
        if (hour < 0 || p[0] >= len || s.charAt(p[0]) != ':') {
            return BAD_FORMAT;
        }
        p[0]++;
        int minute = digits(s, p, 2, 2);
        if (minute < 0) {
            return BAD_FORMAT;
        }
        int second = 0;
        if (p[0] < len && s.charAt(p[0]) == ':') {
            p[0]++;
            second = digits(s, p, 2, 2);
            if (second < 0) {
                return BAD_FORMAT;
            }
            if (p[0] < len && s.charAt(p[0]) == '.') { // fractional seconds in ISO exports
                p[0]++;
                int start = p[0];
                while (p[0] < len && s.charAt(p[0]) == '0') {
                    p[0]++;
                }
                if (p[0] == start) {
                    return BAD_FORMAT;
                }
                if (p[0] < len && Character.isDigit(s.charAt(p[0]))) {
                    return NOT_ON_HOUR;
                }
            }
        }
        while (p[0] < len && s.charAt(p[0]) == ' ') {
            p[0]++;
        }
        int meridiem = 0; // 0 none, 1 AM, 2 PM
        if (!iso && p[0] + 2 <= len) {
            String m = s.substring(p[0], p[0] + 2).toUpperCase(Locale.ROOT);
            if (m.equals("AM") || m.equals("PM")) {
                meridiem = m.equals("AM") ? 1 : 2;
                p[0] += 2;
            }
        } else if (iso && p[0] < len && s.charAt(p[0]) == 'Z') {
            p[0]++;
        }
        if (p[0] != len) {
            return BAD_FORMAT;
        }
        if (meridiem != 0) {
            if (hour < 1 || hour > 12) {
                return BAD_DATE;
            }
            hour = hour % 12 + (meridiem == 2 ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return BAD_DATE;
        }
        if (minute != 0 || second != 0) {
            return NOT_ON_HOUR;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return BAD_DATE;
        }
        return epochDay * MarketDay.HOURS + hour;
    }

    /** Reads {@code min..max} decimal digits at {@code p[0]}, advancing it; -1 when there are fewer than {@code min}. */
    static int digits(String s, int[] p, int min, int max) {
        int v = 0;
        int count = 0;
        while (p[0] < s.length() && count < max) {
            char c = s.charAt(p[0]);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            p[0]++;
            count++;
        }
        return count >= min ? v : -1;
    }

    static String hourName(int h) {
        return String.format(Locale.ROOT, "%02d:00", h);
    }

    /** Joins hour names, collapsing runs of plain consecutive hours ("01:00–23:00"). */
    static String compress(List<String> names) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < names.size()) {
            String s = names.get(i);
            int j = i;
            if (s.length() == 5) {
                while (j + 1 < names.size() && names.get(j + 1).length() == 5
                        && hourOf(names.get(j + 1)) == hourOf(names.get(j)) + 1) {
                    j++;
                }
            }
            out.add(j > i ? s + "–" + names.get(j) : s);
            i = j + 1;
        }
        return String.join(", ", out);
    }

    static int hourOf(String name) {
        return Integer.parseInt(name.substring(0, 2));
    }
}
