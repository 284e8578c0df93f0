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
        assertTrue(e.getMessage().contains("is outside the allowed range [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.inRangeAboveLow("pricing.floor", 0, 0, 1000));
        assertTrue(e.getMessage().contains("pricing.floor = 0.0 is outside the allowed range (0, 1000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.inRange("stopping.maxEpisodes", 0L, 1L, Long.MAX_VALUE));
        assertTrue(e.getMessage().endsWith("[1, inf)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.inRange("n", 3_000_000_000L, 1L, 2_999_999_999L));
        assertTrue(e.getMessage().endsWith("[1, 2999999999]"), "long bounds exact, not through a double: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.inRangeBelowHigh("delta", 1, 0, 1, "Maybe 0.95"));
        assertEquals("delta = 1.0 is outside the allowed range [0, 1); Maybe 0.95", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.inRange("x", -2.0, 0, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("x = -2.0 is outside the allowed range [0, inf)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.finite("price", Double.NaN));
        assertTrue(e.getMessage().contains("price = NaN"));
        e = assertThrows(IllegalArgumentException.class, () -> Check.finiteArray("daPrices", new double[23], 24));
        assertTrue(e.getMessage().contains("23 values"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Check.nonNegativeArray("load", new double[] {1, -2}, 2));
        assertTrue(e.getMessage().contains("load[1] = -2.0"));
        assertEquals(3, Check.positive("n", 3));
        e = assertThrows(IllegalArgumentException.class, () -> Check.atLeast("schedule.every", 0, 1));
        assertEquals("schedule.every = 0 is outside the allowed range [1, inf)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Check.oneOf("power.dispatcher", "closedform", java.util.List.of("closed-form", "milp")));
        assertEquals("power.dispatcher = 'closedform' is not allowed; choose one of [closed-form, milp]. Maybe 'closed-form'?", e.getMessage());
        assertEquals(Thread.State.TIMED_WAITING, Check.choice("state", "timed_waiting", Thread.State.values(),
                st -> st.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        e = assertThrows(IllegalArgumentException.class, () -> Check.choice("state", "timed_wating", Thread.State.values(),
                st -> st.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        assertTrue(e.getMessage().startsWith("state = 'timed_wating' is not allowed") && e.getMessage().endsWith("Maybe 'timed-waiting'?"),
                "the error quotes what was written: " + e.getMessage());
    }
}
