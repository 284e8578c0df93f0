package org.hubprice.env.bertrand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BertrandConfigTest {
    @Test
    void baselineIsThePapersBaseline() {
        BertrandConfig b = BertrandConfig.baseline();
        assertEquals(2, b.n());
        assertArrayEquals(new double[] {2, 2}, b.a());
        assertArrayEquals(new double[] {1, 1}, b.c());
        assertEquals(0, b.a0());
        assertEquals(0.25, b.mu());
        assertEquals(0.95, b.delta());
        assertEquals(15, b.m());
        assertEquals(0.1, b.xi());
        assertEquals(1, b.k());
        assertEquals(225, b.stateCount());
        assertTrue(b.symmetric());
    }

    @Test
    void textSettingsBroadcastScalarsAndAcceptLists() {
        BertrandConfig c = BertrandConfig.builder().set("n", "3").set("a", "2").set("c", "1,1.1,0.9").set("mu", "0.5")
                .set("delta", "0").set("k", "0").build();
        assertArrayEquals(new double[] {2, 2, 2}, c.a());
        assertArrayEquals(new double[] {1, 1.1, 0.9}, c.c());
        assertEquals(1, c.stateCount());
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void badValuesNameTheFieldAndTheAllowedRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().optDelta(1).build());
        assertTrue(e.getMessage().contains("delta") && e.getMessage().contains("[0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().optMu(0).build());
        assertTrue(e.getMessage().contains("mu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().optN(1).build());
        assertTrue(e.getMessage().contains("n (number of firms)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().optN(3).optA(2, 2).build());
        assertTrue(e.getMessage().contains("Maybe"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().optK(4).build());
        assertTrue(e.getMessage().contains("Maybe reduce the memory k"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().set("gamma", "1"));
        assertTrue(e.getMessage().contains("known keys"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().set("m", "ten"));
        assertTrue(e.getMessage().contains("'ten'"), e.getMessage());
    }

    @Test
    void textSettingsGoThroughTheConfigurationEngine() {
        BertrandConfig c = BertrandConfig.builder().set("M", "10.0").set("xi", "1e-1").set("c", "[1, 1.5]").build();
        assertEquals(10, c.m(), "a key in any case, an integral 10.0 is 10");
        assertEquals(0.1, c.xi());
        assertArrayEquals(new double[] {1, 1.5}, c.c());
        var e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().set("delt", "0.5"));
        assertTrue(e.getMessage().contains("unknown key 'delt'") && e.getMessage().contains("Maybe 'delta'?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().set("a", " "));
        assertTrue(e.getMessage().contains("a is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BertrandConfig.builder().set("c", "1,x"));
        assertTrue(e.getMessage().contains("c[1] = 'x' is not a number"), e.getMessage());
    }

    @Test
    void arraysAreCopiedIn() {
        double[] a = {2, 2};
        BertrandConfig c = new BertrandConfig(2, a, new double[] {1, 1}, 0, 0.25, 0.95, 15, 0.1, 1);
        a[0] = 9;
        assertEquals(2, c.a(0));
        c.a()[1] = 9;
        assertEquals(2, c.a(1));
    }
}
