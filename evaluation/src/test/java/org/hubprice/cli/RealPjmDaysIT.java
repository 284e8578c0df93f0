package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A trained checkpoint evaluated out of sample on both Western Hub years of the real PJM data in
 * {@code <hubprice.shared.dir>/data/pjm} (skipped, with a message, when it is absent): every
 * complete day is played, the skipped ones are named in one WARN line, every loader message
 * appears once, and strict mode ({@code --set market.pjm.strict=true}) reaches {@code --days}.
 */
class RealPjmDaysIT {
    @TempDir
    static Path dir;

    private static Path run;
    private static Path pjm;

    @BeforeAll
    static void train() {
        String shared = System.getProperty("hubprice.shared.dir");
        pjm = shared == null ? null : Path.of(shared, "data", "pjm");
        Assumptions.assumeTrue(pjm != null && Files.isRegularFile(pjm.resolve("pjm_westernhub_da_hrl_lmps_2023.csv")),
                "real PJM data not found (system property hubprice.shared.dir = " + shared + "); test skipped");
        run = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--config", "demo", "--out", run.toString(), "--device", "cpu", "--quiet",
                "--set", "agents[*].params={network: ff, hidden: [16, 16], bufferCapacity: 2000}", "--set", "stopping.maxEpisodes=4",
                "--set", "validation.every=4", "--set", "validation.days=2", "--set", "checkpoint.every=4"));
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add(o);
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.toString());
    }

    /**
     * {@code --days test:DA,RT} on pnode 48592 with the default configuration (the synthetic year,
     * the paper's split): the node's days on exactly the 32 held-out dates of the synthetic year,
     * none missing, with the node's prices.
     */
    @Test
    void theNodesOwnDaysOnTheHeldOutDates() {
        Path da = pjm.resolve("da_hrl_lmps_48592.csv");
        Path rt = pjm.resolve("rt_hrl_lmps_48592.csv");
        Assumptions.assumeTrue(Files.isRegularFile(da) && Files.isRegularFile(rt), "pnode 48592 files not in " + pjm + "; test skipped");
        org.hubprice.env.config.EnvConfig config = org.hubprice.env.config.EnvConfig.defaults();
        var own = org.hubprice.evaluation.days.Scenarios.of(config, "test", dir.resolve("cache"));
        var node = org.hubprice.evaluation.days.Scenarios.of(config, "held-out:" + da + "," + rt, dir.resolve("cache"));
        List<String> ownDates = java.util.Arrays.stream(own.selected()).mapToObj(i -> own.days().get(i).date().toString()).toList();
        List<String> nodeDates = java.util.Arrays.stream(node.selected()).mapToObj(i -> node.days().get(i).date().toString()).toList();
        assertEquals(32, ownDates.size());
        assertEquals(ownDates, nodeDates);
        assertEquals(List.of(), node.describe().get("missingDates"));
        int k = node.selected()[0];
        assertFalse(java.util.Arrays.equals(own.days().get(own.selected()[0]).dayAhead(), node.days().get(k).dayAhead()),
                "the node's prices, not the synthetic year's");
        assertEquals(java.util.Arrays.deepToString(own.commitments()), java.util.Arrays.deepToString(node.commitments()),
                "the DA commitment of the configuration's own training days");
    }

    /** Runs {@code evaluate --days DA,RT} and returns the log lines of the PJM loading path. */
    private static List<String> evaluate(String year, Path out, int expectedExit, String... more) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        Logger ours = (Logger) LoggerFactory.getLogger("org.hubprice");
        ch.qos.logback.classic.Level before = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.INFO); // the test configuration shows WARN only
        try {
            List<String> a = new ArrayList<>(List.of("evaluate", "--run", run.toString(), "--days",
                    pjm.resolve("pjm_westernhub_da_hrl_lmps_" + year + ".csv") + "," + pjm.resolve("pjm_westernhub_rt_hrl_lmps_" + year + ".csv"),
                    "--replications", "1", "--no-deviation", "--bootstrap", "200", "--out", out.toString()));
            a.addAll(List.of(more));
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertEquals(expectedExit, r.exitCode, r.toString());
            if (expectedExit != 0) {
                return List.of(r.err);
            }
        } finally {
            root.detachAppender(logs);
            ours.setLevel(before);
        }
        return logs.list.stream().filter(e -> e.getFormattedMessage().contains("PJM") || e.getLoggerName().contains("Pjm"))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    private static JsonNode summary(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void year2022IsEvaluatedOnEveryCompleteDayAndNamesTheCutOffLastDay() throws Exception {
        Path out = dir.resolve("wh2022");
        List<String> lines = evaluate("2022", out, 0);
        assertEquals(2, lines.size(), "one INFO and one WARN line, each once: " + lines);
        assertTrue(lines.get(0).startsWith("INFO --days PJM data: 364 days from pjm_westernhub_da_hrl_lmps_2022.csv"), lines.get(0));
        assertEquals("WARN --days PJM data: skipped 1 day that cannot be built: 2022-12-31: DA: missing hours 01:00–23:00 (23 of 24); "
                + "RT: missing hours 01:00–23:00 (23 of 24) (edge of the files' range)", lines.get(1));
        assertEquals(364, summary(out).get("delta").get("perDay").size());
        List<String> days = Files.readAllLines(out.resolve("days.csv"));
        assertTrue(days.get(1).startsWith("2022-01-01,") && days.get(364).startsWith("2022-12-30,"), days.get(364));
    }

    @Test
    void year2023SkipsJune30ToJuly1AndInStrictModeRefusesThem() throws Exception {
        Path out = dir.resolve("wh2023");
        List<String> lines = evaluate("2023", out, 0);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("WARN --days PJM data: skipped 3 days that cannot be built: 2023-06-30: "), lines.get(1));
        assertTrue(lines.get(1).contains("2023-07-01: DA: no rows; RT: no rows; 2023-12-31: "), lines.get(1));
        assertEquals(362, summary(out).get("delta").get("perDay").size());
        String days = Files.readString(out.resolve("days.csv"));
        assertFalse(days.contains("\n2023-06-30,") || days.contains("\n2023-07-01,"), "skipped days are not played");
        assertTrue(days.contains("\n2023-06-29,") && days.contains("\n2023-07-02,"));

        String err = evaluate("2023", dir.resolve("wh2023-strict"), 2, "--set", "market.pjm.strict=true").get(0);
        assertTrue(err.startsWith("error: 2 days inside the range of pjm_westernhub_da_hrl_lmps_2023.csv and "
                + "pjm_westernhub_rt_hrl_lmps_2023.csv cannot be built (strict mode): 2023-06-30"), err);
        assertTrue(err.contains("Maybe export the missing hours again, or set market.pjm.strict=false"), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(dir.resolve("wh2023-strict")), "nothing written");
    }
}
