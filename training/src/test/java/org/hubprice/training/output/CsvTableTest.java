package org.hubprice.training.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back what {@link CsvLog} writes. */
class CsvTableTest {
    @TempDir
    Path tmp;

    @Test
    void splitHandlesQuotes() {
        assertArrayEquals(new String[] {"1", "a,b", "x\"y", ""}, CsvTable.split("1,\"a,b\",\"x\"\"y\","));
    }

    @Test
    void readsWhatCsvLogWritesAndSkipsATornLastRow() throws Exception {
        Path f = tmp.resolve("m.csv");
        try (CsvLog log = CsvLog.open(f, List.of("episode", "day", "reward_hub_0", "reward_hub_1"), -1)) {
            log.beginRow(1).add("2021-12-01").add(1.5).add(Double.NaN).endRow();
            log.beginRow(2).add("a,b").add(2.5).add(3L).endRow();
        }
        Files.writeString(f, "3,2021-", java.nio.file.StandardOpenOption.APPEND);
        CsvTable t = CsvTable.read(f);
        assertEquals(2, t.rows().size());
        assertEquals(List.of("hub_0", "hub_1"), t.suffixes("reward_"));
        assertEquals(1.5, t.number(0, 2));
        assertTrue(Double.isNaN(t.number(0, 3)));
        assertEquals("a,b", t.rows().get(1)[1]);
        assertEquals(2, t.column("reward_hub_0"));
    }
}
