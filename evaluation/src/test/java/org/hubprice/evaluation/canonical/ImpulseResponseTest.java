package org.hubprice.evaluation.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.env.bertrand.BertrandConfig;
import org.hubprice.env.bertrand.BertrandGame;
import org.junit.jupiter.api.Test;

class ImpulseResponseTest {
    private static final BertrandGame GAME = new BertrandGame(BertrandConfig.baseline());
    private static final int H = 12;
    private static final int L = 1;
    private static final int HH = GAME.profileIndex(new int[] {H, H});
    private static final int LL = GAME.profileIndex(new int[] {L, L});

    @Test
    void oneShotPunishmentThenReturn() {
        // Cooperate after (H,H) and after a punishment round (L,L); punish after anything else.
        Strategy s = (firm, state) -> state == HH || state == LL ? H : L;
        LimitCycle cycle = LimitCycle.of(GAME, s, HH);
        assertEquals(1, cycle.length());
        ImpulseResponse ir = ImpulseResponse.of(GAME, s, cycle, 0, -1, 6, 0.95);
        int br = GAME.bestResponse(0, HH);
        assertTrue(br < H, "undercutting pays in the one-shot game");
        assertEquals(br, ir.deviationPrice());
        assertEquals(GAME.price(br), ir.price()[0][0], 1e-15);
        assertEquals(GAME.price(H), ir.price()[0][1], 1e-15);
        assertEquals(GAME.price(L), ir.price()[1][0], 1e-15, "both punish in period 2");
        assertEquals(GAME.price(L), ir.price()[1][1], 1e-15);
        for (int t = 2; t < 6; t++) {
            assertEquals(GAME.price(H), ir.price()[t][0], 1e-15, "back to cooperation from period 3");
            assertEquals(GAME.price(H), ir.undisturbedPrice()[t][1], 1e-15);
        }
        assertEquals(3, ir.returnPeriod());
        int dev = GAME.withPrice(HH, 0, br);
        double gain = (GAME.profit(dev, 0) - GAME.profit(HH, 0)) + 0.95 * (GAME.profit(LL, 0) - GAME.profit(HH, 0));
        assertEquals(gain, ir.deviationGain(), 1e-12);
        assertTrue(gain < 0, "a punishment that hurts enough makes the deviation unprofitable");
    }

    @Test
    void grimTriggerNeverReturnsAndGivenPricesAreUsed() {
        Strategy grim = (firm, state) -> state == HH ? H : L;
        LimitCycle cycle = LimitCycle.of(GAME, grim, HH);
        ImpulseResponse ir = ImpulseResponse.of(GAME, grim, cycle, 1, 7, 25, 0.95);
        assertEquals(7, ir.deviationPrice());
        assertEquals(GAME.price(7), ir.price()[0][1], 1e-15);
        assertEquals(GAME.price(H), ir.price()[0][0], 1e-15);
        assertEquals(-1, ir.returnPeriod());
        for (int t = 1; t < 25; t++) {
            assertEquals(GAME.price(L), ir.price()[t][0], 1e-15);
            assertEquals(GAME.profit(LL, 1), ir.profit()[t][1], 1e-15);
            assertEquals(GAME.profit(HH, 1), ir.undisturbedProfit()[t][1], 1e-15);
        }
    }
}
