package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DA commitment is solved once per configuration, cached by a digest of its inputs, and read back. */
class DaCommitmentsTest {
    /** 120 synthetic days and 4 scenarios keep each solve to a second or two. */
    private static EnvConfig small(String... more) {
        return EnvConfig.defaults().withOverrides("market.synthetic.days=120", "daCommitment.scenarios=4", "split.method=reference")
                .withOverrides(more);
    }

    @Test
    void expectedLoadIsMeanArrivalsPerHubTimesMeanEnergyCappedAtTheStations() {
        double[] load = DaCommitments.expectedHubLoad(EnvConfig.defaults());
        // Hour 12: 5734 x 0.03325 / 2 x 41.1375.
        assertEquals(5734 * 0.03325 / 2 * 41.1375, load[12], 1e-9);
        double[] capped = DaCommitments.expectedHubLoad(EnvConfig.defaults().withOverrides("hubs.stations=10"));
        assertEquals(10 * 90.0, capped[12], 1e-9, "at most S x 90 kWh");
        assertEquals(load[0], capped[0], 1e-12, "quiet hours are under the cap");
    }

    @Test
    void solvesOnceThenReadsTheCache(@TempDir Path dir) throws Exception {
        EnvConfig c = small();
        List<MarketDay> days = MarketSource.load(c.market());
        DaCommitments.Resolved first = DaCommitments.resolveDetailed(c, days, dir);
        assertEquals("solved", first.source());
        assertEquals(24, first.commitment().length);
        for (double v : first.commitment()) {
            assertTrue(v >= 0 && Double.isFinite(v));
        }
        assertTrue(Files.isRegularFile(first.file()));
        assertTrue(first.file().getFileName().toString().contains(first.key()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }

        DaCommitments.Resolved again = DaCommitments.resolveDetailed(c, days, dir);
        assertEquals("cache", again.source());
        assertArrayEquals(first.commitment(), again.commitment());

        // A changed input is a different key: no stale read.
        EnvConfig more = small("demand.demandMultiplier=1.5");
        assertNotEquals(first.key(), DaCommitments.key(DaCommitments.trainingProfiles(more, days), DaCommitments.modelConfig(more), "scip"));
        // A changed split changes the training days, hence the key.
        EnvConfig otherSplit = small("split.every=7");
        assertNotEquals(first.key(), DaCommitments.key(DaCommitments.trainingProfiles(otherSplit, days),
                DaCommitments.modelConfig(otherSplit), "scip"));

        // A corrupt entry is ignored and rewritten.
        Files.writeString(first.file(), "{ not json");
        DaCommitments.Resolved healed = DaCommitments.resolveDetailed(c, days, dir);
        assertEquals("solved", healed.source());
        assertArrayEquals(first.commitment(), healed.commitment(), 1e-6);
        assertEquals("cache", DaCommitments.resolveDetailed(c, days, dir).source());
    }

    @Test
    void explicitValuesNeedNoSolver(@TempDir Path dir) {
        EnvConfig c = TestEnvs.config();
        DaCommitments.Resolved r = DaCommitments.resolveDetailed(c, MarketSource.load(c.market()), dir);
        assertEquals("explicit", r.source());
        assertArrayEquals(TestEnvs.REFERENCE_COMMITMENT, r.commitment());
    }

    @Test
    void theEnvironmentUsesTheResolvedCommitment(@TempDir Path dir) {
        HubPricingEnv env = HubPricingEnv.builder().setConfig(small()).optCacheDir(dir).build();
        double[] c = env.commitment();
        assertArrayEquals(c, env.hub(1).commitment());
        env.resetFast(0, ResetOptions.TRAINING);
        assertEquals(c[0], env.rawObservation(0)[2]);
    }
}
