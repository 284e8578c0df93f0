package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hubprice bench dispatch} end to end at a tiny size. */
class BenchDispatchCommandTest {
    private static String[] run(String... args) {
        CommandLine cl = HubpriceCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }

    @Test
    void jsonOutputIsOneObjectWithTheFigures() throws Exception {
        String[] r = run("bench", "dispatch", "--instances", "26", "--seed", "3", "--solver", "highs", "--json");
        assertEquals("0", r[0], r[2]);
        assertEquals(1, r[1].strip().lines().count(), "exactly one line on standard output: " + r[1]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(26, j.get("instances").asInt());
        assertEquals("highs", j.get("solver").asText());
        double fast = j.get("fastNsPerSolve").asDouble();
        double milp = j.get("milpNsPerSolve").asDouble();
        assertTrue(fast > 0 && milp > fast, r[1]);
        assertEquals(milp / fast, j.get("speedupRatio").asDouble(), 1e-9 * milp / fast);
        assertTrue(j.get("maxProfitDifference").asDouble() < 1e-3, r[1]);
        assertTrue(j.get("provenance").has("gitCommit"), r[1]);
    }

    @Test
    void badOptionsGiveOneClearErrorAndExitCode2() {
        String[] r = run("bench", "dispatch", "--instances", "-3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--instances = -3"), r[2]);
        r = run("bench", "dispatch", "--solver", "cplex");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'cplex'"), r[2]);
    }
}
