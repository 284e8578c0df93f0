package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void sameRootAndNameGiveSameStream() {
        SplittableRandom a = Seeds.stream(42, "demand");
        SplittableRandom b = Seeds.stream(42, "demand");
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void differentNamesRootsAndIndicesGiveDistinctSeeds() {
        Set<Long> seen = new HashSet<>();
        for (long root = 0; root < 50; root++) {
            for (String name : new String[] {"demand", "choice", "battery", "agent", "init"}) {
                assertTrue(seen.add(Seeds.derive(root, name)), "collision at " + root + "/" + name);
                for (int i = 0; i < 4; i++) {
                    assertTrue(seen.add(Seeds.derive(root, name, i)), "collision at " + root + "/" + name + "/" + i);
                }
            }
        }
        assertNotEquals(Seeds.derive(1, "ab"), Seeds.derive(1, "ba"));
    }

    @Test
    void streamsOfNeighbouringRootsAreUncorrelated() {
        // Correlation of the first draws of streams from roots r and r+1 over many roots:
        // independent uniforms give |corr| ~ 1/sqrt(n); 5 sigma bound.
        int n = 20_000;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int r = 0; r < n; r++) {
            double x = Seeds.stream(r, "demand").nextDouble();
            double y = Seeds.stream(r + 1L, "demand").nextDouble();
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
        }
        double cov = sxy / n - (sx / n) * (sy / n);
        double corr = cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
        assertTrue(Math.abs(corr) < 5 / Math.sqrt(n), "correlation " + corr);
    }
}
