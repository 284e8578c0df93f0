package org.hubprice.env.bertrand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BertrandGameTest {
    private static final BertrandGame BASE = new BertrandGame(BertrandConfig.baseline());

    @Test
    void baselineBenchmarksMatchThePaper() {
        // Calvano et al. (2020), section III: p_N = 1.4729, p_M = 1.9250, π_N = 0.2229, π_M = 0.3375.
        for (int i = 0; i < 2; i++) {
            assertEquals(1.4729, BASE.nash().price(i), 5e-5);
            assertEquals(1.9250, BASE.monopoly().price(i), 5e-5);
            assertEquals(0.2229, BASE.nash().profit(i), 5e-5);
            assertEquals(0.3375, BASE.monopoly().profit(i), 5e-5);
        }
    }

    @Test
    void priceGridSpansTheBenchmarksWidenedByXi() {
        double pn = BASE.nash().price(0);
        double pm = BASE.monopoly().price(0);
        double[] g = BASE.priceGrid();
        assertEquals(15, g.length);
        assertEquals(pn - 0.1 * (pm - pn), g[0], 1e-12);
        assertEquals(pm + 0.1 * (pm - pn), g[14], 1e-12);
        for (int j = 1; j < g.length; j++) {
            assertEquals(g[1] - g[0], g[j] - g[j - 1], 1e-12);
        }
    }

    @Test
    void profitTableMatchesTheDemandFormula() {
        for (int prof = 0; prof < BASE.profileCount(); prof++) {
            double p0 = BASE.price(BASE.priceIndex(prof, 0));
            double p1 = BASE.price(BASE.priceIndex(prof, 1));
            double e0 = Math.exp((2 - p0) / 0.25);
            double e1 = Math.exp((2 - p1) / 0.25);
            double den = e0 + e1 + Math.exp(0);
            assertEquals((p0 - 1) * e0 / den, BASE.profit(prof, 0), 1e-14);
            assertEquals((p1 - 1) * e1 / den, BASE.profit(prof, 1), 1e-14);
            assertEquals(e0 / den, BASE.demand(prof, 0), 1e-14);
        }
        double[] t = BASE.payoffTable(1);
        assertEquals(225, t.length);
        assertEquals(BASE.profit(37, 1), t[37]);
    }

    /** Asymmetric and larger games: the solutions satisfy the first-order conditions they claim to. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void benchmarksSatisfyTheirOptimalityConditions(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(3);
        double[] a = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 0.5 + r.nextDouble();
            a[i] = c[i] + 0.2 + 1.5 * r.nextDouble();
        }
        double mu = 0.05 + r.nextDouble();
        BertrandConfig cfg = BertrandConfig.builder().optN(n).optA(a).optC(c).optA0(r.nextDouble() - 0.5).optMu(mu).optM(3).build();
        LogitDemand d = new LogitDemand(cfg);
        Equilibrium nash = d.nash();
        Equilibrium mono = d.monopoly();
        // Nash: no firm gains by moving its own price a little either way.
        for (int i = 0; i < n; i++) {
            double base = profitOf(d, nash.prices(), i, 0);
            for (double h : new double[] {-1e-3, 1e-3, -1e-2, 1e-2}) {
                assertTrue(profitOf(d, nash.prices(), i, h) <= base + 1e-15, "firm " + i + " gains by deviating " + h);
            }
        }
        // Monopoly: the joint profit is maximal against small moves of any one price, and of all prices together.
        double joint = sum(mono.profits());
        for (int i = 0; i < n; i++) {
            for (double h : new double[] {-1e-3, 1e-3}) {
                double[] p = mono.prices();
                p[i] += h;
                double[] out = new double[n];
                d.profits(p, out);
                assertTrue(sum(out) <= joint + 1e-15, "joint profit rises when firm " + i + " moves by " + h);
            }
        }
        assertTrue(joint > sum(nash.profits()), "monopoly joint profit must exceed the Nash one");
        for (int i = 0; i < n; i++) {
            assertTrue(mono.price(i) > nash.price(i), "monopoly price above Nash for firm " + i);
        }
    }

    private static double profitOf(LogitDemand d, double[] prices, int firm, double h) {
        double[] p = prices.clone();
        p[firm] += h;
        double[] out = new double[p.length];
        d.profits(p, out);
        return out[firm];
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void extremeDifferentiationDoesNotOverflow() {
        BertrandConfig cfg = BertrandConfig.builder().optMu(0.002).build();
        BertrandGame g = new BertrandGame(cfg);
        assertTrue(Double.isFinite(g.nash().price(0)) && g.nash().price(0) > 1);
        for (int prof = 0; prof < g.profileCount(); prof++) {
            assertTrue(Double.isFinite(g.profit(prof, 0)));
        }
    }

    @Test
    void stateCodingRoundTripsAndSlides() {
        BertrandGame g = new BertrandGame(BertrandConfig.builder().optM(4).optK(2).build());
        assertEquals(256, g.stateCount());
        int[] buf = new int[4];
        for (int s = 0; s < g.stateCount(); s++) {
            g.decodeState(s, buf);
            assertEquals(s, g.encodeState(buf));
        }
        int s = g.encodeState(new int[] {1, 2, 3, 0}); // last period (1, 2), the one before (3, 0)
        int prof = g.profileIndex(new int[] {0, 3});
        int next = g.nextState(s, prof);
        g.decodeState(next, buf);
        assertArrayEquals(new int[] {0, 3, 1, 2}, buf);
        assertEquals(prof, g.lastProfile(next));
        assertThrows(IllegalArgumentException.class, () -> g.encodeState(new int[] {1, 2, 4, 0}));
    }

    @Test
    void memorylessGameHasOneState() {
        BertrandGame g = new BertrandGame(BertrandConfig.builder().optK(0).build());
        assertEquals(1, g.stateCount());
        assertEquals(0, g.nextState(0, 17));
        assertEquals(new Discrete(1), g.observationSpace(ObservationEncoding.INDEX));
        double[] out = new double[1];
        g.encode(0, ObservationEncoding.LEVELS, out);
        assertEquals(0, out[0]);
    }

    @Test
    void bestResponseMaximisesOneFirmsProfit() {
        for (int prof = 0; prof < BASE.profileCount(); prof += 7) {
            for (int firm = 0; firm < 2; firm++) {
                int br = BASE.bestResponse(firm, prof);
                double best = BASE.profit(BASE.withPrice(prof, firm, br), firm);
                for (int x = 0; x < 15; x++) {
                    assertTrue(BASE.profit(BASE.withPrice(prof, firm, x), firm) <= best);
                }
                assertEquals(BASE.priceIndex(prof, 1 - firm), BASE.priceIndex(BASE.withPrice(prof, firm, br), 1 - firm));
            }
        }
    }

    @Test
    void observationEncodingsDescribeTheSameState() {
        BertrandGame g = new BertrandGame(BertrandConfig.builder().optM(5).optK(2).build());
        int s = g.encodeState(new int[] {4, 0, 2, 1});
        assertEquals(new Box(new double[4], new double[] {1, 1, 1, 1}), g.observationSpace(ObservationEncoding.LEVELS));
        double[] lv = new double[4];
        g.encode(s, ObservationEncoding.LEVELS, lv);
        assertArrayEquals(new double[] {1.0, 0.0, 0.5, 0.25}, lv);
        double[] oh = new double[20];
        g.encode(s, ObservationEncoding.ONE_HOT, oh);
        double[] want = new double[20];
        want[4] = 1;
        want[5] = 1;
        want[12] = 1;
        want[16] = 1;
        assertArrayEquals(want, oh);
        double[] idx = new double[1];
        g.encode(s, ObservationEncoding.INDEX, idx);
        assertEquals(s, idx[0]);
    }
}
