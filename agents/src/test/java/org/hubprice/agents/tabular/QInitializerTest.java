package org.hubprice.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QInitializerTest {
    @Test
    void twoPlayerFormulaAveragesOverTheRivalsActions() {
        // 2 players, 2 actions; profile = a0 + 2·a1. Player 0's payoffs: (a0,a1) -> 1, 2, 3, 4 for profiles 0..3.
        double[] payoff0 = {1, 2, 3, 4}; // profile 0 = (0,0), 1 = (1,0), 2 = (0,1), 3 = (1,1)
        QInitializer q0 = QInitializer.againstUniformRivals(payoff0, 2, 2, 0, 0.9);
        // own action 0: profiles 0 and 2 -> (1 + 3) / ((1 − 0.9)·2) = 20; own action 1: (2 + 4) / 0.2 = 30
        assertEquals(20, q0.value(0, 0), 1e-12);
        assertEquals(30, q0.value(5, 1), 1e-12);
        QInitializer q1 = QInitializer.againstUniformRivals(payoff0, 2, 2, 1, 0.0);
        // seat 1, own action 0: profiles 0, 1 -> (1 + 2)/2 = 1.5; own action 1: profiles 2, 3 -> 3.5
        assertEquals(1.5, q1.value(0, 0), 1e-12);
        assertEquals(3.5, q1.value(0, 1), 1e-12);
    }

    @Test
    void threePlayersDivideByTheNumberOfRivalProfiles() {
        double[] payoff = new double[27];
        for (int p = 0; p < 27; p++) {
            payoff[p] = p;
        }
        QInitializer q = QInitializer.againstUniformRivals(payoff, 3, 3, 2, 0.5);
        // seat 2 is the highest digit: own action a covers profiles 9a .. 9a+8, mean 9a + 4
        for (int a = 0; a < 3; a++) {
            assertEquals((9 * a + 4) / 0.5, q.value(0, a), 1e-12);
        }
    }

    @Test
    void badInputsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> QInitializer.againstUniformRivals(new double[3], 2, 2, 0, 0.5));
        assertTrue(e.getMessage().contains("payoff table"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QInitializer.againstUniformRivals(new double[4], 2, 2, 0, 1.0));
        assertTrue(e.getMessage().contains("discount"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QInitializer.againstUniformRivals(new double[4], 2, 2, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> QInitializer.constant(Double.NaN));
    }
}
