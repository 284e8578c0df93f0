package org.hubprice.agents.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs and counts the products of one step correctly (timings are the bench command's job). */
class SacUpdateBenchmarkTest {
    @Test
    void countsTheProductsOfOneStepAndReportsPositiveTimes() {
        SacUpdateBenchmark.Result r = new SacUpdateBenchmark(List.of(8, 8), 16, 3, 1, Device.cpu()).run(1, 3, 2);
        // 3 layers: target phase 3 x 3, critic step 2 x (3 + 3 + 2), actor step 3 + 2 x (3 + 3) + 3 + 2
        assertEquals(9 + 16 + 20, r.gemmsPerUpdate());
        assertTrue(r.sacUpdateMicros() > 0 && r.sacGemmBoundMicros() > 0);
        assertEquals(r.sacUpdateMicros() / r.sacGemmBoundMicros(), r.sacRatio(), 1e-12);
        assertTrue(r.toMap().keySet().containsAll(List.of("sacUpdateMicros", "sacGemmBoundMicros", "sacRatio")));
    }

    @Test
    void rejectsEmptyRuns() {
        SacUpdateBenchmark b = new SacUpdateBenchmark(List.of(8), 16, 3, 1, Device.cpu());
        assertThrows(IllegalArgumentException.class, () -> b.run(0, 0, 1));
    }
}
