package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayProfileCsvTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path f = dir.resolve("days.csv");
        Files.writeString(f, content);
        return f;
    }

    private static String row(String date, int daCount, String override, int overrideColumn) {
        StringBuilder sb = new StringBuilder(date);
        int col = 1;
        for (int g = 0; g < 3; g++) {
            int n = g == 0 ? daCount : 24;
            for (int t = 0; t < n; t++) {
                sb.append(',').append(col == overrideColumn ? override : String.valueOf(10 + t));
                col++;
            }
        }
        return sb.toString();
    }

    private String error(String content) throws IOException {
        Path f = write(content);
        return assertThrows(IllegalArgumentException.class, () -> DayProfileCsv.read(f)).getMessage();
    }

    @Test
    void roundTripsExactly() throws IOException {
        List<DayProfile> days = SyntheticDays.generate(5, 1);
        StringWriter w = new StringWriter();
        DayProfileCsv.write(w, LocalDate.of(2024, 2, 28), days);
        Path f = write("# written by the test\n" + w + "\n");
        List<DayProfileCsv.DatedDay> back = DayProfileCsv.readDated(f);
        assertEquals(days, back.stream().map(DayProfileCsv.DatedDay::day).toList());
        assertEquals(LocalDate.of(2024, 3, 1), back.get(2).date());
        assertEquals(73, DayProfileCsv.HEADER.size());
        assertEquals("load_23", DayProfileCsv.HEADER.get(72));
    }

    @Test
    void rowWith23DaValuesNamesTheLineAndCount() throws IOException {
        String m = error(DayProfileCsv.HEADER_LINE + "\n" + row("2024-01-01", 24, null, -1) + "\n" + row("2024-01-02", 23, null, -1) + "\n");
        assertTrue(m.contains("line 3 (date 2024-01-02): 72 columns but 73 are required"), m);
        assertTrue(m.contains("missing"), m);
    }

    @Test
    void badValuesNameLineColumnAndValue() throws IOException {
        String h = DayProfileCsv.HEADER_LINE + "\n";
        String m = error(h + row("2024-01-01", 24, "abc", 28) + "\n");
        assertTrue(m.endsWith("line 2, column rt_3: 'abc' is not a number"), m);
        m = error(h + row("2024-01-01", 24, "NaN", 8) + "\n");
        assertTrue(m.contains("line 2, column da_7: NaN is not a finite number"), m);
        m = error(h + row("2024-01-01", 24, "Infinity", 1) + "\n");
        assertTrue(m.contains("line 2, column da_0: Infinity is not a finite number"), m);
        m = error(h + row("2024-01-01", 24, "-2", 52) + "\n");
        assertTrue(m.contains("line 2, column load_3: -2 is negative; loads must be >= 0 kWh"), m);
        m = error(h + row("2024-13-01", 24, null, -1) + "\n");
        assertTrue(m.contains("line 2, column date: '2024-13-01' is not a date"), m);
        m = error(h + row("2024-01-01", 24, null, -1) + "\n\n" + row("2024-01-01", 24, null, -1) + "\n");
        assertTrue(m.contains("line 4, column date: 2024-01-01 already appears on line 2"), m);
    }

    @Test
    void badHeaderOrEmptyFileIsReported() throws IOException {
        String m = error(DayProfileCsv.HEADER_LINE.replace("rt_5", "rt5") + "\n");
        assertTrue(m.contains("line 1: header column 31 is 'rt5' but 'rt_5' is required"), m);
        m = error("date,da_0\n");
        assertTrue(m.contains("the header has 2 columns but 73 are required"), m);
        m = error("");
        assertTrue(m.contains("is empty"), m);
        m = error(DayProfileCsv.HEADER_LINE + "\n");
        assertTrue(m.contains("has a header but no days"), m);
        Path missing = dir.resolve("nope.csv");
        m = assertThrows(IllegalArgumentException.class, () -> DayProfileCsv.read(missing)).getMessage();
        assertTrue(m.contains("nope.csv does not exist"), m);
    }
}
