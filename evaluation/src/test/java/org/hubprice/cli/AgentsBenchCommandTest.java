package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code hubprice bench agents} end to end with two timed repetitions: every figure is there and the ratios are the figures' ratios. */
class AgentsBenchCommandTest {
    @Test
    void jsonHasTheUpdatesTheirBoundsAndTheHandWrittenFloor() throws Exception {
        CliRun r = CliRun.of("bench", "agents", "--threads", "1", "--iterations", "2", "--warmup", "1", "--json");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode j = r.json();
        for (String k : new String[] {"dqnUpdateMicros", "dqnGemmBoundMicros", "dqnHandWrittenMicros", "sacUpdateMicros", "sacGemmBoundMicros",
            "actMicros"}) {
            assertTrue(j.path(k).asDouble() > 0, k + " in " + j);
        }
        double bound = j.get("dqnGemmBoundMicros").asDouble();
        assertEquals(j.get("dqnUpdateMicros").asDouble() / bound, j.get("dqnRatio").asDouble(), 1e-9);
        assertEquals(j.get("dqnHandWrittenMicros").asDouble() / bound, j.get("dqnHandWrittenRatio").asDouble(), 1e-9);
        assertTrue(j.get("provenance").has("gitCommit"), j.toString());
    }
}
