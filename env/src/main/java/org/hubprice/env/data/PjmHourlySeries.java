package org.hubprice.env.data;

import static org.hubprice.env.data.PjmCsvText.compress;
import static org.hubprice.env.data.PjmCsvText.hourName;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hourly prices of one PJM file on local dates ({@link PjmLmpCsvLoader} builds it): per local
 * hour the sum and count of the rows kept, how many rows each hour should have (1, 0 on the
 * spring-forward day, 2 on the fall-back day), and what is wrong with the dates that cannot be
 * built.
 */
final class PjmHourlySeries {
    final PjmFileReport report;
    final long firstDay;
    final long lastDay;
    final double[] sum;      // (day - firstDay) * 24 + hour
    final int[] count;
    final Map<Long, String> ambiguous;
    final int[][] expected; // rows each local hour should have, per day of the range

    PjmHourlySeries(PjmFileReport report, long firstDay, long lastDay, double[] sum, int[] count, Map<Long, String> ambiguous,
                    int[][] expected) {
        this.report = report;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.sum = sum;
        this.count = count;
        this.ambiguous = ambiguous;
        this.expected = expected;
    }

    /** Null when the day is complete, else why not. */
    String reasonIfIncomplete(long day) {
        if (day < firstDay || day > lastDay) {
            return "no rows (the file covers " + LocalDate.ofEpochDay(firstDay) + " .. " + LocalDate.ofEpochDay(lastDay) + ")";
        }
        String amb = ambiguous.get(day);
        if (amb != null) {
            return amb;
        }
        int base = (int) (day - firstDay) * MarketDay.HOURS;
        int[] expected = this.expected[(int) (day - firstDay)];
        List<String> missing = new ArrayList<>();
        int present = 0;
        for (int h = 0; h < MarketDay.HOURS; h++) {
            int c = count[base + h];
            present += c > 0 ? 1 : 0;
            if (expected[h] == 0) {
                // Skipped by the spring-forward change: fillable when both neighbours are complete.
                boolean fillable = c > 0 || (h > 0 && h < MarketDay.HOURS - 1 && complete(base, h - 1, expected)
                        && complete(base, h + 1, expected));
                if (!fillable) {
                    missing.add(hourName(h) + " (skipped by the clock change; a neighbour to fill it from is missing)");
                }
            } else if (c < expected[h]) {
                missing.add(expected[h] == 2 ? hourName(h) + " (only " + c + " of its 2 occurrences on the fall-back day)" : hourName(h));
            }
        }
        if (present == 0) {
            return "no rows";
        }
        return missing.isEmpty() ? null : "missing hours " + compress(missing) + " (" + missing.size() + " of 24)";
    }

    /** Whether the day's rows start late and then run to its end: the first day of an export that begins mid-day. */
    boolean cutAtStart(long day) {
        return presentRun(day, true);
    }

    /** Whether the day's rows run from its start and stop early: the last day of an export that ends mid-day. */
    boolean cutAtEnd(long day) {
        return presentRun(day, false);
    }

    private boolean presentRun(long day, boolean atStart) {
        if (ambiguous.containsKey(day)) {
            return false;
        }
        int base = (int) (day - firstDay) * MarketDay.HOURS;
        int[] expected = this.expected[(int) (day - firstDay)];
        boolean seenPresent = false;
        boolean seenMissing = false;
        for (int k = 0; k < MarketDay.HOURS; k++) {
            int h = atStart ? MarketDay.HOURS - 1 - k : k; // walk from the end that must be present
            boolean present = expected[h] == 0 || count[base + h] >= expected[h];
            if (present && seenMissing) {
                return false; // a hole: present hours on both sides of a missing one
            }
            seenPresent |= present;
            seenMissing |= !present;
        }
        return seenPresent;
    }

    private boolean complete(int base, int h, int[] expected) {
        return expected[h] > 0 && count[base + h] >= expected[h];
    }

    double[] prices(long day) {
        int base = (int) (day - firstDay) * MarketDay.HOURS;
        int[] expected = this.expected[(int) (day - firstDay)];
        double[] out = new double[MarketDay.HOURS];
        for (int h = 0; h < MarketDay.HOURS; h++) {
            int c = count[base + h];
            if (c > 0) {
                out[h] = sum[base + h] / c;
            }
        }
        for (int h = 0; h < MarketDay.HOURS; h++) {
            if (expected[h] == 0 && count[base + h] == 0) {
                out[h] = 0.5 * (out[h - 1] + out[h + 1]);
            }
        }
        return out;
    }
}
