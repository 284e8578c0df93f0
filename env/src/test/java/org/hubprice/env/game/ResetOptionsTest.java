package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResetOptionsTest {
    @Test
    void theMapFormTakesNumbersListsArraysAndDates() {
        ResetOptions r = ResetOptions.fromMap(Map.of("mode", "eval", "day", LocalDate.of(2022, 3, 1), "batteryEnergy", 1500,
                "batteryCostBasis", List.of(20, 30.5)));
        assertTrue(r.evaluation());
        assertEquals(LocalDate.of(2022, 3, 1), r.date());
        assertArrayEquals(new double[] {1500}, r.batteryEnergy());
        assertArrayEquals(new double[] {20, 30.5}, r.batteryCostBasis());
        ResetOptions t = ResetOptions.fromMap(Map.of("day", 4, "batteryEnergy", new double[] {1, 2}));
        assertEquals(4, t.dayIndex());
        assertArrayEquals(new double[] {1, 2}, t.batteryEnergy());
        assertNull(t.batteryCostBasis());
        assertSame(ResetOptions.TRAINING, ResetOptions.fromMap(Map.of()));
    }

    @Test
    void anUnknownOptionGetsTheNearestOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> ResetOptions.fromMap(Map.of("batteryEnergie", 1)));
        assertTrue(e.getMessage().startsWith("reset option: unknown key 'batteryEnergie'") && e.getMessage().contains("Maybe 'batteryEnergy'?"),
                e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> ResetOptions.fromMap(Map.of("batteryEnergy", List.of(1, "x"))));
        assertEquals("reset option: batteryEnergy[1] = 'x' is not a number", n.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> ResetOptions.fromMap(Map.of("mode", "play")));
        assertTrue(m.getMessage().contains("mode = 'play'"), m.getMessage());
    }
}
