package org.hubprice.training.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedListTest {
    @Test
    void rangesListsAndMixes() {
        assertEquals(List.of(1L, 2L, 3L), SeedList.parse("1..3"));
        assertEquals(List.of(4L, 9L, 1L), SeedList.parse("4, 9,1"));
        assertEquals(List.of(1L, 2L, 10L), SeedList.parse("1..2,10,2"), "repeats dropped, order kept");
        assertEquals(List.of(7L), SeedList.parse("7"));
        assertEquals("seed-7", SeedList.memberDir(7));
    }

    @Test
    void badSpecsNameThePartAndTheForms() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("3..1")).getMessage().contains("Maybe 1..3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1..two")).getMessage().contains("'1..two'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse(" ")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1..5000")).getMessage().contains("more than 1000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("-9223372036854775808..9223372036854775807")).getMessage()
                .contains("more than 1000"), "no overflow into an endless range");
    }
}
