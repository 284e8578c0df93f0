package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DayProfileTest {
    static double[] filled(double v) {
        double[] a = new double[24];
        Arrays.fill(a, v);
        return a;
    }

    private static String error(double[] da, double[] rt, double[] load) {
        return assertThrows(IllegalArgumentException.class, () -> new DayProfile(da, rt, load)).getMessage();
    }

    @Test
    void validDayIsCopiedInAndOut() {
        double[] da = filled(30);
        DayProfile d = new DayProfile(da, filled(-5), filled(0));
        da[3] = 999;
        assertEquals(30, d.daPrice(3), "the profile keeps its own copy");
        d.daPrices()[4] = 999;
        assertEquals(30, d.daPrice(4), "accessors hand out copies");
        assertEquals(-5, d.rtPrice(0), "negative prices are allowed");
        double[] v = d.toVector();
        assertEquals(72, v.length);
        assertEquals(30, v[0]);
        assertEquals(-5, v[24]);
        assertEquals(0, v[48]);
        assertEquals(d, new DayProfile(filled(30), filled(-5), filled(0)));
    }

    @Test
    void twentyThreeValuesNameTheFieldAndCount() {
        String m = error(new double[23], filled(1), filled(1));
        assertEquals("daPrices has 23 values; exactly 24 are required (one per hour 0..23)", m);
        assertTrue(error(filled(1), filled(1), new double[25]).startsWith("expectedLoad has 25 values"));
    }

    @Test
    void nonFiniteValuesNameFieldIndexAndValue() {
        double[] da = filled(1);
        da[7] = Double.NaN;
        assertTrue(error(da, filled(1), filled(1)).startsWith("daPrices[7] = NaN is not a finite number"));
        double[] rt = filled(1);
        rt[23] = Double.POSITIVE_INFINITY;
        assertTrue(error(filled(1), rt, filled(1)).startsWith("rtPrices[23] = Infinity is not a finite number"));
        double[] load = filled(1);
        load[0] = Double.NEGATIVE_INFINITY;
        assertTrue(error(filled(1), filled(1), load).startsWith("expectedLoad[0] = -Infinity is not a finite number"));
    }

    @Test
    void negativeLoadIsRejected() {
        double[] load = filled(1);
        load[5] = -2;
        assertTrue(error(filled(1), filled(1), load).startsWith("expectedLoad[5] = -2.0 is negative"));
    }

    @Test
    void missingArrayIsRejected() {
        assertTrue(error(null, filled(1), filled(1)).startsWith("daPrices is missing"));
    }

    @Test
    void scenarioValidatesItsSeries() {
        double[] one = {1};
        assertArrayEquals(one, new Scenario(one, one, one, 1).load());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Scenario(one, new double[2], one, 1)).getMessage()
                .contains("rtPrices has 2 values but daPrices has 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Scenario(one, one, new double[] {-1}, 1)).getMessage()
                .contains("load[0] = -1.0 is negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Scenario(one, one, one, 0)).getMessage()
                .contains("probability = 0.0 is outside (0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Scenario(new double[0], one, one, 1)).getMessage()
                .contains("daPrices is empty"));
    }
}
