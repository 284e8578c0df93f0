package org.hubprice.env.data;

import static org.hubprice.env.data.PjmCsvText.hourName;

import java.io.IOException;
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
import java.util.List;
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
        PjmHourlySeries da = readSeries(daFile, "DA", DA_PRICE, RT_PRICE);
        PjmHourlySeries rt = readSeries(rtFile, "RT", RT_PRICE, DA_PRICE);
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

    private PjmHourlySeries readSeries(Path file, String market, String priceColumn, String otherPriceColumn) throws IOException {
        PjmCsvRows parsed = PjmCsvRows.read(file, market, priceColumn, otherPriceColumn);
        String name = parsed.name;
        String tsColumn = parsed.tsColumn;
        boolean utc = parsed.utc;
        int n = parsed.count;
        long[] keys = parsed.keys;
        double[] prices = parsed.prices;
        int[] versions = parsed.versions;
        boolean[] current = parsed.current;
        int[] pnodes = parsed.pnodes;
        List<String> pnodeNames = parsed.pnodeNames;
        Map<String, Integer> pnodeIndex = parsed.pnodeIndex;

        // Pnode choice.
        int wanted = -1;
        String usedPnode = null;
        if (parsed.hasPnodeColumn && !pnodeNames.isEmpty()) {
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
        PjmHourlySeries series = new PjmHourlySeries(null, firstDay, lastDay, sum, count, ambiguous, expectedByDay);
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
        return new PjmHourlySeries(report, firstDay, lastDay, sum, count, ambiguous, expectedByDay);
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
