package org.hubprice.env.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MarketSourceTest {
    @Test
    void syntheticDaysFollowTheConfig() {
        EnvConfig c = EnvConfig.defaults().withOverrides("market.synthetic.days=40", "market.synthetic.firstDay=2023-03-01");
        List<MarketDay> days = MarketSource.load(c.market());
        assertEquals(40, days.size());
        assertEquals("2023-03-01", days.get(0).date().toString());
        assertEquals(days, MarketSource.load(c.market()), "same seed, same days");
    }

    @Test
    void missingPjmFileNamesTheKey() {
        EnvConfig c = EnvConfig.defaults().withOverrides("market.source=pjm", "market.pjm.dayAheadFile=/nonexistent/da.csv",
                "market.pjm.realTimeFile=/nonexistent/rt.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarketSource.load(c.market()));
        assertTrue(e.getMessage().startsWith("market.pjm.dayAheadFile = '/nonexistent/da.csv'"), e.getMessage());
    }

    /** The paper's node and year, when ../shared/data is present: its non-positive hours go through the price floor. */
    @Test
    void realPjmYearPlaysWithEveryInvariant() {
        Path shared = Path.of(System.getProperty("hubprice.shared.dir", "../shared"), "data", "pjm");
        Path da = shared.resolve("da_hrl_lmps_48592.csv");
        Path rt = shared.resolve("rt_hrl_lmps_48592.csv");
        Assumptions.assumeTrue(Files.isRegularFile(da) && Files.isRegularFile(rt), "PJM data not found under " + shared + "; skipped");
        HubPricingEnv env = TestEnvs.env("market.source=pjm", "market.pjm.dayAheadFile=" + da, "market.pjm.realTimeFile=" + rt);
        assertTrue(env.days().size() >= 360, "about a year of complete days: " + env.days().size());
        EnvInvariants inv = new EnvInvariants(env);
        int floored = 0;
        double[] a = {1.25, 1.75};
        for (int d = 0; d < env.days().size(); d++) {
            env.resetFast(d, ResetOptions.evaluationDay(d));
            boolean done = false;
            while (!done) {
                done = env.stepFast(a);
                assertTrue(inv.check(), inv.firstViolation());
                if (Math.min(env.period(0).daPrice, env.period(0).rtPrice) <= 0) {
                    floored++;
                    assertEquals(env.config().pricing().floor(), env.period(0).referencePrice);
                }
            }
        }
        assertTrue(floored > 0, "the reference year has hours with min(DA, RT) <= 0");
    }
}
