package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void messagesNameFieldValueAndRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> Check.inRange("demand.delta", 1.5, 0, 1));
        assertTrue(e.getMessage().contains("demand.delta"));
        assertTrue(e.getMessage().contains("1.5"));
        assertTrue(e.getMessage().contains("[0.0, 1.0]"));
        e = assertThrows(IllegalArgumentException.class, () -> Check.finite("price", Double.NaN));
        assertTrue(e.getMessage().contains("price = NaN"));
        e = assertThrows(IllegalArgumentException.class, () -> Check.finiteArray("daPrices", new double[23], 24));
        assertTrue(e.getMessage().contains("23 values"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Check.nonNegativeArray("load", new double[] {1, -2}, 2));
        assertTrue(e.getMessage().contains("load[1] = -2.0"));
        assertEquals(3, Check.positive("n", 3));
    }
}
