package org.hubprice.env.data;

import static org.hubprice.env.data.PjmCsvText.ACCEPTED_FORMATS;
import static org.hubprice.env.data.PjmCsvText.BAD_DATE;
import static org.hubprice.env.data.PjmCsvText.BAD_FORMAT;
import static org.hubprice.env.data.PjmCsvText.NOT_ON_HOUR;
import static org.hubprice.env.data.PjmCsvText.compress;
import static org.hubprice.env.data.PjmCsvText.hourName;
import static org.hubprice.env.data.PjmCsvText.lineEnd;
import static org.hubprice.env.data.PjmCsvText.next;
import static org.hubprice.env.data.PjmCsvText.parseBoolean;
import static org.hubprice.env.data.PjmCsvText.parseTimestamp;
import static org.hubprice.env.data.PjmCsvText.parseVersion;
import static org.hubprice.env.data.PjmCsvText.splitCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds complete {@link MarketDay}s from PJM Data Miner hourly LMP exports: a day-ahead file
 * ({@code da_hrl_lmps}, price column {@code total_lmp_da}) and a real-time file
 * ({@code rt_hrl_lmps}, price column {@code total_lmp_rt}).
 *
 * <h2>Columns</h2>
 * Columns may come in any order, quoted or not; names are matched without regard to case. Required:
 * the price column and a timestamp, {@code datetime_beginning_utc} or
 * {@code datetime_beginning_ept} (UTC is used when both are present, because it is unambiguous in
 * the repeated November hour). Optional: {@code pnode_id} (a file with several pnodes needs
 * {@link Builder#optPnodeId}), {@code row_is_current}, {@code version_nbr}. Timestamps may be
 * written {@code 12/1/2021 0:00}, {@code 12/1/2021 12:00:00 AM} (Data Miner) or
 * {@code 2021-12-01T00:00:00} (ISO); each must be on the hour.
 *
 * <h2>Rows kept</h2>
 * <ol>
 *   <li>Rows of the chosen pnode.</li>
 *   <li>With {@code row_is_current}: only rows where it is true.</li>
 *   <li>With {@code version_nbr}: per timestamp, only the rows of the highest version.</li>
 *   <li>A timestamp that still occurs more often than that clock reading exists (twice for
 *       01:00 EPT on the November fall-back day, once otherwise) keeps its first rows in file order;
 *       later ones are dropped as superseded versions or exact copies. Evidence for "first wins":
 *       the 48592 RT file repeats 336 hours (2022-02-01 .. 02-16) with no version column; the
 *       Western Hub 2022 RT export repeats exactly the same 336 hours (263 of them with unchanged
 *       prices in both files), and there every pair lists the current row (version 2) first and the
 *       superseded row (version 1, {@code row_is_current} false) right after it. The paper's own
 *       code kept the first row as well.</li>
 *   <li>If the fall-back 01:00 EPT hour has more than two rows and nothing tells versions apart,
 *       which row is which hour cannot be known: that day is skipped with this reason (an export
 *       with {@code datetime_beginning_utc} avoids it).</li>
 * </ol>
 *
 * <h2>Daylight saving (America/New_York)</h2>
 * A day is built in local time (hour 0 = 00:00–01:00 EPT). In March the clock skips 02:00: that
 * hour is filled with the mean of 01:00 and 03:00. In November 01:00 occurs twice: the hour's
 * price is the mean of the two. UTC timestamps are converted to local time first and then follow
 * the same rules. Nothing else is ever filled or shifted: any other missing hour makes its day a
 * {@link SkippedDay} naming the date and the hours, and a date present in only one file is
 * skipped too. A skipped day that is the first or last day both files share, or lies outside
 * that range (the partial first or last local day of an export bounded in UTC, a date only one
 * file reaches) is an <em>edge</em> day ({@link SkippedDay#edge}). In strict mode
 * ({@link Builder#optStrict}) a skipped day inside the range (a missing or ambiguous hour) is an
 * error naming every such date; edge days are skipped in both modes, and rows dropped by the
 * rules above (superseded, not current, exact copies) are never errors. The loader logs nothing
 * but a missing pnode column: its caller reports the result ({@code MarketSource.loadPjm}).
 *
 * <h2>Errors</h2>
 * An {@link IllegalArgumentException} names the file, and the line, column and value where there
 * is one: missing column (listing the columns found), unparsable price, unknown timestamp format,
 * a timestamp not on the hour, several pnodes without a choice.
 */
public final class PjmLmpCsvLoader {
    /** PJM's market clock, Eastern Prevailing Time. */
    public static final ZoneId PJM_ZONE = ZoneId.of("America/New_York");

    static final String DA_PRICE = "total_lmp_da";
    static final String RT_PRICE = "total_lmp_rt";
    static final String UTC_COLUMN = "datetime_beginning_utc";
    static final String EPT_COLUMN = "datetime_beginning_ept";
    static final String PNODE_COLUMN = "pnode_id";
    static final String CURRENT_COLUMN = "row_is_current";
    static final String VERSION_COLUMN = "version_nbr";

    private static final Logger LOG = LoggerFactory.getLogger(PjmLmpCsvLoader.class);

    private final String pnodeId;
    private final boolean strict;
    private final ZoneRules rules = PJM_ZONE.getRules();

    private PjmLmpCsvLoader(Builder b) {
        this.pnodeId = b.pnodeId;
        this.strict = b.strict;
    }

    /** A loader for files with one pnode, lenient about incomplete days. */
    public PjmLmpCsvLoader() {
        this(new Builder());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; every setting is optional. */
    public static final class Builder {
        private String pnodeId;
        private boolean strict;

        private Builder() {}

        /** Use the rows of this pnode (required when a file holds several). */
        public Builder optPnodeId(long pnodeId) {
            this.pnodeId = Long.toString(pnodeId);
            return this;
        }

        /** When true, any day that cannot be built is an error naming the dates; default false (skip and report). */
        public Builder optStrict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public PjmLmpCsvLoader build() {
            return new PjmLmpCsvLoader(this);
        }
    }

    /**
     * Loads and joins a DA and an RT file.
     *
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException for malformed content, or in strict mode when a day cannot be built
     */
    public PjmLoadResult load(Path daFile, Path rtFile) throws IOException {
        Objects.requireNonNull(daFile, "daFile");
        Objects.requireNonNull(rtFile, "rtFile");
        Series da = readSeries(daFile, "DA", DA_PRICE, RT_PRICE);
        Series rt = readSeries(rtFile, "RT", RT_PRICE, DA_PRICE);
        if (da.firstDay == Long.MAX_VALUE || rt.firstDay == Long.MAX_VALUE) {
            throw new IllegalArgumentException((da.firstDay == Long.MAX_VALUE ? da.report.file() : rt.report.file())
                    + " has no usable data rows. Maybe it is empty, or every row is of another pnode or not current");
        }
        long first = Math.min(da.firstDay, rt.firstDay);
        long last = Math.max(da.lastDay, rt.lastDay);
        long sharedFirst = Math.max(da.firstDay, rt.firstDay);
        long sharedLast = Math.min(da.lastDay, rt.lastDay);
        List<MarketDay> days = new ArrayList<>();
        List<SkippedDay> skipped = new ArrayList<>();
        for (long day = first; day <= last; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            String daReason = da.reasonIfIncomplete(day);
            String rtReason = rt.reasonIfIncomplete(day);
            if (daReason == null && rtReason == null) {
                days.add(new MarketDay(date, da.prices(day), rt.prices(day)));
            } else {
                String reason = daReason == null ? "RT: " + rtReason
                        : rtReason == null ? "DA: " + daReason : "DA: " + daReason + "; RT: " + rtReason;
                boolean edge = day < sharedFirst || day > sharedLast
                        || day == sharedFirst && da.cutAtStart(day) && rt.cutAtStart(day)
                        || day == sharedLast && da.cutAtEnd(day) && rt.cutAtEnd(day);
                skipped.add(new SkippedDay(date, reason, edge));
            }
        }
        PjmLoadResult result = new PjmLoadResult(days, skipped, da.report, rt.report);
        List<SkippedDay> inside = skipped.stream().filter(k -> !k.edge()).toList();
        if (strict && !inside.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append(inside.size()).append(inside.size() == 1 ? " day" : " days").append(" inside the range of ")
                    .append(daFile.getFileName()).append(" and ").append(rtFile.getFileName())
                    .append(" cannot be built (strict mode): ");
            for (int i = 0; i < inside.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(inside.get(i));
            }
            sb.append(". Maybe export the missing hours again, or set market.pjm.strict=false to skip these days");
            throw new IllegalArgumentException(sb.toString());
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------
    // One file.

    /** The hourly prices of one file on local dates, and what is wrong with incomplete dates. */
    private final class Series {
        final PjmFileReport report;
        final long firstDay;
        final long lastDay;
        final double[] sum;      // (day - firstDay) * 24 + hour
        final int[] count;
        final Map<Long, String> ambiguous;
        final int[][] expected; // rows each local hour should have, per day of the range

        Series(PjmFileReport report, long firstDay, long lastDay, double[] sum, int[] count, Map<Long, String> ambiguous,
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

    /** Rows each local hour of {@code date} should have: 1, 0 (skipped in spring) or 2 (repeated in autumn). */
    private int[] expectedRows(LocalDate date) {
        int[] e = new int[MarketDay.HOURS];
        Instant start = date.atStartOfDay(PJM_ZONE).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(start.minusSeconds(1));
        if (next == null || !next.getInstant().isBefore(start.plusSeconds(26 * 3600L))) {
            Arrays.fill(e, 1); // no clock change today: the common case, without 24 zone look-ups
            return e;
        }
        for (int h = 0; h < MarketDay.HOURS; h++) {
            e[h] = rules.getValidOffsets(LocalDateTime.of(date, LocalTime.of(h, 0))).size();
        }
        return e;
    }

    private Series readSeries(Path file, String market, String priceColumn, String otherPriceColumn) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // byte-order mark written by spreadsheet programs
        }
        int pos = 0;
        int lineNo = 0;
        List<String> fields = new ArrayList<>();

        // Header: the first non-blank line.
        String header = null;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end);
            pos = next(text, end);
            lineNo++;
            if (!line.isBlank()) {
                header = line;
                break;
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(name + " is empty; a PJM " + market + " LMP CSV with a header line is required");
        }
        splitCsv(header, fields, name, lineNo);
        List<String> columns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String c = fields.get(i).trim().toLowerCase(Locale.ROOT);
            columns.add(c);
            index.putIfAbsent(c, i);
        }
        Integer priceIdx = index.get(priceColumn);
        if (priceIdx == null) {
            String hint = index.containsKey(otherPriceColumn)
                    ? ". Maybe the DA and RT files are swapped: this one has " + otherPriceColumn
                    : ". Maybe this is not a PJM hourly LMP export (da_hrl_lmps / rt_hrl_lmps)";
            throw new IllegalArgumentException(name + ": missing required column " + priceColumn + "; columns found: " + columns + hint);
        }
        boolean utc = index.containsKey(UTC_COLUMN);
        if (!utc && !index.containsKey(EPT_COLUMN)) {
            throw new IllegalArgumentException(name + ": missing required column " + UTC_COLUMN + " or " + EPT_COLUMN
                    + "; columns found: " + columns);
        }
        String tsColumn = utc ? UTC_COLUMN : EPT_COLUMN;
        int tsIdx = index.get(tsColumn);
        int pnodeIdx = index.getOrDefault(PNODE_COLUMN, -1);
        int currentIdx = index.getOrDefault(CURRENT_COLUMN, -1);
        int versionIdx = index.getOrDefault(VERSION_COLUMN, -1);
        int needed = Math.max(Math.max(priceIdx, tsIdx), Math.max(pnodeIdx, Math.max(currentIdx, versionIdx))) + 1;

        // Data rows into parallel arrays.
        int cap = Math.max(16, text.length() / 24);
        long[] keys = new long[cap];
        double[] prices = new double[cap];
        int[] versions = new int[cap];
        int[] lines = new int[cap];
        boolean[] current = new boolean[cap];
        int[] pnodes = new int[cap];
        List<String> pnodeNames = new ArrayList<>();
        Map<String, Integer> pnodeIndex = new HashMap<>();
        int n = 0;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end);
            pos = next(text, end);
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            splitCsv(line, fields, name, lineNo);
            if (fields.size() < needed) {
                throw new IllegalArgumentException(name + " line " + lineNo + " has " + fields.size() + " fields; the header has "
                        + columns.size() + " and column " + columns.get(needed - 1) + " is number " + needed
                        + ". Maybe the line is cut short");
            }
            if (n == keys.length) {
                int grown = n * 2;
                keys = Arrays.copyOf(keys, grown);
                prices = Arrays.copyOf(prices, grown);
                versions = Arrays.copyOf(versions, grown);
                lines = Arrays.copyOf(lines, grown);
                current = Arrays.copyOf(current, grown);
                pnodes = Arrays.copyOf(pnodes, grown);
            }
            String ts = fields.get(tsIdx).trim();
            long key = parseTimestamp(ts);
            if (key == BAD_FORMAT) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' has an unknown format; " + ACCEPTED_FORMATS);
            } else if (key == NOT_ON_HOUR) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' is not on the hour; hourly LMP files are required. Maybe this is a 5-minute export");
            } else if (key == BAD_DATE) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' is not a valid date and time (month 1-12, a day of that month, hour 0-23 or 1-12 with AM/PM)");
            }
            keys[n] = key;
            String priceText = fields.get(priceIdx).trim();
            double price;
            try {
                price = Double.parseDouble(priceText);
            } catch (NumberFormatException e) {
                price = Double.NaN;
            }
            if (!Double.isFinite(price)) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + priceColumn + ": value '" + priceText
                        + "' is not a number; a price in $/MWh is required. Maybe the line is damaged; fix or re-export it");
            }
            prices[n] = price;
            if (pnodeIdx >= 0) {
                String p = fields.get(pnodeIdx).trim();
                Integer id = pnodeIndex.get(p);
                if (id == null) {
                    id = pnodeNames.size();
                    pnodeNames.add(p);
                    pnodeIndex.put(p, id);
                }
                pnodes[n] = id;
            }
            current[n] = currentIdx < 0 || parseBoolean(fields.get(currentIdx).trim(), name, lineNo);
            versions[n] = versionIdx < 0 ? 0 : parseVersion(fields.get(versionIdx).trim(), name, lineNo);
            lines[n] = lineNo;
            n++;
        }

        // Pnode choice.
        int wanted = -1;
        String usedPnode = null;
        if (pnodeIdx >= 0 && !pnodeNames.isEmpty()) {
            if (pnodeId != null) {
                Integer id = pnodeIndex.get(pnodeId);
                if (id == null) {
                    throw new IllegalArgumentException(name + ": pnode " + pnodeId + " is not in the file; pnodes found: "
                            + pnodeNames + ". Maybe choose one of these");
                }
                wanted = id;
                usedPnode = pnodeId;
            } else if (pnodeNames.size() > 1) {
                throw new IllegalArgumentException(name + " holds " + pnodeNames.size() + " pnodes " + pnodeNames
                        + "; choose one with PjmLmpCsvLoader.builder().optPnodeId(...)");
            } else {
                wanted = 0;
                usedPnode = pnodeNames.get(0);
            }
        } else if (pnodeId != null) {
            LOG.warn("{} has no {} column; pnode {} cannot be checked, all rows are used", name, PNODE_COLUMN, pnodeId);
        }

        // Filter: pnode, current flag.
        int otherPnode = 0;
        int nonCurrent = 0;
        Integer[] order = new Integer[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (wanted >= 0 && pnodes[i] != wanted) {
                otherPnode++;
            } else if (!current[i]) {
                nonCurrent++;
            } else {
                order[kept++] = i;
            }
        }
        // Group by timestamp: by key, then highest version first, then file order.
        final long[] k = keys;
        final int[] v = versions;
        Arrays.sort(order, 0, kept, (a, b) -> k[a] != k[b] ? Long.compare(k[a], k[b])
                : v[a] != v[b] ? Integer.compare(v[b], v[a]) : Integer.compare(a, b));

        // Local day range.
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        for (int j = 0; j < kept; j++) {
            long day = localDay(keys[order[j]], utc);
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
        }
        int span = kept == 0 ? 0 : (int) (lastDay - firstDay + 1);
        int[][] expectedByDay = new int[span][];
        for (int d = 0; d < span; d++) {
            expectedByDay[d] = expectedRows(LocalDate.ofEpochDay(firstDay + d));
        }
        double[] sum = new double[span * MarketDay.HOURS];
        int[] count = new int[span * MarketDay.HOURS];
        Map<Long, String> ambiguous = new TreeMap<>();
        Set<LocalDate> duplicateDates = new TreeSet<>();
        Set<LocalDate> gapFilled = new TreeSet<>();
        Set<LocalDate> averaged = new TreeSet<>();
        int olderVersion = 0;
        int exactCopies = 0;
        int superseded = 0;
        for (int j = 0; j < kept; ) {
            int i0 = order[j];
            long key = keys[i0];
            int g = j;
            while (g < kept && keys[order[g]] == key) {
                g++;
            }
            // Rows j..g-1 share the timestamp; the top version comes first.
            int top = j;
            while (top < g && versions[order[top]] == versions[i0]) {
                top++;
            }
            olderVersion += g - top;
            long day = localDay(key, utc);
            int hour = localHour(key, utc);
            int allowed = utc ? 1 : Math.max(1, expectedByDay[(int) (day - firstDay)][hour]);
            int rows = top - j;
            if (rows > allowed && allowed == 2) {
                ambiguous.put(day, hourName(hour) + " EPT appears " + rows
                        + " times on the fall-back day and no version column tells the repeated hour from superseded rows;"
                        + " export with " + UTC_COLUMN + " to resolve it");
            }
            for (int r = 0; r < rows; r++) {
                int i = order[j + r];
                if (r < allowed) {
                    int slot = (int) (day - firstDay) * MarketDay.HOURS + hour;
                    sum[slot] += prices[i];
                    count[slot]++;
                } else {
                    duplicateDates.add(LocalDate.ofEpochDay(day));
                    if (prices[i] == prices[order[j]]) {
                        exactCopies++;
                    } else {
                        superseded++;
                    }
                }
            }
            j = g;
        }
        Series series = new Series(null, firstDay, lastDay, sum, count, ambiguous, expectedByDay);
        for (long day = firstDay; kept > 0 && day <= lastDay; day++) {
            int[] expected = expectedByDay[(int) (day - firstDay)];
            int base = (int) (day - firstDay) * MarketDay.HOURS;
            for (int h = 0; h < MarketDay.HOURS; h++) {
                if (expected[h] == 0 && count[base + h] == 0 && series.reasonIfIncomplete(day) == null) {
                    gapFilled.add(LocalDate.ofEpochDay(day));
                } else if (expected[h] == 2 && count[base + h] == 2 && !ambiguous.containsKey(day)) {
                    averaged.add(LocalDate.ofEpochDay(day));
                }
            }
        }
        PjmFileReport report = new PjmFileReport(name, market, tsColumn, usedPnode, n, otherPnode, nonCurrent, olderVersion,
                exactCopies, superseded, new ArrayList<>(duplicateDates), new ArrayList<>(gapFilled), new ArrayList<>(averaged),
                kept == 0 ? null : LocalDate.ofEpochDay(firstDay), kept == 0 ? null : LocalDate.ofEpochDay(lastDay));
        return new Series(report, firstDay, lastDay, sum, count, ambiguous, expectedByDay);
    }

    private long localDay(long key, boolean utc) {
        return Math.floorDiv(localHourIndex(key, utc), MarketDay.HOURS);
    }

    private int localHour(long key, boolean utc) {
        return Math.floorMod(localHourIndex(key, utc), MarketDay.HOURS);
    }

    /** Hours since 1970-01-01T00:00 local time; {@code key} is in that unit already for EPT timestamps. */
    private long localHourIndex(long key, boolean utc) {
        if (!utc) {
            return key;
        }
        int offsetSeconds = rules.getOffset(Instant.ofEpochSecond(key * 3600)).getTotalSeconds();
        return Math.floorDiv(key * 3600 + offsetSeconds, 3600);
    }
}
