package org.hubprice.evaluation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.common.Quantiles;
import org.hubprice.evaluation.stats.WelchTest;
import org.hubprice.training.output.RunFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results page from summaries with known numbers, and the committed page against the committed summaries. */
class StudyReportTest {
    @TempDir
    Path tmp;

    /** A summary with 32 days of Δ around {@code delta} and prices around {@code price}, seeded. */
    private static Map<String, Object> summary(String cell, long seed, double delta, double price, double gap, boolean converged) {
        SplittableRandom r = new SplittableRandom(seed * 31 + cell.hashCode());
        List<Object> d = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        List<Object> g = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            d.add(delta + 0.05 * (r.nextDouble() - 0.5));
            p.add(price + 4 * (r.nextDouble() - 0.5));
            g.add(gap + (r.nextDouble() - 0.5));
        }
        Map<String, Object> perDay = new LinkedHashMap<>();
        perDay.put("delta", d);
        perDay.put("meanPrice", p);
        perDay.put("priceGap", g);
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("days", 32);
        held.put("replications", 20);
        held.put("deltaNash", Map.of("median", delta - 0.1));
        held.put("markup", 1.4);
        held.put("meanPricePerHub", List.of(price, price));
        held.put("meanPriceGap", gap);
        held.put("balkedPerDay", 3.0);
        held.put("exploitability", List.of(Map.of("hub", "hub_0", "profilePercent", 5.0), Map.of("hub", "hub_1", "profilePercent", 7.0)));
        held.put("perDay", perDay);
        held.put("hourly", Map.of("price", java.util.Collections.nCopies(24, price), "unitCost", java.util.Collections.nCopies(24, 60.0)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "hubprice study run");
        m.put("cell", cell);
        m.put("seed", seed);
        m.put("market", "synthetic");
        m.put("episodes", 1000);
        m.put("budgetEpisodes", 1000);
        m.put("secondsPer1000Episodes", 50.0);
        m.put("machine", Map.of("gitCommit", "abc"));
        m.put("learningCurve", List.of(Map.of("episode", 500, "collusionIndexQuick", delta + 0.1), Map.of("episode", 1000, "collusionIndexQuick", delta)));
        m.put("convergence", Map.of("converged", converged, "tailChange", -0.01));
        m.put("heldOut", held);
        return m;
    }

    private Path write(List<Map<String, Object>> runs) throws Exception {
        Path dir = tmp.resolve("results");
        for (Map<String, Object> m : runs) {
            RunFiles.writeJson(dir.resolve(m.get("cell") + "/seed-" + m.get("seed") + ".json"), m);
        }
        return dir;
    }

    @Test
    void tablesTestsAndFindingsComeFromTheSummaries() throws Exception {
        Path dir = write(List.of(summary("sac-ff_sac-ff", 1, 0.40, 90, 2, true), summary("sac-ff_sac-ff", 2, 0.50, 92, 2, true),
                summary("dqn-ff_dqn-ff", 1, 0.30, 80, 3, false), summary("dqn-ff_dqn-ff", 2, 0.32, 81, 3, true),
                summary("no-balking", 1, 0.60, 95, 2, true), summary("demand+50", 1, 0.70, 96, 2, true)));
        StudyReport r = StudyReport.read(dir);
        assertEquals(6, r.runs());
        assertEquals(4, r.cells());
        CellResult sac = r.cell("sac-ff_sac-ff");
        double[] d = sac.medianDelta();
        assertEquals(Quantiles.median(sac.pooled("delta")), d[0], 0.0, "the median of every day of every seed");
        assertTrue(d[1] <= d[0] && d[0] <= d[2], "the interval holds the median");
        assertTrue(d[1] >= 0.375 && d[2] <= 0.525, "within the days' range: " + d[1] + ", " + d[2]);
        assertTrue(d[2] - d[1] > 0.02, "two seeds 0.1 apart give a wide two-level interval: " + (d[2] - d[1]));
        assertEquals(7.0, sac.exploitability(), 1e-12, "the larger of the two hubs, mean over runs");
        String md = r.markdown();
        assertEquals(md, StudyReport.read(dir).markdown(), "deterministic");
        assertTrue(md.contains("| dqn-ff_dqn-ff | 2 | 1000 | 1/2 |") && md.contains("NOT CONVERGED"), md);
        WelchTest t = WelchTest.of(sac.pooled("meanPrice"), r.cell("dqn-ff_dqn-ff").pooled("meanPrice"), WelchTest.Alternative.GREATER, 0.05);
        assertTrue(md.contains("| 64, 64 | " + StudyReport.f(t.meanA(), 2) + " | " + StudyReport.f(t.meanB(), 2) + " | " + StudyReport.f(t.t(), 2)), md);
        assertTrue(md.contains("SAC pairings price above DQN pairings (5 % level): **holds**"), md);
        assertTrue(md.contains("no balking raises Δ above the baseline: **holds**"), md);
        assertTrue(md.contains("+50 % demand puts Δ between the baseline and no balking: **does not hold**"), md);
        assertTrue(md.contains("MHA spreads the hubs' prices apart (5 % level): **not testable yet**"), md);
        assertTrue(md.contains("(from cells not converged: dqn-ff_dqn-ff)"), md);
        assertTrue(md.contains("| sac-ff_sac-ff | 50.0 | 2000000 | 27.8 | 2 | 55.6 |"), "50 s per 1,000 episodes x 2M = 27.8 h: " + md);
        r.write(tmp.resolve("docs"));
        assertTrue(Files.readString(tmp.resolve("docs/results.html")).contains("<table>"));
    }

    @Test
    void theCommittedPageIsWhatTheCommittedSummariesGive() throws Exception {
        Path docs = Path.of("..", "docs");
        Path results = docs.resolve("results");
        Assumptions.assumeTrue(Files.isDirectory(results) && hasSummaries(results),
                "no committed study summaries in " + results.toAbsolutePath().normalize() + " yet");
        assertTrue(Files.isRegularFile(docs.resolve("RESULTS.md")), "docs/results holds summaries but docs/RESULTS.md is missing;"
                + " run 'hubprice study report'");
        assertEquals(Files.readString(docs.resolve("RESULTS.md")), StudyReport.read(results).markdown(),
                "docs/RESULTS.md is not what 'hubprice study report' makes of docs/results; regenerate it");
    }

    private static boolean hasSummaries(Path dir) throws Exception {
        try (var s = Files.walk(dir, 2)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("seed-\\d+\\.json"));
        }
    }
}
