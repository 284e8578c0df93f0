package org.hubprice.env.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data-free tests of the synthetic price generator, its configuration and its calibrator. */
class SyntheticPriceGeneratorTest {

    @Test
    void sameSeedGivesIdenticalDaysAndOtherSeedsDiffer() {
        SyntheticPriceGenerator g = new SyntheticPriceGenerator();
        List<MarketDay> a = g.defaultYear(42);
        List<MarketDay> b = g.defaultYear(42);
        List<MarketDay> c = g.defaultYear(43);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(SyntheticPriceGenerator.DEFAULT_DAYS, a.size());
        assertEquals(LocalDate.of(2021, 12, 1), a.get(0).date());
        for (int i = 1; i < a.size(); i++) {
            assertEquals(a.get(i - 1).date().plusDays(1), a.get(i).date(), "days are consecutive");
        }
    }

    @Test
    void defaultYearIsFiniteAndPlausible() {
        for (long seed = 0; seed < 5; seed++) {
            List<MarketDay> days = new SyntheticPriceGenerator().defaultYear(seed);
            for (MarketDay d : days) {
                for (int h = 0; h < MarketDay.HOURS; h++) {
                    double da = d.dayAhead(h);
                    double rt = d.realTime(h);
                    assertTrue(Double.isFinite(da) && Double.isFinite(rt));
                    // DA of the reference year ranged 7.9 .. 246 $/MWh; allow generous room around it.
                    assertTrue(da > 1 && da < 1500, "DA " + da + " on " + d.date() + " hour " + h);
                    // A spike is capped at spikeMaxRatio x DA; non-positive hours are a multiple of -DA.
                    assertTrue(rt < 17.1 * da + 1e-9, "RT " + rt + " vs DA " + da);
                    assertTrue(rt > -50 * da, "RT " + rt + " vs DA " + da);
                }
            }
            MarketStatistics s = MarketStatistics.of(days, 2.0);
            assertTrue(s.daMean() > 40 && s.daMean() < 85, s.toString());
            assertTrue(s.rtMean() > 40 && s.rtMean() < 85, s.toString());
            assertTrue(s.spikeShare() > 0.005 && s.spikeShare() < 0.04, s.toString());
        }
    }

    @Test
    void streamsAreIndependentByName() {
        // Changing only the RT part of the model must leave the DA prices bit-identical.
        SyntheticPriceConfig rtChanged = SyntheticPriceConfig.builder().optRtVolatility(0.3).optSpikeEntryProbability(0.05)
                .optNonPositiveProbability(0.01).build();
        List<MarketDay> a = new SyntheticPriceGenerator().generate(LocalDate.of(2023, 1, 1), 60, 7);
        List<MarketDay> b = new SyntheticPriceGenerator(rtChanged).generate(LocalDate.of(2023, 1, 1), 60, 7);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).dayAhead(), b.get(i).dayAhead());
        }
        assertNotEquals(a, b);
    }

    @Test
    void configRejectsBadValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticPriceConfig.builder().optDailyPersistence(1.5).build());
        assertTrue(e.getMessage().contains("dailyPersistence = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticPriceConfig.builder().optMonthlyLevel(new double[11]).build());
        assertTrue(e.getMessage().contains("monthlyLevel has 11 values"), e.getMessage());
        double[] levels = SyntheticPriceConfig.defaults().monthlyLevel();
        levels[3] = 0;
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticPriceConfig.builder().optMonthlyLevel(levels).build());
        assertTrue(e.getMessage().contains("monthlyLevel[3] (APRIL) = 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticPriceConfig.builder().optSpikeMaxRatio(1.5).build());
        assertTrue(e.getMessage().contains("spikeMaxRatio"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SyntheticPriceGenerator().generate(LocalDate.of(2022, 1, 1), 0, 1));
        assertTrue(e.getMessage().contains("days = 0"), e.getMessage());
    }

    @Test
    void shapeIsNormalisedAndArraysAreCopied() {
        double[][] shape = new double[4][24];
        for (double[] row : shape) {
            java.util.Arrays.fill(row, 3.0);
        }
        SyntheticPriceConfig c = SyntheticPriceConfig.builder().optHourlyShape(shape).build();
        assertEquals(1.0, c.hourlyShape(2, 5), 1e-12);
        shape[0][0] = 100;
        assertEquals(1.0, c.hourlyShape(0, 0), 1e-12);
        c.monthlyLevel()[0] = -1;
        assertTrue(c.monthlyLevel(1) > 0);
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void calibratorRecoversKnownParameters() {
        SyntheticPriceConfig truth = SyntheticPriceConfig.builder()
                .optDailyPersistence(0.6).optDailyVolatility(0.2).optDailyTailDf(6)
                .optHourlyPersistence(0.9).optHourlyVolatility(0.08)
                .optRtLogBias(-0.05).optRtPersistence(0.5).optRtVolatility(0.12).optRtTailDf(4)
                .optSpikeRatio(2).optSpikeMaxRatio(12).optSpikeEntryProbability(0.01).optSpikeLevelSensitivity(1.0)
                .optSpikePersistence(0.4).optSpikeTailMean(0.5).optSpikeTailLevelSensitivity(0.8)
                .optNonPositiveProbability(0.002).optNonPositiveMeanRatio(0.5).build();
        // Ten years, so that the rare-event parameters rest on enough events (about 1000 spike hours).
        List<MarketDay> days = new SyntheticPriceGenerator(truth).generate(LocalDate.of(2001, 1, 1), 3650, 2024);
        SyntheticPriceConfig fit = SyntheticPriceCalibrator.fit(days, 2.0);

        for (int m = 1; m <= 12; m++) {
            assertEquals(truth.monthlyLevel(m), fit.monthlyLevel(m), 0.08 * truth.monthlyLevel(m), "monthlyLevel " + m);
        }
        for (int s = 0; s < 4; s++) {
            for (int h = 0; h < 24; h++) {
                assertEquals(truth.hourlyShape(s, h), fit.hourlyShape(s, h), 0.03, "hourlyShape " + s + "," + h);
            }
        }
        assertEquals(truth.dailyPersistence(), fit.dailyPersistence(), 0.05, "dailyPersistence");
        assertEquals(truth.dailyVolatility(), fit.dailyVolatility(), 0.1 * truth.dailyVolatility(), "dailyVolatility");
        assertTrue(fit.dailyTailDf() >= 4 && fit.dailyTailDf() <= 10, "dailyTailDf " + fit.dailyTailDf());
        assertEquals(truth.hourlyPersistence(), fit.hourlyPersistence(), 0.03, "hourlyPersistence");
        assertEquals(truth.hourlyVolatility(), fit.hourlyVolatility(), 0.1 * truth.hourlyVolatility(), "hourlyVolatility");
        for (int h = 0; h < 24; h++) {
            assertEquals(truth.rtLogBias(h), fit.rtLogBias(h), 0.02, "rtLogBias " + h);
        }
        assertEquals(truth.rtPersistence(), fit.rtPersistence(), 0.05, "rtPersistence");
        assertEquals(truth.rtVolatility(), fit.rtVolatility(), 0.12 * truth.rtVolatility(), "rtVolatility");
        assertTrue(fit.rtTailDf() >= 3 && fit.rtTailDf() <= 6, "rtTailDf " + fit.rtTailDf());
        assertEquals(truth.spikeEntryProbability(), fit.spikeEntryProbability(), 0.3 * truth.spikeEntryProbability(), "spikeEntry");
        assertEquals(truth.spikeLevelSensitivity(), fit.spikeLevelSensitivity(), 0.5, "spikeLevelSensitivity");
        assertEquals(truth.spikePersistence(), fit.spikePersistence(), 0.08, "spikePersistence");
        assertEquals(truth.spikeTailMean(), fit.spikeTailMean(), 0.2 * truth.spikeTailMean(), "spikeTailMean");
        assertEquals(truth.spikeTailLevelSensitivity(), fit.spikeTailLevelSensitivity(), 0.4, "spikeTailLevelSensitivity");
        assertTrue(fit.spikeMaxRatio() <= truth.spikeMaxRatio() && fit.spikeMaxRatio() > 0.7 * truth.spikeMaxRatio(),
                "spikeMaxRatio " + fit.spikeMaxRatio());
        assertEquals(truth.nonPositiveProbability(), fit.nonPositiveProbability(), 0.3 * truth.nonPositiveProbability(), "nonPositive");
        assertEquals(truth.nonPositiveMeanRatio(), fit.nonPositiveMeanRatio(), 0.3 * truth.nonPositiveMeanRatio(), "nonPositiveMeanRatio");
    }

    @Test
    void calibratorRejectsTooFewDays() {
        List<MarketDay> days = new SyntheticPriceGenerator().generate(LocalDate.of(2022, 1, 1), 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticPriceCalibrator.fit(days));
        assertTrue(e.getMessage().contains("10 entries"), e.getMessage());
    }
}
