package org.hubprice.env.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthetic generator against the real reference year (PJM pnode 48592, 2021/22), run only
 * when {@code ../shared/data} is present. Generated statistics are pooled over five seeded years
 * (1825 days); each tolerance is stated next to its check.
 */
class SyntheticPriceCalibrationTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    private static List<MarketDay> realYear() throws IOException {
        Path dir = SharedData.pjmDir();
        return new PjmLmpCsvLoader().load(dir.resolve("da_hrl_lmps_48592.csv"), dir.resolve("rt_hrl_lmps_48592.csv")).days();
    }

    @Test
    void defaultsAreTheFitOfTheReferenceYear() throws IOException {
        SyntheticPriceConfig fit = SyntheticPriceCalibrator.fit(realYear());
        SyntheticPriceConfig d = SyntheticPriceConfig.defaults();
        // The defaults are the fit rounded to four significant digits (shapes renormalised after rounding).
        double tol = 2e-3;
        for (int m = 1; m <= 12; m++) {
            assertRel(fit.monthlyLevel(m), d.monthlyLevel(m), tol, "monthlyLevel " + m);
        }
        for (int s = 0; s < 4; s++) {
            for (int h = 0; h < 24; h++) {
                assertRel(fit.hourlyShape(s, h), d.hourlyShape(s, h), tol, "hourlyShape " + s + "," + h);
            }
        }
        for (int h = 0; h < 24; h++) {
            assertRel(fit.rtLogBias(h), d.rtLogBias(h), tol, "rtLogBias " + h);
        }
        double[][] pairs = {
            {fit.dailyPersistence(), d.dailyPersistence()}, {fit.dailyVolatility(), d.dailyVolatility()},
            {fit.dailyTailDf(), d.dailyTailDf()}, {fit.hourlyPersistence(), d.hourlyPersistence()},
            {fit.hourlyVolatility(), d.hourlyVolatility()}, {fit.rtPersistence(), d.rtPersistence()},
            {fit.rtVolatility(), d.rtVolatility()}, {fit.rtTailDf(), d.rtTailDf()}, {fit.spikeRatio(), d.spikeRatio()},
            {fit.spikeMaxRatio(), d.spikeMaxRatio()}, {fit.spikeEntryProbability(), d.spikeEntryProbability()},
            {fit.spikeLevelSensitivity(), d.spikeLevelSensitivity()}, {fit.spikePersistence(), d.spikePersistence()},
            {fit.spikeTailMean(), d.spikeTailMean()}, {fit.spikeTailLevelSensitivity(), d.spikeTailLevelSensitivity()},
            {fit.nonPositiveProbability(), d.nonPositiveProbability()}, {fit.nonPositiveMeanRatio(), d.nonPositiveMeanRatio()},
        };
        for (int i = 0; i < pairs.length; i++) {
            assertRel(pairs[i][0], pairs[i][1], tol, "scalar parameter #" + i + " of " + fit);
        }
    }

    @Test
    void generatedYearsMatchTheReferenceYear() throws IOException {
        MarketStatistics real = MarketStatistics.of(realYear(), 2.0);
        List<MarketDay> generated = new ArrayList<>();
        SyntheticPriceGenerator g = new SyntheticPriceGenerator();
        for (long seed : SEEDS) {
            generated.addAll(g.defaultYear(seed));
        }
        MarketStatistics gen = MarketStatistics.of(generated, 2.0);
        String both = "real " + real + "\ngenerated " + gen;

        assertRel(real.daMean(), gen.daMean(), 0.08, "DA mean (±8 %)\n" + both);
        assertRel(real.rtMean(), gen.rtMean(), 0.08, "RT mean (±8 %)\n" + both);
        assertRel(real.daSd(), gen.daSd(), 0.15, "DA sd (±15 %)\n" + both);
        // The real RT sd (58.7) rests on a handful of hours (47.4 without its top five); the
        // generator's per-year RT sd spreads from about 35 to 59 (5th..95th percentile over seeds).
        assertRel(real.rtSd(), gen.rtSd(), 0.35, "RT sd (±35 %)\n" + both);
        assertRel(real.rtIqr(), gen.rtIqr(), 0.15, "RT interquartile range (±15 %)\n" + both);
        assertTrue(gen.maxDaProfileDeviation(real) <= 0.06,
                "DA hourly profile (hour means / overall mean) within 0.06: " + gen.maxDaProfileDeviation(real) + "\n" + both);
        assertTrue(gen.maxRtMedianProfileDeviation(real) <= 0.09,
                "RT hourly median profile within 0.09: " + gen.maxRtMedianProfileDeviation(real) + "\n" + both);
        // Hour means of RT move with single spikes (the two largest, 2165 and 1621 $/MWh, fell in
        // hours 16 and 17 of one day), hence the looser bound.
        assertTrue(gen.maxRtProfileDeviation(real) <= 0.25,
                "RT hourly mean profile within 0.25: " + gen.maxRtProfileDeviation(real) + "\n" + both);
        assertEquals(real.daRtCorrelation(), gen.daRtCorrelation(), 0.10, "DA-RT correlation (±0.10)\n" + both);
        assertRel(real.spikeShare(), gen.spikeShare(), 0.30, "share of hours with RT > 2 x DA (±30 %)\n" + both);
        double ratio = gen.nonPositiveShare() / real.nonPositiveShare();
        assertTrue(ratio >= 0.5 && ratio <= 2, "share of RT <= 0 hours within a factor 2 (7 hours in the real year): "
                + ratio + "\n" + both);
    }

    private static void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, Math.abs(expected) * rel, what);
    }
}
