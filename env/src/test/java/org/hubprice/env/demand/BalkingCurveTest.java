package org.hubprice.env.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BalkingCurveTest {

    @Test
    void referenceStepsMatchTheTableIncludingBandEdges() {
        BalkingCurve b = BalkingCurve.referenceSteps();
        double[][] cases = {{1.0, 0.10}, {1.06, 0.10}, {1.0999, 0.10}, {1.10, 0.20}, {1.19, 0.20}, {1.20, 0.35}, {1.34, 0.35},
            {1.35, 0.60}, {1.49, 0.60}, {1.50, 0.80}, {1.74, 0.80}, {1.75, 1.00}, {2.0, 1.00}, {50.0, 1.00}};
        for (double[] c : cases) {
            assertEquals(c[1], b.probability(c[0], 40.0), "b(" + c[0] + ")");
        }
        // Prices posted as exact multiples of one base land in the intended band despite rounding.
        double base = 37.3;
        assertEquals(0.20, b.probability((1.1 * base) / base, 1.1 * base));
        assertEquals(0.35, b.probability((1.2 * base) / base, 1.2 * base));
        assertEquals(0.0, b.probability(0.99, 40.0), "below the first edge");
        assertEquals(0.0, b.similarSetProbability(1.02, 40.0), "the step curve never applies inside the similar set");
    }

    @Test
    void noneNeverBalks() {
        BalkingCurve b = BalkingCurve.none();
        assertEquals(0.0, b.probability(5.0, 500));
        assertEquals(0.0, b.similarSetProbability(1.0, 500));
    }

    @Test
    void logisticPriceDependsOnTheAbsolutePriceEverywhere() {
        BalkingCurve b = BalkingCurve.logisticPrice(100, 10);
        assertEquals(0.5, b.probability(1.3, 100), 1e-15);
        assertEquals(0.5, b.similarSetProbability(1.0, 100), 1e-15);
        assertEquals(1 / (1 + Math.exp(-2.0)), b.probability(1.5, 120), 1e-15);
        assertTrue(b.probability(1.5, 60) < 0.02);
    }

    @Test
    void eitherCombinesIndependentReasons() {
        BalkingCurve b = BalkingCurve.either(BalkingCurve.referenceSteps(), BalkingCurve.logisticPrice(100, 10));
        assertEquals(1 - 0.65 * 0.5, b.probability(1.25, 100), 1e-15);
        assertEquals(0.5, b.similarSetProbability(1.0, 100), 1e-15);
    }

    @Test
    void invalidCurvesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BalkingCurve.steps(new double[] {1, 1.1}, new double[] {0.1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BalkingCurve.steps(new double[] {1.2, 1.1}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("lowerRatios[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BalkingCurve.steps(new double[] {1.0}, new double[] {1.2}));
        assertThrows(IllegalArgumentException.class, () -> BalkingCurve.steps(new double[] {}, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> BalkingCurve.logisticPrice(100, 0));
        assertThrows(IllegalArgumentException.class, () -> BalkingCurve.logisticPrice(Double.NaN, 5));
        assertEquals(BalkingCurve.referenceSteps(), BalkingCurve.steps(new double[] {1.0, 1.10, 1.20, 1.35, 1.50, 1.75},
                new double[] {0.10, 0.20, 0.35, 0.60, 0.80, 1.00}));
    }
}
