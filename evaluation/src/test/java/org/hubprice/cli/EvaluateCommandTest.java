package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hubprice evaluate} and {@code hubprice compare} through the CLI entry point, on the small fixture game. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(List<String> args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = HubpriceCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args.toArray(String[]::new));
    }

    private static List<String> evaluate(String... more) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--replications", "2", "--bootstrap", "500", "--threads", "2"));
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add(o);
        }
        a.addAll(List.of(more));
        return a;
    }

    private static JsonNode onlyJson(String stdout) throws Exception {
        ObjectMapper m = new ObjectMapper();
        try (JsonParser p = m.getFactory().createParser(stdout)) {
            JsonNode n = m.readTree(p);
            assertEquals(null, p.nextToken(), "stdout holds more than one JSON value: " + stdout);
            return n;
        }
    }

    @Test
    void jsonSummaryHasTheDocumentedKeys() throws Exception {
        Path o = dir.resolve("eval");
        int rc = run(evaluate("--policy", "hub_0=fixed-markup:1.5", "--policy", "hub_1=fixed-markup:1.7", "--out", o.toString(), "--json"));
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        JsonNode d = j.get("delta");
        double median = d.get("median").asDouble();
        assertTrue(median > 0 && median < 1, "Δ of fixed markups 1.5 and 1.7 lies strictly between 0 and 1: " + median);
        assertTrue(d.get("mean").isNumber());
        assertEquals(2, d.get("ci95").size());
        assertTrue(d.get("ci95").get(0).asDouble() <= median && median <= d.get("ci95").get(1).asDouble());
        assertEquals(6, d.get("perDay").size());
        for (String p : List.of("learned", "competitive", "monopoly")) {
            assertTrue(j.get("profit").get(p).get("meanPerDay").isNumber(), p);
        }
        assertTrue(j.get("profit").get("monopoly").get("meanPerDay").asDouble() > j.get("profit").get("learned").get("meanPerDay").asDouble());
        assertTrue(j.get("markup").get("mean").asDouble() > 1);
        assertTrue(j.get("provenance").get("project").has("gitCommit") || j.get("provenance").get("project").size() > 0);
        assertEquals("evaluate", j.get("provenance").get("command").get(1).asText());
        assertEquals(o.toAbsolutePath().normalize().toString(), j.get("outputDir").asText());
        JsonNode onDisk = new ObjectMapper().readTree(o.resolve("summary.json").toFile());
        assertEquals(median, onDisk.get("delta").get("median").asDouble(), 0.0);
        List<String> days = Files.readAllLines(o.resolve("days.csv"));
        assertEquals(7, days.size(), "header and 6 days");
        assertEquals(1 + 6 * 24 * 5 * 2, Files.readAllLines(o.resolve("hours.csv")).size(), "6 days x 24 hours x 5 profiles x 2 hubs");
        // The stage-game Nash benchmark: above marginal-cost pricing (capacity and the band), so Δ^N < Δ.
        JsonNode nash = j.get("nash");
        double deltaNash = nash.get("deltaNash").get("median").asDouble();
        assertTrue(nash.get("profitMeanPerDay").asDouble() > j.get("profit").get("competitive").get("meanPerDay").asDouble());
        assertTrue(deltaNash < median, "Δ^N " + deltaNash + " vs Δ " + median);
        assertEquals(6, nash.get("perDay").size());
        assertEquals(24, nash.get("perDay").get(0).get("path").get("hours").size());
    }

    @Test
    void tableOutputAndComparison() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run(evaluate("--policy", "all=fixed-markup:1.2", "--out", a.toString())), err.toString());
        assertTrue(out.toString().contains("collusion index Δ: median"), out.toString());
        assertEquals(0, run(evaluate("--policy", "hub_0=fixed-markup:1.8", "--policy", "hub_1=random", "--out", b.toString(), "--no-deviation")),
                err.toString());
        assertTrue(!Files.exists(b.resolve("deviation.csv")));

        assertEquals(0, run(List.of("compare", b.toString(), a.toString(), "--json")), err.toString());
        JsonNode j = onlyJson(out.toString());
        JsonNode first = j.get("tests").get(0);
        assertEquals("average price", first.get("quantity").asText());
        assertEquals("b", first.get("a").asText());
        assertEquals("two-sided", first.get("alternative").asText());
        for (String k : List.of("t", "df", "critical", "p")) {
            assertTrue(first.get(k).isNumber(), k);
        }
        JsonNode greater = j.get("tests").get(1);
        assertEquals("greater", greater.get("alternative").asText());
        assertTrue(greater.get("t").asDouble() > 0, "hub 0 at 1.8 and a random hub price above two hubs at 1.2");

        assertEquals(0, run(List.of("compare", b.toString(), a.toString(), "--samples", "hour")), err.toString());
        assertTrue(out.toString().contains("average price") && out.toString().contains("critical"), out.toString());
    }

    @Test
    void badInputGivesExitCode2AndOneLine() {
        assertEquals(2, run(evaluate("--policy", "hub_0=cap", "--out", dir.resolve("x").toString())));
        assertTrue(err.toString().contains("no policy for hub_1"), err.toString());
        assertEquals(2, run(evaluate("--out", dir.resolve("y").toString())));
        assertTrue(err.toString().contains("nothing to evaluate"), err.toString());
        assertEquals(2, run(evaluate("--policy", "all=cap", "--days", dir.resolve("missing.csv").toString())));
        assertTrue(err.toString().contains("is not test, train, all or a readable file"), err.toString());
        assertEquals(2, run(evaluate("--run", dir.toString())));
        assertTrue(err.toString().contains("holds no config.yaml"), err.toString());
        assertEquals(2, run(List.of("compare", dir.toString(), dir.toString())));
        assertTrue(err.toString().contains("holds no evaluation"), err.toString());
    }

    @Test
    void anOccupiedOutputDirectoryIsNotReplaced() throws Exception {
        Path o = dir.resolve("mine");
        Files.createDirectories(o);
        Files.writeString(o.resolve("notes.txt"), "keep me");
        assertEquals(2, run(evaluate("--policy", "all=cap", "--out", o.toString())));
        assertTrue(err.toString().contains("refusing to replace it"), err.toString());
        assertEquals("keep me", Files.readString(o.resolve("notes.txt")));
    }
}
