package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.env.config.SplitConfig;
import org.hubprice.env.data.MarketDay;
import org.junit.jupiter.api.Test;

class DaySplitTest {
    private static List<MarketDay> year(LocalDate first, int n) {
        List<MarketDay> days = new ArrayList<>();
        double[] p = new double[24];
        for (int d = 0; d < n; d++) {
            days.add(new MarketDay(first.plusDays(d), p, p));
        }
        return days;
    }

    @Test
    void paperSplitHoldsOutEightDaysPerSeason() {
        List<MarketDay> days = year(LocalDate.of(2021, 12, 1), 365);
        DaySplit s = DaySplit.of(days, new SplitConfig("paper", 8, 11, 17));
        assertEquals(32, s.testCount());
        assertEquals(333, s.trainingCount());
        int[] perSeason = new int[4];
        for (int d : s.testDays()) {
            perSeason[DaySplit.season(days.get(d).date())]++;
        }
        assertArrayEquals(new int[] {8, 8, 8, 8}, perSeason);
        for (int d : s.trainingDays()) {
            assertFalse(s.isTest(d));
        }
        assertArrayEquals(s.testDays(), DaySplit.of(days, new SplitConfig("paper", 8, 11, 17)).testDays(), "seeded: same seed, same days");
        assertFalse(java.util.Arrays.equals(s.testDays(), DaySplit.of(days, new SplitConfig("paper", 8, 11, 18)).testDays()),
                "another seed holds out other days");
    }

    @Test
    void referenceSplitHoldsOutEveryEleventhDay() {
        DaySplit s = DaySplit.reference(365, 11);
        assertEquals(34, s.testCount());
        for (int d : s.testDays()) {
            assertEquals(0, d % 11);
        }
        assertTrue(s.isTest(0) && s.isTest(363) && !s.isTest(364));
    }

    @Test
    void seasonsFollowTheMonths() {
        assertEquals(0, DaySplit.season(LocalDate.of(2022, 12, 31)));
        assertEquals(0, DaySplit.season(LocalDate.of(2022, 2, 28)));
        assertEquals(1, DaySplit.season(LocalDate.of(2022, 3, 1)));
        assertEquals(2, DaySplit.season(LocalDate.of(2022, 8, 31)));
        assertEquals(3, DaySplit.season(LocalDate.of(2022, 11, 30)));
    }

    @Test
    void impossibleSplitsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DaySplit.paper(year(LocalDate.of(2022, 6, 1), 5), 8, 1));
        assertTrue(e.getMessage().contains("summer") && e.getMessage().contains("only 5 days"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DaySplit.reference(1, 11), "one day, held out, leaves no training day");
        DaySplit partial = DaySplit.paper(year(LocalDate.of(2022, 6, 1), 60), 8, 1);
        assertEquals(8, partial.testCount(), "seasons without days hold out nothing");
    }
}
