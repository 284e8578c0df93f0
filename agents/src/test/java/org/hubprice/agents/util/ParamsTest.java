package org.hubprice.agents.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamsTest {
    @Test
    void textFromTheCommandLineAndTypedYamlValuesReadAlike() {
        Params typed = Params.of("sac", Map.of("hidden", List.of(64, 64), "batchSize", 8, "tau", 0.01, "autoAlpha", false));
        Params text = Params.of("sac", Map.of("hidden", "64,64", "batchSize", "8", "tau", "0.01", "autoAlpha", "false"));
        for (Params p : List.of(typed, text)) {
            assertEquals(List.of(64, 64), p.getIntList("hidden", List.of()));
            assertEquals(8, p.getInt("batchSize", 256));
            assertEquals(0.01, p.getDouble("tau", 0.05));
            assertFalse(p.getBoolean("autoAlpha", true));
        }
        assertEquals(1_000_000, Params.of("sac", Map.of("bufferCapacity", "1e6")).getInt("bufferCapacity", 0));
    }

    @Test
    void absentAndNullKeysTakeTheDefault() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gamma", null);
        Params p = Params.of("dqn", m);
        assertEquals(0.99, p.getDouble("gamma", 0.99));
        assertEquals("mse", p.getString("loss", "mse"));
        assertFalse(p.has("gamma"));
        assertEquals(null, p.getDoubleList("obsOffset"));
    }

    @Test
    void errorsNameTheAgentTheKeyAndTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Params.of("dqn", Map.of("batchSize", 2.5)).getInt("batchSize", 1));
        assertEquals("dqn: batchSize = '2.5' is not an integer", e.getMessage());
        var u = assertThrows(IllegalArgumentException.class,
                () -> Params.of("sac", Map.of("tua", 1)).requireKnown(Set.of("tau", "gamma", "alphaLr")));
        assertEquals("sac: unknown key 'tua'; the known keys are [alphaLr, gamma, tau]. Maybe 'tau'?", u.getMessage(),
                "sorted, so a long list can be scanned");
    }

    @Test
    void rawValuesAreKeptAsGiven() {
        List<Integer> hidden = List.of(1, 2);
        Params p = Params.of("sac", Map.of("hidden", hidden));
        assertSame(hidden, p.raw("hidden"));
        assertTrue(p.keys().contains("hidden"));
    }
}
