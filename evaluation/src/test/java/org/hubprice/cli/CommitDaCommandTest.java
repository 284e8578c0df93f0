package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hubprice.models.dacommit.DaCommitmentRunner;
import org.hubprice.models.dacommit.DayProfileCsv;
import org.hubprice.models.dacommit.SyntheticDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitDaCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out.write(r.out);
        err.write(r.err);
        return r.exitCode;
    }

    private static JsonNode onlyJson(String stdout) throws Exception {
        return CliRun.onlyJson(stdout);
    }

    @Test
    void syntheticJsonPrintsOneObjectAndSavesBothFiles() throws Exception {
        Path o = dir.resolve("run");
        int rc = run("commit-da", "--synthetic", "24", "--k", "3", "--seed", "2", "--solver", "scip", "--out", o.toString(), "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        assertTrue(j.isObject());
        assertEquals(24, j.get("commitmentKwh").size());
        assertEquals("scip", j.get("solver").asText());
        assertEquals(3, j.get("k").asInt());
        assertEquals(2, j.get("seed").asInt());
        assertTrue(j.get("solveSeconds").asDouble() > 0);
        assertTrue(j.has("expectedObjective") && j.has("provenance"));
        double[] saved = DaCommitmentRunner.loadCommitment(o.resolve("commitment.json"));
        for (int t = 0; t < 24; t++) {
            assertEquals(j.get("commitmentKwh").get(t).asDouble(), saved[t]);
        }
        assertTrue(Files.isRegularFile(o.resolve("commitment.csv")));
    }

    @Test
    void daysFileGivesATable() throws Exception {
        Path csv = dir.resolve("days.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            DayProfileCsv.write(w, LocalDate.of(2024, 1, 1), SyntheticDays.generate(12, 9));
        }
        int rc = run("commit-da", "--days", csv.toString(), "--k", "2", "--out", dir.resolve("t").toString());
        assertEquals(0, rc, err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("hour  commitment kWh"), table);
        assertTrue(table.contains("k = 2 scenarios from 12 days (file " + csv + ")"), table);
        assertTrue(table.contains("saved "), table);
    }

    @Test
    void badRowExitsWith2AndNamesLineColumnAndValue() throws Exception {
        Path csv = dir.resolve("bad.csv");
        StringWriter sw = new StringWriter();
        DayProfileCsv.write(sw, LocalDate.of(2024, 1, 1), SyntheticDays.generate(3, 9));
        String[] lines = sw.toString().split("\n");
        lines[2] = lines[2].replaceFirst(",[^,]*$", ",-7.5"); // load_23 of the second day
        Files.writeString(csv, String.join("\n", lines) + "\n");
        int rc = run("commit-da", "--days", csv.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, rc);
        assertTrue(err.toString().contains("line 3, column load_23: -7.5 is negative"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void sourceIsRequiredAndExclusive() {
        assertEquals(2, run("commit-da", "--k", "3"));
        assertTrue(err.toString().contains("--days") && err.toString().contains("--synthetic"), err.toString());
        assertEquals(2, run("commit-da", "--synthetic", "5", "--days", "x.csv"));
        assertEquals(2, run("commit-da", "--synthetic", "5", "--k", "6", "--out", dir.toString()));
        assertTrue(err.toString().contains("k = 6 exceeds the number of days (5)"), err.toString());
    }

    @Test
    void benchReportsTheRequiredKeys() throws Exception {
        int rc = run("bench", "da-commit", "--days", "15", "--k", "3", "--repeat", "1", "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        for (String key : new String[] {"solveSeconds", "solver", "scenarios", "binaries", "variables", "constraints",
            "expectedObjective", "provenance", "textbookOverTight"}) {
            assertTrue(j.has(key), "missing " + key + " in " + j);
        }
        assertEquals(3, j.get("scenarios").asInt());
        assertEquals(j.get("expectedObjective").asDouble(), j.get("textbook").get("expectedObjective").asDouble(),
                1e-6 * Math.abs(j.get("expectedObjective").asDouble()));
    }

    @Test
    void environmentConfigurationSuppliesTheTrainingDays() throws Exception {
        Path o = dir.resolve("env");
        // A short synthetic market keeps the solve small; k = 3 scenarios.
        int rc = run("commit-da", "--env", "--set", "market.synthetic.days=60", "--set", "daCommitment.scenarios=3",
                "--set", "split.method=reference", "--out", o.toString(), "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        assertEquals(24, j.get("commitmentKwh").size());
        assertEquals(3, j.get("k").asInt());
        // 60 days with every 11th held out: 5 or 6 test days, the rest reach the solver.
        int training = j.get("trainingDays").asInt();
        assertTrue(training >= 54 && training <= 55, "training days " + training);
        assertTrue(Files.isRegularFile(o.resolve("commitment.json")));
    }

    @Test
    void environmentOptionsWithoutEnvAreRefused() {
        int rc = run("commit-da", "--synthetic", "10", "--set", "hubs.count=3", "--out", dir.resolve("x").toString());
        assertEquals(2, rc);
        assertTrue(err.toString().contains("add --env"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
