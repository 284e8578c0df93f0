package org.hubprice.evaluation.canonical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.env.bertrand.BertrandConfig;
import org.hubprice.env.bertrand.BertrandGame;
import org.junit.jupiter.api.Test;

class LimitCycleTest {
    private static final BertrandGame GAME = new BertrandGame(BertrandConfig.baseline());

    @Test
    void constantPlayIsACycleOfLengthOneWithItsOwnDelta() {
        LimitCycle c = LimitCycle.of(GAME, (firm, state) -> 12, 0);
        assertEquals(1, c.length());
        int prof = GAME.profileIndex(new int[] {12, 12});
        assertArrayEquals(new int[] {prof}, c.states(), "with k = 1 the cycle state is the profile played");
        assertEquals(1, c.entryPeriod(), "state 0 is played through once before the cycle");
        double pi = GAME.profit(prof, 0);
        assertEquals((pi - 0.22292) / (0.33749 - 0.22292), c.delta(), 1e-3);
        assertEquals(GAME.price(12), c.meanPrice()[1], 1e-15);
    }

    @Test
    void deltaIsZeroAtNashAndOneAtMonopolyProfits() {
        assertEquals(0, LimitCycle.delta(GAME, GAME.nash().meanProfit()), 1e-12);
        assertEquals(1, LimitCycle.delta(GAME, GAME.monopoly().meanProfit()), 1e-12);
    }

    @Test
    void alternatingPlayGivesACycleOfLengthTwoAveragedOverBothProfiles() {
        // Each firm plays 3 after the profile (10, 10) and 10 otherwise: (10,10) -> (3,3) -> (10,10) ...
        int high = GAME.profileIndex(new int[] {10, 10});
        int low = GAME.profileIndex(new int[] {3, 3});
        Strategy alternate = (firm, state) -> state == high ? 3 : 10;
        LimitCycle c = LimitCycle.of(GAME, alternate, high);
        assertEquals(2, c.length());
        assertEquals(0, c.entryPeriod());
        assertArrayEquals(new int[] {high, low}, c.states());
        double mean = (GAME.profit(low, 0) + GAME.profit(high, 0)) / 2;
        assertEquals(mean, c.meanProfit()[0], 1e-15);
        assertEquals(LimitCycle.delta(GAME, mean), c.delta(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> LimitCycle.of(GAME, alternate, 225));
    }

    @Test
    void asymmetricFirmsAverageProfitsOverFirms() {
        BertrandGame g = new BertrandGame(BertrandConfig.builder().optC(1.0, 1.2).optK(0).build());
        LimitCycle c = LimitCycle.of(g, (firm, state) -> firm == 0 ? 5 : 9, 0);
        int prof = g.profileIndex(new int[] {5, 9});
        double avg = (g.profit(prof, 0) + g.profit(prof, 1)) / 2;
        double want = (avg - g.nash().meanProfit()) / (g.monopoly().meanProfit() - g.nash().meanProfit());
        assertEquals(want, c.delta(), 1e-12);
        assertTrue(g.nash().price(1) > g.nash().price(0), "the high-cost firm prices higher");
    }
}
