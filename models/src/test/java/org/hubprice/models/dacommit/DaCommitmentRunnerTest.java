package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hubprice.models.milp.Solvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaCommitmentRunnerTest {
    @TempDir
    Path dir;

    @Test
    void solvesSummarisesAndSavesAtomically() throws Exception {
        DaCommitmentConfig cfg = DaCommitmentConfig.builder().optScenarios(3).optSeed(5).build();
        List<DayProfile> days = SyntheticDays.generate(20, 5);
        DaCommitmentRunner.Outcome o = new DaCommitmentRunner(cfg, Solvers.byName("scip")).run(days, "synthetic N=20 seed=5");
        Path out = dir.resolve("a/b");
        o.save(out);
        o.save(out); // a second save replaces the files
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("commitment.csv", "commitment.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files are left behind");
        }
        double[] c = o.result().commitment();
        assertArrayEquals(c, DaCommitmentRunner.loadCommitment(out.resolve("commitment.csv")));
        assertArrayEquals(c, DaCommitmentRunner.loadCommitment(out.resolve("commitment.json")));

        JsonNode j = new ObjectMapper().readTree(out.resolve("commitment.json").toFile());
        assertEquals(24, j.get("commitmentKwh").size());
        assertEquals(o.result().expectedObjective(), j.get("expectedObjective").asDouble());
        assertEquals("scip", j.get("solver").asText());
        assertEquals(3, j.get("k").asInt());
        assertEquals(5, j.get("seed").asLong());
        assertEquals(20, j.get("trainingDays").asInt());
        assertTrue(j.get("solveSeconds").asDouble() > 0);
        assertTrue(j.get("provenance").has("gitCommit"));
        assertEquals(0.8, j.get("config").get("psi").asDouble());

        String table = o.toTable();
        assertEquals(24 + 3, table.lines().count(), table);
        assertTrue(table.contains("expected objective"), table);
    }

    @Test
    void loadCommitmentRejectsBadFiles() throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "hour,commitment_kwh\n0,1\n1,x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DaCommitmentRunner.loadCommitment(csv)).getMessage()
                .contains("line 3, column commitment_kwh: 'x' is not a number"));
        Files.writeString(csv, "hour,commitment_kwh\n0,1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DaCommitmentRunner.loadCommitment(csv)).getMessage()
                .contains("has 1 commitment values; exactly 24 are required"));
        Path json = dir.resolve("c.json");
        Files.writeString(json, "{\"other\": 1}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DaCommitmentRunner.loadCommitment(json)).getMessage()
                .contains("no array 'commitmentKwh'"));
    }
}
