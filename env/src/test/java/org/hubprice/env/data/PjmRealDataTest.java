package org.hubprice.env.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loader on the real files in {@code ../shared/data/pjm} (skipped when absent): the exact
 * days built and skipped, and the data behind the rule for repeated rows.
 */
class PjmRealDataTest {

    private static PjmLoadResult load(String da, String rt) throws IOException {
        Path dir = SharedData.pjmDir();
        return new PjmLmpCsvLoader().load(dir.resolve(da), dir.resolve(rt));
    }

    private static List<LocalDate> dates(List<SkippedDay> skipped) {
        return skipped.stream().map(SkippedDay::date).toList();
    }

    @Test
    void node48592BuildsEveryDayOfTheDaFile() throws IOException {
        PjmLoadResult r = load("da_hrl_lmps_48592.csv", "rt_hrl_lmps_48592.csv");
        // DA covers 2021-12-01 .. 2022-11-29 (364 days); RT adds the single hour 2022-11-30 00:00.
        assertEquals(364, r.days().size());
        assertEquals(LocalDate.of(2021, 12, 1), r.days().get(0).date());
        assertEquals(LocalDate.of(2022, 11, 29), r.days().get(363).date());
        assertEquals(List.of(new SkippedDay(LocalDate.of(2022, 11, 30),
                "DA: no rows (the file covers 2021-12-01 .. 2022-11-29); RT: missing hours 01:00–23:00 (23 of 24)", true)), r.skippedDays());

        // 337 repeated RT timestamps: the fall-back hour (kept, averaged) and 336 superseded rows.
        PjmFileReport rt = r.realTime();
        assertEquals(9073, rt.rowsRead());
        assertEquals(263, rt.exactCopiesDropped());
        assertEquals(73, rt.supersededDropped());
        assertEquals(14, rt.duplicateDates().size());
        assertEquals(LocalDate.of(2022, 2, 1), rt.duplicateDates().get(0));
        assertEquals(LocalDate.of(2022, 2, 16), rt.duplicateDates().get(13));
        for (PjmFileReport f : List.of(r.dayAhead(), rt)) {
            assertEquals(List.of(LocalDate.of(2022, 3, 13)), f.gapHoursFilled(), f.file());
            assertEquals(List.of(LocalDate.of(2022, 11, 6)), f.repeatedHoursAveraged(), f.file());
            assertEquals("48592", f.pnodeId());
        }
        MarketDay fallBack = r.days().stream().filter(d -> d.date().equals(LocalDate.of(2022, 11, 6))).findFirst().orElseThrow();
        assertEquals((12.31 + 11.85) / 2, fallBack.realTime(1), 1e-12);

        // Facts stated in the data README: 7 hours with min(DA, RT) <= 0, RT from -211 to 2165.
        int nonPositive = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (MarketDay d : r.days()) {
            for (int h = 0; h < 24; h++) {
                nonPositive += Math.min(d.dayAhead(h), d.realTime(h)) <= 0 ? 1 : 0;
                min = Math.min(min, d.realTime(h));
                max = Math.max(max, d.realTime(h));
            }
        }
        assertEquals(7, nonPositive);
        assertEquals(-211.40, min, 1e-9);
        assertEquals(2165.16, max, 1e-9);

        // strict mode: the extra RT row of 2022-11-30 and the 336 repeated rows are no missing hour, so the files load unchanged
        PjmLoadResult strict = PjmLmpCsvLoader.builder().optStrict(true).build().load(SharedData.pjmDir().resolve("da_hrl_lmps_48592.csv"),
                SharedData.pjmDir().resolve("rt_hrl_lmps_48592.csv"));
        assertEquals(364, strict.days().size());
        assertEquals(r.skippedDays(), strict.skippedDays());
        assertTrue(strict.skippedDays().get(0).edge(), "2022-11-30 lies beyond the DA file: an edge day");
    }

    @Test
    void westernHub2022LacksTheEndOfDecember31() throws IOException {
        PjmLoadResult r = load("pjm_westernhub_da_hrl_lmps_2022.csv", "pjm_westernhub_rt_hrl_lmps_2022.csv");
        assertEquals(List.of(LocalDate.of(2022, 12, 31)), dates(r.skippedDays()));
        assertEquals("DA: missing hours 01:00–23:00 (23 of 24); RT: missing hours 01:00–23:00 (23 of 24)",
                r.skippedDays().get(0).reason());
        assertEquals(364, r.days().size());
        assertEquals(LocalDate.of(2022, 1, 1), r.days().get(0).date());
        assertEquals(PjmLmpCsvLoader.UTC_COLUMN, r.dayAhead().timestampColumn());
        assertEquals(336, r.realTime().nonCurrentDropped());
        assertEquals(0, r.realTime().supersededDropped() + r.realTime().exactCopiesDropped());
        assertEquals(List.of(LocalDate.of(2022, 3, 13)), r.realTime().gapHoursFilled());
        assertEquals(List.of(LocalDate.of(2022, 11, 6)), r.realTime().repeatedHoursAveraged());
        assertTrue(r.skippedDays().get(0).edge(), "the partial last local day of a UTC-bounded export is an edge day");
        PjmLoadResult strict = PjmLmpCsvLoader.builder().optStrict(true).build().load(
                SharedData.pjmDir().resolve("pjm_westernhub_da_hrl_lmps_2022.csv"), SharedData.pjmDir().resolve("pjm_westernhub_rt_hrl_lmps_2022.csv"));
        assertEquals(364, strict.days().size(), "strict mode skips the edge day");
    }

    @Test
    void westernHub2023LacksJune30ToJuly1AndTheEndOfDecember31() throws IOException {
        PjmLoadResult r = load("pjm_westernhub_da_hrl_lmps_2023.csv", "pjm_westernhub_rt_hrl_lmps_2023.csv");
        // The files jump from 2023-06-30 00:00 EPT to 2023-07-02 00:00 EPT and end at 2023-12-31 00:00 EPT.
        assertEquals(List.of(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31)),
                dates(r.skippedDays()));
        assertEquals("DA: no rows; RT: no rows", r.skippedDays().get(1).reason());
        assertEquals(362, r.days().size());
        assertEquals(24, r.realTime().nonCurrentDropped());
        assertEquals(List.of(LocalDate.of(2023, 3, 12)), r.dayAhead().gapHoursFilled());
        assertEquals(List.of(LocalDate.of(2023, 11, 5)), r.dayAhead().repeatedHoursAveraged());
        assertEquals(List.of(false, false, true), r.skippedDays().stream().map(SkippedDay::edge).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PjmLmpCsvLoader.builder().optStrict(true).build()
                .load(SharedData.pjmDir().resolve("pjm_westernhub_da_hrl_lmps_2023.csv"),
                        SharedData.pjmDir().resolve("pjm_westernhub_rt_hrl_lmps_2023.csv")));
        String m = e.getMessage();
        assertTrue(m.startsWith("2 days inside the range of pjm_westernhub_da_hrl_lmps_2023.csv and pjm_westernhub_rt_hrl_lmps_2023.csv"
                + " cannot be built (strict mode): 2023-06-30: DA: missing hours"), m);
        assertTrue(m.contains("2023-07-01") && !m.contains("2023-12-31") && m.endsWith("set market.pjm.strict=false to skip these days"), m);
    }

    /**
     * The evidence for "the first of two repeated rows wins": the Western Hub export repeats the
     * same 336 hours as the 48592 RT file, and there the current row always comes first.
     */
    @Test
    void repeatedRowsOfTheReferenceFileMatchTheWesternHubVersionOrder() throws IOException {
        Path dir = SharedData.pjmDir();
        // Western Hub 2022 RT: rows per UTC timestamp, in file order, as (row_is_current, EPT clock).
        List<String> wh = Files.readAllLines(dir.resolve("pjm_westernhub_rt_hrl_lmps_2022.csv"));
        List<String> header = List.of(wh.get(0).split(","));
        int utc = header.indexOf("datetime_beginning_utc");
        int ept = header.indexOf("datetime_beginning_ept");
        int current = header.indexOf("row_is_current");
        Map<String, List<String[]>> byUtc = new LinkedHashMap<>();
        for (String line : wh.subList(1, wh.size())) {
            String[] f = line.split(",", -1);
            byUtc.computeIfAbsent(f[utc], k -> new ArrayList<>()).add(f);
        }
        List<Long> whRepeatedHours = new ArrayList<>();
        for (List<String[]> rows : byUtc.values()) {
            if (rows.size() > 1) {
                assertEquals(2, rows.size());
                assertEquals("True", rows.get(0)[current], "current row first");
                assertEquals("False", rows.get(1)[current], "superseded row second");
                whRepeatedHours.add(PjmCsvText.parseTimestamp(rows.get(0)[ept]));
            }
        }
        assertEquals(336, whRepeatedHours.size());

        // 48592 RT: repeated EPT timestamps other than the fall-back hour.
        List<String> node = Files.readAllLines(dir.resolve("rt_hrl_lmps_48592.csv"));
        Map<Long, Integer> count = new HashMap<>();
        List<Long> nodeRepeatedHours = new ArrayList<>();
        for (String line : node.subList(1, node.size())) {
            long key = PjmCsvText.parseTimestamp(line.split(",")[0]);
            if (count.merge(key, 1, Integer::sum) == 2) {
                nodeRepeatedHours.add(key);
            }
        }
        long fallBack = LocalDate.of(2022, 11, 6).toEpochDay() * 24 + 1;
        assertTrue(nodeRepeatedHours.remove(Long.valueOf(fallBack)));
        assertEquals(whRepeatedHours, nodeRepeatedHours, "the same hours, in the same order");
    }
}
