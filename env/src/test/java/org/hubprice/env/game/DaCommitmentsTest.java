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
import org.hubprice.models.dacommit.ReferenceDemand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DA commitment is solved once per configuration, cached by a digest of its inputs, and read back. */
class DaCommitmentsTest {
    /** 120 synthetic days and 4 scenarios keep each solve to a second or two. */
    private static EnvConfig small(String... more) {
        return EnvConfig.defaults().withOverrides("market.synthetic.days=120", "daCommitment.scenarios=4", "split.method=reference")
                .withOverrides(more);
    }

    /**
     * docs/model.md section 4 step 1, from the section 2.1 tables: the expected load of one of H
     * hubs is {@code αβN̄[t] q[t] / H × 41.1375} kWh (75 kWh × 0.5485, section 2.2), at most
     * {@code S × 90} kWh.
     */
    private static double[] docLoad(int hubs, int stations) {
        double[] load = new double[24];
        for (int t = 0; t < 24; t++) {
            load[t] = Math.min(ReferenceDemand.alphaBetaNbar(t) * ReferenceDemand.chargeProbability(t) / hubs * 41.1375, stations * 90.0);
        }
        return load;
    }

    /**
     * The first-stage limits of docs/model.md section 4: every scenario serves at least Ψ of its
     * load from the commitment ({@code da_ev ≥ Ψ load}, and {@code da_ev ≤ da_com}), and no hour
     * commits more than the cap. The expected load is the same in every scenario (it does not
     * depend on the day), so {@code Ψ load[t] ≤ da_com[t] ≤ cap} for every hour. Tolerance: the
     * solver's feasibility tolerance, well below a kWh.
     */
    private static void assertWithinModelLimits(double[] commitment, double[] load, double psi, double cap) {
        assertEquals(24, commitment.length);
        for (int t = 0; t < 24; t++) {
            double tol = 1e-6 * Math.max(1, load[t]);
            assertTrue(commitment[t] >= psi * load[t] - tol,
                    "hour " + t + ": commitment " + commitment[t] + " < psi x load = " + psi * load[t]);
            assertTrue(commitment[t] <= cap + 1e-6 * cap, "hour " + t + ": commitment " + commitment[t] + " > cap " + cap);
        }
    }

    @Test
    void expectedLoadIsMeanArrivalsPerHubTimesMeanEnergyCappedAtTheStations() {
        // Hour 12 by hand: 5734 x 0.03325 = 190.6555 EVs, / 2 = 95.32775, x 41.1375 kWh:
        //   95.32775 x 41.1375 = 95.32775 x 41 + 95.32775 x 0.1375 = 3908.43775 + 13.107565625 = 3921.545315625
        double[] load = DaCommitments.expectedHubLoad(EnvConfig.defaults());
        assertEquals(3921.545315625, load[12], 1e-9);
        assertArrayEquals(docLoad(2, 150), load, 1e-9, "every hour, from the section 2.1 tables");
        assertArrayEquals(docLoad(3, 150), DaCommitments.expectedHubLoad(EnvConfig.defaults().withOverrides("hubs.count=3")), 1e-9,
                "three hubs share the EVs");
        double[] capped = DaCommitments.expectedHubLoad(EnvConfig.defaults().withOverrides("hubs.stations=10"));
        assertArrayEquals(docLoad(2, 10), capped, 1e-9, "at most S x 90 kWh");
        assertEquals(10 * 90.0, capped[12], 1e-9);
        assertEquals(load[0], capped[0], 1e-12, "quiet hours are under the cap");
    }

    @Test
    void solvesOnceThenReadsTheCache(@TempDir Path dir) throws Exception {
        EnvConfig c = small();
        List<MarketDay> days = MarketSource.load(c.market());
        DaCommitments.Resolved first = DaCommitments.resolveDetailed(c, days, dir);
        assertEquals("solved", first.source());
        assertWithinModelLimits(first.commitment(), docLoad(2, 150), 0.8, 10_000);
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
    void theSolveHonoursAConfiguredShareAndCap(@TempDir Path dir) {
        // Ψ = 1: every hour's whole expected load is committed. The busiest hour's load is about
        // 6584 x 0.0301 / 2 x 41.1375 = 4078 kWh, so a cap of 4100 leaves it feasible and binds
        // any hour the solver would otherwise fill beyond it.
        EnvConfig whole = small("daCommitment.psi=1.0", "daCommitment.capKwh=4100");
        double[] c = DaCommitments.resolve(whole, MarketSource.load(whole.market()), dir);
        assertWithinModelLimits(c, docLoad(2, 150), 1.0, 4100);
        // the default share with a cap of 3300 (0.8 x 4078 = 3263 keeps it feasible)
        EnvConfig capped = small("daCommitment.capKwh=3300");
        assertWithinModelLimits(DaCommitments.resolve(capped, MarketSource.load(capped.market()), dir), docLoad(2, 150), 0.8, 3300);
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
