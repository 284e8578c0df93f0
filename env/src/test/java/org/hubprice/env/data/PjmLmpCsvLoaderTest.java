package org.hubprice.env.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PJM loader on small hand-made fixtures in {@code src/test/resources/pjm}. */
class PjmLmpCsvLoaderTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(PjmLmpCsvLoaderTest.class.getResource("/pjm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MarketDay day(PjmLoadResult r, String date) {
        LocalDate d = LocalDate.parse(date);
        return r.days().stream().filter(m -> m.date().equals(d)).findFirst()
                .orElseThrow(() -> new AssertionError(date + " not built; skipped: " + r.skippedDays()));
    }

    @Test
    void marchGapIsFilledWithTheMeanOfItsNeighbours() throws IOException {
        // DA: EPT "3/13/2022 1:00"; RT: quoted, reordered columns, "12:00:00 AM" format, CRLF line ends.
        PjmLoadResult r = new PjmLmpCsvLoader().load(fixture("march_da_ept.csv"), fixture("march_rt_ept.csv"));
        assertEquals(List.of(LocalDate.of(2022, 3, 12), LocalDate.of(2022, 3, 13), LocalDate.of(2022, 3, 14)),
                r.days().stream().map(MarketDay::date).toList());
        assertEquals(List.of(), r.skippedDays());
        MarketDay gap = day(r, "2022-03-13");
        assertEquals(41.5, gap.dayAhead(1));
        assertEquals(39.875, gap.dayAhead(2), 1e-12, "mean of 41.5 and 38.25");
        assertEquals(38.25, gap.dayAhead(3));
        assertEquals(5.0, gap.realTime(2), 1e-12, "mean of -5 and 15");
        assertEquals(43.0 + 0.5, gap.dayAhead(23), 1e-12, "hours after the gap are not shifted");
        assertEquals(List.of(LocalDate.of(2022, 3, 13)), r.dayAhead().gapHoursFilled());
        assertEquals(List.of(LocalDate.of(2022, 3, 13)), r.realTime().gapHoursFilled());
        assertEquals(PjmLmpCsvLoader.EPT_COLUMN, r.realTime().timestampColumn());
    }

    @Test
    void repeatedRowsWithoutVersionKeepTheFirstInFileOrder() throws IOException {
        PjmLoadResult r = new PjmLmpCsvLoader().load(fixture("march_da_ept.csv"), fixture("march_rt_ept.csv"));
        assertEquals(35.0, day(r, "2022-03-12").realTime(5), "the later row (99) is the superseded one");
        assertEquals(1, r.realTime().supersededDropped());
        assertEquals(1, r.realTime().exactCopiesDropped());
        assertEquals(List.of(LocalDate.of(2022, 3, 12), LocalDate.of(2022, 3, 14)), r.realTime().duplicateDates());
        assertEquals(0, r.dayAhead().supersededDropped() + r.dayAhead().exactCopiesDropped());
        assertEquals(73, r.realTime().rowsRead(), "71 hours plus two repeats");
    }

    @Test
    void novemberRepeatIsAveragedInUtcAndEptFiles() throws IOException {
        // DA: full Data Miner export with UTC timestamps, row_is_current and version_nbr; RT: EPT only.
        PjmLoadResult r = new PjmLmpCsvLoader().load(fixture("november_da_utc.csv"), fixture("november_rt_ept.csv"));
        assertEquals(3, r.days().size(), () -> "skipped: " + r.skippedDays());
        MarketDay fallBack = day(r, "2022-11-06");
        assertEquals(25.0, fallBack.dayAhead(1), 1e-12, "mean of 01:00 EDT (30) and 01:00 EST (20)");
        assertEquals(12.08, fallBack.realTime(1), 1e-12, "mean of the two '11/6/2022 1:00' rows");
        assertEquals(40 + 2 + 0.5, fallBack.dayAhead(2), 1e-12, "02:00 EST follows the repeated hour");
        assertEquals(40 + 23 + 0.5, fallBack.dayAhead(23), 1e-12);
        assertEquals(40 + 0, day(r, "2022-11-05").dayAhead(0), 1e-12, "00:00 EDT is 04:00 UTC");
        assertEquals(PjmLmpCsvLoader.UTC_COLUMN, r.dayAhead().timestampColumn());
        assertEquals(List.of(LocalDate.of(2022, 11, 6)), r.dayAhead().repeatedHoursAveraged());
        assertEquals(List.of(LocalDate.of(2022, 11, 6)), r.realTime().repeatedHoursAveraged());
        assertEquals(0, r.realTime().supersededDropped() + r.realTime().exactCopiesDropped(),
                "the fall-back hour's two rows are not duplicates");
    }

    @Test
    void supersededRowsAreDroppedByCurrentFlagAndVersion() throws IOException {
        PjmLoadResult r = new PjmLmpCsvLoader().load(fixture("november_da_utc.csv"), fixture("november_rt_ept.csv"));
        assertEquals(48.0, day(r, "2022-11-05").dayAhead(8), 1e-12, "row_is_current=False row (999) dropped");
        assertEquals(53.0, day(r, "2022-11-07").dayAhead(12), 1e-12, "version 1 (888) loses to version 2");
        assertEquals(1, r.dayAhead().nonCurrentDropped());
        assertEquals(1, r.dayAhead().olderVersionDropped());
        assertEquals("51288", r.dayAhead().pnodeId());
        assertTrue(r.notes().stream().anyMatch(s -> s.contains("row_is_current = false")), r.notes().toString());
    }

    @Test
    void missingHourIsReportedWithItsDateAndNotShifted() throws IOException {
        PjmLoadResult r = new PjmLmpCsvLoader().load(fixture("gap_da.csv"), fixture("gap_rt.csv"));
        assertEquals(List.of(LocalDate.of(2022, 7, 1)), r.days().stream().map(MarketDay::date).toList());
        assertEquals(List.of(new SkippedDay(LocalDate.of(2022, 7, 2), "DA: missing hours 14:00 (1 of 24)")), r.skippedDays());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PjmLmpCsvLoader.builder().optStrict(true).build().load(fixture("gap_da.csv"), fixture("gap_rt.csv")));
        assertTrue(e.getMessage().contains("2022-07-02: DA: missing hours 14:00"), e.getMessage());
    }

    @Test
    void nonNumericPriceNamesFileLineColumnAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PjmLmpCsvLoader().load(fixture("gap_da.csv"), fixture("bad_price_rt.csv")));
        assertTrue(e.getMessage().contains("bad_price_rt.csv line 6, column total_lmp_rt: value 'abc' is not a number"),
                e.getMessage());
    }

    @Test
    void missingColumnListsTheColumnsFound() throws IOException {
        Path da = write("no_price.csv", "datetime_beginning_ept,pnode_id,lmp\n7/1/2022 0:00,1,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PjmLmpCsvLoader().load(da, fixture("gap_rt.csv")));
        assertTrue(e.getMessage().contains("no_price.csv: missing required column total_lmp_da; columns found: "
                + "[datetime_beginning_ept, pnode_id, lmp]"), e.getMessage());

        Path noTime = write("no_time.csv", "time,total_lmp_da\n7/1/2022 0:00,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> new PjmLmpCsvLoader().load(noTime, fixture("gap_rt.csv")));
        assertTrue(e.getMessage().contains("datetime_beginning_utc or datetime_beginning_ept; columns found: [time, total_lmp_da]"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> new PjmLmpCsvLoader().load(fixture("gap_rt.csv"), fixture("gap_da.csv")));
        assertTrue(e.getMessage().contains("Maybe the DA and RT files are swapped"), e.getMessage());
    }

    @Test
    void unknownTimestampFormatIsNamed() throws IOException {
        Path da = write("odd_time.csv", "datetime_beginning_ept,total_lmp_da\n2022.07.01 00:00,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PjmLmpCsvLoader().load(da, fixture("gap_rt.csv")));
        assertTrue(e.getMessage().contains("odd_time.csv line 2, column datetime_beginning_ept: timestamp '2022.07.01 00:00'"
                + " has an unknown format"), e.getMessage());

        Path fiveMinute = write("five_minute.csv", "datetime_beginning_ept,total_lmp_da\n7/1/2022 0:05,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> new PjmLmpCsvLoader().load(fiveMinute, fixture("gap_rt.csv")));
        assertTrue(e.getMessage().contains("is not on the hour"), e.getMessage());
    }

    @Test
    void severalPnodesRequireAChoice() throws IOException {
        StringBuilder da = new StringBuilder("pnode_id,datetime_beginning_ept,total_lmp_da\n");
        StringBuilder rt = new StringBuilder("pnode_id,datetime_beginning_ept,total_lmp_rt\n");
        for (int h = 0; h < 24; h++) {
            da.append("1,7/1/2022 ").append(h).append(":00,").append(10 + h).append('\n');
            da.append("2,7/1/2022 ").append(h).append(":00,").append(500 + h).append('\n');
            rt.append("2,7/1/2022 ").append(h).append(":00,").append(600 + h).append('\n');
        }
        Path daFile = write("two_da.csv", da.toString());
        Path rtFile = write("two_rt.csv", rt.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PjmLmpCsvLoader().load(daFile, rtFile));
        assertTrue(e.getMessage().contains("two_da.csv holds 2 pnodes [1, 2]; choose one"), e.getMessage());

        PjmLoadResult r = PjmLmpCsvLoader.builder().optPnodeId(2).build().load(daFile, rtFile);
        assertEquals(500.0, r.days().get(0).dayAhead(0));
        assertEquals(24, r.dayAhead().otherPnodeRows());

        e = assertThrows(IllegalArgumentException.class,
                () -> PjmLmpCsvLoader.builder().optPnodeId(3).build().load(daFile, rtFile));
        assertTrue(e.getMessage().contains("pnode 3 is not in the file; pnodes found: [1, 2]"), e.getMessage());
    }

    @Test
    void fallBackHourWithExtraRowsAndNoVersionIsReportedAsAmbiguous() throws IOException {
        StringBuilder da = new StringBuilder("datetime_beginning_ept,total_lmp_da\n");
        for (int h = 0; h < 24; h++) {
            int copies = h == 1 ? 3 : 1;
            for (int c = 0; c < copies; c++) {
                da.append("11/6/2022 ").append(h).append(":00,").append(20 + h + c).append('\n');
            }
        }
        Path daFile = write("amb_da.csv", da.toString());
        Path rtFile = write("amb_rt.csv", da.toString().replace("total_lmp_da", "total_lmp_rt").replace("1:00,21\n11/6/2022 1:00,22\n11/6/2022 1:00,23\n", "1:00,21\n11/6/2022 1:00,22\n"));
        PjmLoadResult r = new PjmLmpCsvLoader().load(daFile, rtFile);
        assertEquals(List.of(), r.days());
        assertEquals(1, r.skippedDays().size());
        assertTrue(r.skippedDays().get(0).toString().startsWith("2022-11-06: DA: 01:00 EPT appears 3 times on the fall-back day"),
                r.skippedDays().toString());
    }

    @Test
    void timestampFormats() {
        long base = LocalDate.of(2021, 12, 1).toEpochDay() * 24;
        assertEquals(base, PjmCsvText.parseTimestamp("12/1/2021 0:00"));
        assertEquals(base, PjmCsvText.parseTimestamp("12/1/2021 12:00:00 AM"));
        assertEquals(base + 12, PjmCsvText.parseTimestamp("12/1/2021 12:00:00 PM"));
        assertEquals(base + 23, PjmCsvText.parseTimestamp("12/01/2021 11:00:00 pm"));
        assertEquals(base + 13, PjmCsvText.parseTimestamp("12/1/2021 13:00:00"));
        assertEquals(base + 5, PjmCsvText.parseTimestamp("2021-12-01T05:00:00"));
        assertEquals(base + 5, PjmCsvText.parseTimestamp("2021-12-01 05:00:00.000"));
        assertTrue(PjmCsvText.parseTimestamp("13/1/2021 0:00") < 0, "month 13");
        assertTrue(PjmCsvText.parseTimestamp("2/30/2021 0:00") < 0, "30 February");
        assertTrue(PjmCsvText.parseTimestamp("12/1/2021 13:00:00 PM") < 0, "13 PM");
        assertTrue(PjmCsvText.parseTimestamp("12/1/21 0:00") < 0, "two-digit year");
        assertTrue(PjmCsvText.parseTimestamp("12/1/2021") < 0, "no time");
    }

    @Test
    void marketDataConvenienceReturnsTheCompleteDays() throws IOException {
        List<MarketDay> days = MarketData.pjm(fixture("gap_da.csv"), fixture("gap_rt.csv"));
        assertEquals(1, days.size());
        assertEquals(365, MarketData.synthetic(1).size());
        assertEquals(MarketData.synthetic(1), new SyntheticPriceGenerator().defaultYear(1));
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** Days 2022-07-01 .. 07-04 in EPT, every hour except those in {@code skip} ("M/D H"), plus {@code extra} lines. */
    private Path export(String name, String column, java.util.Set<String> skip, List<String> extra) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("datetime_beginning_ept,pnode_id," + column));
        for (int d = 1; d <= 4; d++) {
            for (int h = 0; h < 24; h++) {
                if (!skip.contains(d + " " + h)) {
                    lines.add("7/" + d + "/2022 " + h + ":00,48592," + (40 + h));
                }
            }
        }
        lines.addAll(extra);
        return Files.write(tmp.resolve(name), lines);
    }

    private static java.util.Set<String> hours(int day, int from, int to) {
        java.util.Set<String> s = new java.util.HashSet<>();
        for (int h = from; h <= to; h++) {
            s.add(day + " " + h);
        }
        return s;
    }

    @Test
    void strictModeSkipsPartialEdgeDaysButRefusesAMissingHourInside() throws IOException {
        PjmLmpCsvLoader strict = PjmLmpCsvLoader.builder().optStrict(true).build();
        // an export that starts at 05:00 on its first day and stops after 00:00 on its last (UTC-bounded), with a
        // repeated row (a superseded copy) and an RT row one day beyond the DA file
        java.util.Set<String> cut = hours(1, 0, 4);
        cut.addAll(hours(4, 1, 23));
        Path da = export("da.csv", "total_lmp_da", cut, List.of());
        Path rt = export("rt.csv", "total_lmp_rt", cut, List.of("7/2/2022 3:00,48592,99", "7/5/2022 0:00,48592,50"));
        PjmLoadResult r = strict.load(da, rt);
        assertEquals(List.of(LocalDate.of(2022, 7, 2), LocalDate.of(2022, 7, 3)), r.days().stream().map(MarketDay::date).toList());
        assertEquals(List.of(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 4), LocalDate.of(2022, 7, 5)),
                r.skippedDays().stream().map(SkippedDay::date).toList());
        assertTrue(r.skippedDays().stream().allMatch(SkippedDay::edge), r.skippedDays().toString());
        assertEquals(43, day(r, "2022-07-02").realTime(3), 0.0, "the first of the repeated rows is kept");

        // a hole inside the range is a missing hour: strict refuses it, naming the date; otherwise it is skipped
        java.util.Set<String> hole = new java.util.HashSet<>(cut);
        hole.add("3 14");
        Path daHole = export("da-hole.csv", "total_lmp_da", hole, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strict.load(daHole, rt));
        assertTrue(e.getMessage().startsWith("1 day inside the range of da-hole.csv and rt.csv cannot be built (strict mode): "
                + "2022-07-03: DA: missing hours 14:00 (1 of 24)"), e.getMessage());
        assertTrue(!e.getMessage().contains("2022-07-04") && e.getMessage().contains("set market.pjm.strict=false"), e.getMessage());
        PjmLoadResult lax = new PjmLmpCsvLoader().load(daHole, rt);
        assertEquals(List.of(LocalDate.of(2022, 7, 2)), lax.days().stream().map(MarketDay::date).toList());
        SkippedDay inside = lax.skippedDays().stream().filter(k -> k.date().equals(LocalDate.of(2022, 7, 3))).findFirst().orElseThrow();
        assertTrue(!inside.edge(), inside.toString());

        // a hole on the last day is no cut-off export either
        java.util.Set<String> lastHole = new java.util.HashSet<>(hours(1, 0, 4));
        lastHole.add("4 14");
        Path daLast = export("da-last.csv", "total_lmp_da", lastHole, List.of());
        Path rtLast = export("rt-last.csv", "total_lmp_rt", hours(1, 0, 4), List.of());
        assertThrows(IllegalArgumentException.class, () -> strict.load(daLast, rtLast));
    }
}
