package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env-check} and {@code bench env}, with an explicit DA commitment so that no solver runs. */
class EnvCommandsTest {
    private static final String COMMITMENT = "daCommitment.values=[89.8, 28.4, 2042, 1324, 56.5, 79.8, 345, 796, 1166, 2153, 1808, 1901, "
            + "3326, 2785, 2674, 2884, 3407, 3824, 2728, 1710, 772, 619, 374, 108]";

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
    void envCheckJsonReportsEveryHubAndTheInvariants() throws Exception {
        int rc = run("env-check", "--days", "2", "--markup", "1.0,2.0", "--set", "daCommitment.mode=explicit", "--set", COMMITMENT, "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        assertTrue(j.get("ok").asBoolean());
        assertEquals("explicit", j.get("commitmentSource").asText());
        assertEquals(4, j.get("results").size(), "2 markups x 2 days");
        assertEquals(4 * 24, j.get("steps").asInt());
        JsonNode first = j.get("results").get(0);
        assertEquals(1.0, first.get("markup").asDouble());
        assertEquals(2, first.get("hubs").size());
        int served = 0;
        int balked = 0;
        for (JsonNode h : first.get("hubs")) {
            served += h.get("served").asInt();
            balked += h.get("balked").asInt();
        }
        assertEquals(first.get("arrivals").asInt(), served + balked + first.get("lost").asInt(), "EVs conserved over the day");
        // Both markups face the same arrivals (common random numbers).
        assertEquals(first.get("arrivals").asInt(), j.get("results").get(2).get("arrivals").asInt());
        for (String inv : new String[] {"energyBalance", "batteryLimits", "evsConserved", "stationCapacity", "finite"}) {
            assertEquals(0, j.get("violations").get(inv).asInt(), inv);
        }
    }

    @Test
    void envCheckTableAndAConfigFile() throws Exception {
        Path f = dir.resolve("env.yaml");
        Files.writeString(f, "hubs:\n  count: 3\ndaCommitment:\n  mode: explicit\n  values: [" + "500, ".repeat(23) + "500]\n");
        int rc = run("env-check", "--config", f.toString(), "--days", "1", "--markup", "1.5");
        assertEquals(0, rc, err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("hubprice env-check: 3 hubs x 150 stations"), table);
        assertTrue(table.contains("hub_2") && table.contains("All invariants hold."), table);
    }

    @Test
    void envCheckPlaysHeterogeneousHubs() throws Exception {
        int rc = run("env-check", "--days", "2", "--markup", "1.5", "--set", "daCommitment.mode=explicit", "--set", COMMITMENT,
                "--set", "hubs.stationsPerHub=[60, 240]", "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        assertTrue(j.get("ok").asBoolean());
        assertEquals(60, j.get("stationsPerHub").get(0).asInt());
        assertEquals(240, j.get("stationsPerHub").get(1).asInt());
        assertEquals(2, j.get("commitments").size());
        for (JsonNode day : j.get("results")) {
            JsonNode small = day.get("hubs").get(0);
            assertEquals(60, small.get("stations").asInt());
            assertEquals(60, small.get("peakServed").asInt(), "at equal prices the small hub runs full in the busiest hour");
            assertTrue(day.get("hubs").get(1).get("peakServed").asInt() <= 240);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("env-check", "--days", "1", "--markup", "1.5", "--set", "daCommitment.mode=explicit", "--set", COMMITMENT,
                "--set", "hubs.stationsPerHub=[60, 240]"), err.toString());
        assertTrue(out.toString().startsWith("hubprice env-check: 2 hubs x [60, 240] stations"), out.toString());
    }

    @Test
    void badConfigIsOneClearLineAndExitTwo() {
        int rc = run("env-check", "--set", "hubs.cont=3");
        assertEquals(2, rc);
        assertTrue(err.toString().contains("unknown key 'hubs.cont'") && err.toString().contains("Maybe 'hubs.count'"), err.toString());
        int rc2 = run("env-check", "--markup", "3", "--set", "daCommitment.mode=explicit", "--set", COMMITMENT);
        assertEquals(2, rc2);
        assertTrue(err.toString().contains("--markup 3.0 is outside the action range [1.0, 2.0]"), err.toString());
    }

    @Test
    void benchEnvMeasuresBothDispatchersInOneRun() throws Exception {
        int rc = run("bench", "env", "--periods", "4800", "--milp-periods", "6", "--set", "daCommitment.mode=explicit", "--set", COMMITMENT,
                "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = onlyJson(out.toString());
        double fast = j.get("dispatcherPeriodsPerSecond").asDouble();
        double milp = j.get("milpPeriodsPerSecond").asDouble();
        assertTrue(fast > 0 && milp > 0);
        assertEquals(fast / milp, j.get("ratio").asDouble(), 1e-9 * fast / milp);
        assertTrue(j.get("provenance").has("gitCommit"));
        assertEquals(4800, j.get("dispatcherPeriods").asInt());
    }
}
