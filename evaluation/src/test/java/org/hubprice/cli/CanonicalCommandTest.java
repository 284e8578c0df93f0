package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CanonicalCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = HubpriceCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final String[] SMALL = {"--set", "m=5", "--set", "beta=2e-4", "--set", "convergencePeriods=2000", "--threads", "2"};

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        String[] args = concat(new String[] {"canonical", "--sessions", "3", "--seed", "5", "--json"}, SMALL);
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1.4729, j.get("nashPrice").asDouble(), 5e-5);
        assertEquals(1.9250, j.get("monopolyPrice").asDouble(), 5e-5);
        assertEquals(0.2229, j.get("nashProfit").asDouble(), 5e-5);
        assertEquals(0.3375, j.get("monopolyProfit").asDouble(), 5e-5);
        assertTrue(j.get("delta").get("mean").isNumber());
        assertTrue(j.get("delta").get("std").isNumber());
        assertEquals(1.0, j.get("convergedShare").asDouble());
        assertTrue(j.get("meanPeriodsToConvergence").asDouble() > 2000);
        assertEquals(3, j.get("perSession").size());
        assertEquals(5, j.get("provenance").get("rootSeed").asLong());
        assertEquals(5, j.get("provenance").get("config").get("game").get("m").asInt());
        assertEquals(25, j.get("impulseResponse").get("price").size(), "default impulsePeriods");
        // same seed, same numbers
        JsonNode again = new ObjectMapper().readTree(run(args).out());
        assertEquals(j.get("delta"), again.get("delta"));
        assertEquals(j.get("perSession").get(2).get("periods"), again.get("perSession").get(2).get("periods"));
    }

    @Test
    void textReportNamesTheBenchmarksAndDelta() {
        Run r = run(concat(new String[] {"canonical", "--sessions", "2"}, SMALL));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Nash") && r.out().contains("1.4729") && r.out().contains("collusion index Delta"), r.out());
        assertTrue(r.out().contains("cycle lengths"), r.out());
    }

    @Test
    void unknownAgentListsTheRegisteredOnes() {
        Run r = run("canonical", "--sessions", "1", "--agent", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("tabular-q") && r.err().contains("'nope'"), r.err());
        r = run("canonical", "--sessions", "1", "--set", "mu=-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mu"), r.err());
    }

    /** A typo of a game key reaches the learner's parameters; the error still points at the game key. */
    @Test
    void aMistypedGameKeyIsNamedAgainstTheGameRunnerAndLearnerKeys() {
        Run r = run("canonical", "--sessions", "1", "--set", "deltaa=0.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown key 'deltaa'") && r.err().contains("Maybe 'delta'?") && r.err().contains("maxPeriods")
                && r.err().contains("alpha"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
