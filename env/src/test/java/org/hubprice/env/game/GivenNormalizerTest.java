package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.junit.jupiter.api.Test;

/** {@link HubPricingEnv.Builder#optNormalizer}: other days, the training scale. */
class GivenNormalizerTest {
    @Test
    void aGivenNormalizerReplacesTheOneOfTheDays() {
        EnvConfig c = TestEnvs.config();
        HubPricingEnv base = HubPricingEnv.create(c);
        // Two dear days: their own price quantile would give another scale.
        double[] dear = new double[24];
        java.util.Arrays.fill(dear, 400);
        List<MarketDay> days = List.of(new MarketDay(java.time.LocalDate.of(2030, 1, 1), dear, dear),
                new MarketDay(java.time.LocalDate.of(2030, 1, 2), dear, dear));
        EnvConfig noSplit = c.withOverrides("split.testDaysPerSeason=0");
        HubPricingEnv own = HubPricingEnv.builder().setConfig(noSplit).optDays(days).optCommitment(base.commitment()).build();
        assertNotEquals(base.normalizer(), own.normalizer());
        HubPricingEnv given = HubPricingEnv.builder().setConfig(noSplit).optDays(days).optCommitment(base.commitment())
                .optNormalizer(base.normalizer()).build();
        assertEquals(base.normalizer(), given.normalizer());
        assertEquals(base.observationSpace("hub_0"), given.observationSpace("hub_0"));
        given.resetFast(1, ResetOptions.evaluationDay(0));
        assertEquals(400 / base.normalizer().scale()[3], given.observation(0)[3], 1e-12, "the DA price on the given scale");
    }

    @Test
    void aNormalizerOfAnotherGameIsRefused() {
        ObservationScaling other = new ObservationScaling(List.of("x"), new double[] {0}, new double[] {1}, new double[] {0},
                new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HubPricingEnv.builder().setConfig(TestEnvs.config()).optNormalizer(other).build());
        assertTrue(e.getMessage().contains("do not fit the hub game"), e.getMessage());
    }
}
