package org.hubprice.env.config;

import java.util.List;
import org.hubprice.common.Check;

/**
 * {@code split}: which days are held out for testing. Held-out days are never used for
 * training resets nor for the DA commitment.
 *
 * @param method {@code paper}: {@code testDaysPerSeason} random days per meteorological season
 *               (Dec–Feb, Mar–May, Jun–Aug, Sep–Nov), drawn with {@code seed}; or
 *               {@code reference}: every {@code every}-th day, starting with the first
 * @param testDaysPerSeason in [0, 92] (paper: 8)
 * @param every in [2, 366] (reference: 11)
 * @param seed seed of the paper split's draw
 */
public record SplitConfig(String method, int testDaysPerSeason, int every, long seed) {
    /** Allowed methods. */
    public static final List<String> METHODS = List.of("paper", "reference");

    public SplitConfig {
        method = Check.oneOf("split.method", method, METHODS);
        Check.inRange("split.testDaysPerSeason", testDaysPerSeason, 0, 92);
        Check.inRange("split.every", every, 2, 366);
    }
}
