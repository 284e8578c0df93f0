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
        String html = Files.readString(tmp.resolve("docs/results.html"));
        assertTrue(html.contains("<table>") && !html.contains("best responses to them"), "no hourly multipliers, no best-response figure");
    }

    /** A run with the given fresh-draw per-day best-response gains per hub, hub 1's one-schedule gain (NaN: none) and Δ^N interval. */
    private static com.fasterxml.jackson.databind.JsonNode run(double gain0, double gain1, double schedule1, double nashLo, double nashHi) {
        Map<String, Object> held = new LinkedHashMap<>();
        Map<String, Object> hub1 = new LinkedHashMap<>(Map.of("hub", "hub_1", "outOfSamplePercent", gain1));
        if (!Double.isNaN(schedule1)) {
            hub1.put("scheduleOutOfSamplePercent", schedule1);
        }
        held.put("exploitability", List.of(Map.of("hub", "hub_0", "outOfSamplePercent", gain0), hub1));
        held.put("deltaNash", Map.of("median", (nashLo + nashHi) / 2, "ci95", List.of(nashLo, nashHi)));
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("heldOut", held));
    }

    @Test
    void eachRunIsReadByEquilibriumFirstThenTheNashBenchmark() {
        // a deviation a policy could play gaining just above the 5 % tolerance: not an equilibrium whatever Δ^N says
        assertEquals(CollusionReadings.Reading.NOT_AN_EQUILIBRIUM, CollusionReadings.read(run(9.0, 5.5, 5.01, 0.2, 0.3)));
        // only the per-day best response (foresight) gains: no equilibrium shown, whatever Δ^N says; the larger hub decides
        assertEquals(CollusionReadings.Reading.FORESIGHT_ONLY, CollusionReadings.read(run(1.0, 5.01, 4.99, 0.2, 0.3)));
        assertEquals(CollusionReadings.Reading.FORESIGHT_ONLY, CollusionReadings.read(run(5.5, -3.0, Double.NaN, -0.3, -0.2)));
        assertEquals(CollusionReadings.Reading.ABOVE_NASH, CollusionReadings.read(run(4.99, 2.0, 1.0, 0.01, 0.3)));
        assertEquals(CollusionReadings.Reading.AT_NASH, CollusionReadings.read(run(1.0, 2.0, 1.0, -0.01, 0.3)));
        assertEquals(CollusionReadings.Reading.BELOW_NASH, CollusionReadings.read(run(1.0, 2.0, 1.0, -0.3, -0.01)));
        assertEquals(5.01, CollusionReadings.freshGain(run(1.0, 5.01, 1.0, 0, 0)), 0.0);
        assertEquals(7.0, CollusionReadings.playableGain(run(1.0, 5.01, 7.0, 0, 0)), 0.0);
        // the own policy shifted per hour is a deviation a policy could play: above the tolerance on the days it was not fitted on,
        // the run is not an equilibrium even when the schedule loses
        com.fasterxml.jackson.databind.node.ObjectNode shifted = (com.fasterxml.jackson.databind.node.ObjectNode) run(9.0, 2.0, -15.0, 0.2, 0.3);
        ((com.fasterxml.jackson.databind.node.ObjectNode) shifted.path("heldOut").path("exploitability").path(0))
                .put("shiftedPolicyOutOfSamplePercent", 6.5);
        assertEquals(6.5, CollusionReadings.shiftedGain(shifted), 0.0);
        assertEquals(6.5, CollusionReadings.playableGain(shifted), 0.0);
        assertEquals(CollusionReadings.Reading.NOT_AN_EQUILIBRIUM, CollusionReadings.read(shifted));
        ((com.fasterxml.jackson.databind.node.ObjectNode) shifted.path("heldOut").path("exploitability").path(0))
                .put("shiftedPolicyOutOfSamplePercent", 4.0);
        assertEquals(CollusionReadings.Reading.FORESIGHT_ONLY, CollusionReadings.read(shifted));
        // a hub without the fresh-draw figure counts with its in-sample one, never as 0 %
        Map<String, Object> inSampleOnly = Map.of("heldOut", Map.of("exploitability", List.of(Map.of("hub", "hub_0", "profilePercent", 9.0),
                Map.of("hub", "hub_1", "outOfSamplePercent", 1.0)), "deltaNash", Map.of("ci95", List.of(0.1, 0.2))));
        com.fasterxml.jackson.databind.JsonNode partial = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(inSampleOnly);
        assertEquals(9.0, CollusionReadings.freshGain(partial), 0.0);
        assertEquals(CollusionReadings.Reading.FORESIGHT_ONLY, CollusionReadings.read(partial), "no playable deviation measured: foresight only");
        assertTrue(Double.isNaN(CollusionReadings.constantGain(partial)), "no constant figure at all: none");
        assertEquals(null, CollusionReadings.deviationDirection(List.of(run(1.0, 5.01, 1.0, 0, 0))), "no hourly multipliers: no direction");
        assertEquals(null, CollusionReadings.shiftDirection(List.of(run(1.0, 5.01, 1.0, 0, 0))), "no shifted-policy offsets: no direction");
        Map<String, Object> bare = Map.of("heldOut", Map.of("deltaNash", Map.of("median", 0.2)));
        assertEquals(CollusionReadings.Reading.NO_ANALYSIS, CollusionReadings.read(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(bare)), "no best-response analysis: no reading");
        java.util.EnumMap<CollusionReadings.Reading, Integer> counts = new java.util.EnumMap<>(CollusionReadings.Reading.class);
        counts.put(CollusionReadings.Reading.NOT_AN_EQUILIBRIUM, 3);
        assertEquals("not an equilibrium (3 of 3 runs)", CollusionReadings.cellReading(counts, 3));
        counts.put(CollusionReadings.Reading.AT_NASH, 1);
        assertEquals("mixed: 3 not an equilibrium, 1 not distinguishable from the one-shot Nash (competition under the capacity limits)",
                CollusionReadings.cellReading(counts, 4));
    }

    @Test
    void thePageReadsEveryCellAndTalliesTheRuns() throws Exception {
        Map<String, Object> a = summary("sac-ff_sac-ff", 1, 0.40, 90, 2, false);
        Map<String, Object> b = summary("dqn-ff_dqn-ff", 1, 0.30, 80, 3, true);
        withAnalysis(a, 20.0, 0.2);
        withAnalysis(b, 2.0, -0.02);
        StudyReport r = StudyReport.read(write(List.of(a, b)));
        String md = r.markdown();
        assertTrue(md.contains("| sac-ff_sac-ff | 1 | ") && md.contains("| 20.0 – 20.0 | 12.0 – 12.0 | 10.0 – 10.0 | -4.0 – -4.0 | 16.0 / 4.0 (-0.023) | 10.0 / 8.0 (-0.035) | 0/1 | not an"
                + " equilibrium (1 of 1 runs); NOT CONVERGED |"), md);
        assertTrue(md.contains("| 2.0 – 2.0 | 1.2 – 1.2 | 1.0 – 1.0 | -4.0 – -4.0 | 16.0 / 4.0 (-0.023) | 10.0 / 8.0 (-0.035) | 1/1 | not distinguishable from the one-shot Nash (competition"
                + " under the capacity limits) (1 of 1 runs) |"), md);
        assertTrue(md.contains("So far, over 2 runs: 1 not an equilibrium, 1 not distinguishable from the one-shot Nash"), md);
        assertTrue(md.contains("and the best deviation a policy could play gains 12.0 % (on fresh draws where measured; the larger hub, mean"
                + " over runs)"), "hub 0's shifted policy (12 %) beats hub 1's schedule (10 %) and both constants: " + md);
        double[][] lines = StudyPage.bestResponses(r).get("dqn-ff_dqn-ff");
        assertEquals(1.5, lines[0][0], 1e-12);
        assertEquals(1.45, lines[1][0], 1e-12, "hour 0: the best response undercuts");
        assertEquals(1.56, lines[1][17], 1e-12, "hour 17: it raises");
        r.write(tmp.resolve("page"));
        assertTrue(Files.readString(tmp.resolve("page/results.html")).contains("Learned prices and the best responses to them"));
        double[] dn = r.cell("dqn-ff_dqn-ff").medianDeltaNash();
        assertEquals(Quantiles.median(r.cell("dqn-ff_dqn-ff").pooled("deltaNash")), dn[0], 0.0);
        assertTrue(dn[1] <= dn[0] && dn[0] <= dn[2] && dn[1] < 0 && dn[2] > -0.1, java.util.Arrays.toString(dn));
    }

    /** Adds per-day Δ^N around {@code nash} (±0.05, so its interval holds 0 when {@code nash} is near 0), its interval and fresh-draw gains. */
    @SuppressWarnings("unchecked")
    private static void withAnalysis(Map<String, Object> summary, double gain, double nash) {
        Map<String, Object> held = (Map<String, Object>) summary.get("heldOut");
        SplittableRandom r = new SplittableRandom(11);
        List<Object> dn = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            dn.add(nash + 0.1 * (r.nextDouble() - 0.5));
        }
        ((Map<String, Object>) held.get("perDay")).put("deltaNash", dn);
        double lo = dn.stream().mapToDouble(x -> (Double) x).min().orElseThrow();
        double hi = dn.stream().mapToDouble(x -> (Double) x).max().orElseThrow();
        held.put("deltaNash", Map.of("median", nash, "ci95", List.of(lo, hi)));
        // both hubs' best responses: 0.05 below the learned 1.5 in hours 0-15, 0.06 above in 16-19, within 0.005 after
        List<Double> learned = java.util.Collections.nCopies(24, 1.5);
        List<Double> best = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            best.add(t < 16 ? 1.45 : t < 20 ? 1.56 : 1.502);
        }
        // hub 0's shifted policy: 0.1 below its learned price in hours 0-9, 0.02 above in 10-17, unchanged after
        List<Double> offsets = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            offsets.add(t < 10 ? -0.1 : t < 18 ? 0.02 : 0.0);
        }
        held.put("exploitability", List.of(Map.of("hub", "hub_0", "outOfSamplePercent", gain / 2, "constantOutOfSamplePercent", -4.0,
                "scheduleOutOfSamplePercent", gain / 4, "learnedMultiplierPerHour", learned, "bestResponseMultiplierPerHour", best,
                "shiftedPolicyOutOfSamplePercent", gain * 0.6, "shiftedPolicyOffsetPerHour", offsets),
                Map.of("hub", "hub_1", "outOfSamplePercent", gain, "constantOutOfSamplePercent", -6.0, "scheduleOutOfSamplePercent", gain / 2,
                        "learnedMultiplierPerHour", learned, "bestResponseMultiplierPerHour", best)));
    }

    /** Dates for a summary's 32 days, and the same policies' Δ on the node's days: own Δ + {@code shift}, the first date missing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withNodeDays(Map<String, Object> summary, double shift) {
        Map<String, Object> perDay = (Map<String, Object>) ((Map<String, Object>) summary.get("heldOut")).get("perDay");
        List<Object> own = (List<Object>) perDay.get("delta");
        List<Object> dates = new ArrayList<>();
        List<Object> nodeDates = new ArrayList<>();
        List<Object> nodeDelta = new ArrayList<>();
        for (int k = 0; k < own.size(); k++) {
            String date = java.time.LocalDate.of(2022, 1, 1).plusDays(11L * k).toString();
            dates.add(date);
            if (k > 0) {
                nodeDates.add(date);
                nodeDelta.add((Double) own.get(k) + shift);
            }
        }
        perDay.put("date", dates);
        summary.put("heldOutNodeDays", Map.of("files", List.of("da.csv", "rt.csv"), "days", 31, "replications", 20, "perDay", Map.of("date",
                nodeDates, "delta", nodeDelta)));
        return summary;
    }

    /**
     * The data reason's test: the node's days are compared date by date with the run's own days.
     * Two runs whose Δ rises by 0.01 and 0.03 on every node day give a paired median change of 0.02
     * with an interval from 0.01 to 0.03 (the bootstrap draws the runs); a run without node days
     * is left out of both figures, and the text says which way the index moves.
     */
    @Test
    void theNodesOwnDaysAreComparedDateByDate() throws Exception {
        Path dir = write(List.of(withNodeDays(summary("sac-ff_sac-ff", 1, 0.40, 90, 2, true), 0.01),
                withNodeDays(summary("sac-ff_sac-ff", 2, 0.50, 92, 2, true), 0.03), summary("sac-ff_sac-ff", 3, 0.45, 91, 2, true)));
        CellResult c = StudyReport.read(dir).cell("sac-ff_sac-ff");
        assertEquals(2, c.nodeDayRuns());
        double[] change = c.pairedNodeDayChange();
        assertEquals(0.02, change[0], 1e-9, "62 paired days, half +0.01 and half +0.03");
        assertEquals(0.01, change[1], 1e-9);
        assertEquals(0.03, change[2], 1e-9);
        double[] node = c.medianDeltaNodeDays();
        List<Double> pooled = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : c.runs().subList(0, 2)) {
            r.path("heldOutNodeDays").path("perDay").path("delta").forEach(x -> pooled.add(x.asDouble()));
        }
        assertEquals(Quantiles.median(pooled.stream().mapToDouble(Double::doubleValue).toArray()), node[0], 0.0);
        String text = StudyGaps.reasons(StudyReport.read(dir), c);
        assertTrue(text.contains("(2 of 3 runs; the policies trained on the synthetic year), the median Δ is " + StudyReport.f(node[0], 3)), text);
        assertTrue(text.contains("change a day's Δ by a median +0.020 [0.010, 0.030] (single dates from +0.010 to +0.030): the node's prices"
                + " raise the index"), text);
        StudyReport withDqn = StudyReport.read(write(List.of(summary("dqn-ff_dqn-ff", 1, 0.3, 80, 3, true))));
        assertTrue(!StudyGaps.reasons(withDqn, withDqn.cell("dqn-ff_dqn-ff"))
                .contains("node's own prices for the same"), "no node days, no claim");

        // node days on no date of the run's own evaluation, or with another number of draws: nothing to pair, and the text says so
        Map<String, Object> apart = withNodeDays(summary("sac-mha_sac-mha", 1, 0.3, 80, 3, true), 0.01);
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) ((Map<String, Object>) apart.get("heldOut")).get("perDay");
        own.put("date", java.util.Collections.nCopies(32, "2021-12-01"));
        Map<String, Object> otherDraws = withNodeDays(summary("sac-mha_sac-ff", 1, 0.3, 80, 3, true), 0.01);
        ((Map<String, Object>) otherDraws.get("heldOut")).put("replications", 5);
        StudyReport r2 = StudyReport.read(write(List.of(apart, otherDraws)));
        for (String cell : List.of("sac-mha_sac-mha", "sac-mha_sac-ff")) {
            assertTrue(Double.isNaN(r2.cell(cell).pairedNodeDayChange()[0]), cell);
            assertTrue(StudyGaps.nodeDays(r2.cell(cell)).contains("with no held-out date in common"), StudyGaps.nodeDays(r2.cell(cell)));
        }
    }

    /**
     * A run continued past the budget sits in {@code longer/}: the page sets it beside the same
     * cell and seed at the budget, and it counts nowhere else (the cell tables keep one run).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aContinuedRunIsSetBesideTheSameRunAtTheBudget() throws Exception {
        Map<String, Object> base = summary("sac-ff_sac-ff", 1, 0.40, 90, 2, false);
        Map<String, Object> more = summary("sac-ff_sac-ff", 1, 0.30, 85, 2, true);
        more.put("episodes", 2000);
        more.put("budgetEpisodes", 2000);
        ((Map<String, Object>) more.get("heldOut")).put("delta", Map.of("median", 0.301, "ci95", List.of(0.29, 0.31)));
        ((Map<String, Object>) base.get("heldOut")).put("delta", Map.of("median", 0.402, "ci95", List.of(0.39, 0.41)));
        Path dir = write(List.of(base));
        RunFiles.writeJson(dir.resolve("longer/sac-ff_sac-ff/seed-1.json"), more);
        StudyReport r = StudyReport.read(dir);
        assertEquals(1, r.runs(), "the continued run is not a second seed");
        String md = r.markdown();
        int at = md.indexOf("## Does longer training change the answer?");
        assertTrue(at > 0, md);
        String section = md.substring(at);
        int first = section.indexOf("| sac-ff_sac-ff | 1 | 1000 | 0.402 [0.390, 0.410] |");
        int second = section.indexOf("| sac-ff_sac-ff | 1 | 2000 | 0.301 [0.290, 0.310] |");
        assertTrue(first > 0 && second > first, "the budget's run, then the continued one: " + section);
        assertTrue(section.contains("-0.010 (not converged)") && section.contains("-0.010 (converged)"), section);
        assertTrue(md.contains("(negative: still falling); continued to 2000 episodes, seed 1's median Δ went from 0.402 to 0.301"), md);
        Path plain = tmp.resolve("plain");
        RunFiles.writeJson(plain.resolve("sac-ff_sac-ff/seed-1.json"), base);
        assertTrue(!StudyReport.read(plain).markdown().contains("longer training"), "no section without continued runs");
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
