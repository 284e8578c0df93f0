package org.hubprice.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.hubprice.cli.StudyTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny study (4 tasks of 200 episodes) through the Spark driver on {@code local[2,3]} (two task slots, up to
 * three attempts per task), with task 0 made to fail once in the episode after its first
 * checkpoint: Spark retries it, the retry resumes from that checkpoint, and every summary equals
 * the one the same task gives when run by itself with {@code study task}, apart from the fields
 * that measure time and the machine.
 */
class SparkStudyIT {
    @TempDir
    Path tmp;

    private static final List<String> PLAN = List.of("paper", "--cells", "sac-ff_sac-ff,dqn-ff_dqn-ff", "--seeds", "2", "--episodes", "200",
            "--replications", "1");

    /** A summary without what depends on when and where it ran. */
    private static JsonNode comparable(Path f) throws Exception {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(f.toFile());
        n.remove(List.of("trainingSeconds", "secondsPer1000Episodes", "coreSeconds", "coreSecondsPer1000Episodes", "machine"));
        return n;
    }

    @Test
    void retriedTaskResumesAndSummariesEqualTasksRunOneByOne() throws Exception {
        Path spark = tmp.resolve("spark");
        String[] args = new String[PLAN.size() + 2];
        for (int i = 0; i < PLAN.size(); i++) {
            args[i] = PLAN.get(i);
        }
        args[PLAN.size()] = "--store";
        args[PLAN.size() + 1] = spark.toString();
        System.setProperty("hubprice.study.failOnce", "0");
        int failed;
        try {
            SparkConf conf = new SparkConf().setMaster("local[2,3]").setAppName("hubprice-test").set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            failed = SparkStudy.run(conf, SparkStudy.Request.parse(args));
        } finally {
            System.clearProperty("hubprice.study.failOnce");
        }
        assertEquals(0, failed, "every task finished after Spark's retries");
        assertTrue(Files.exists(spark.resolve(".failed-once-0")), "task 0 failed once");
        JsonNode run = new ObjectMapper().readTree(spark.resolve("runs/sac-ff_sac-ff/seed-1/run.json").toFile());
        assertEquals(2, run.path("sessions").size(), "the retry is a second session of the same run");
        assertEquals(10, run.path("sessions").get(1).path("episodesAtStart").asLong(), "resumed from the checkpoint at episode 10 (every 5 % of 200)");
        assertEquals("checkpoints/last", run.path("sessions").get(1).path("resumedFrom").asText());

        Path alone = tmp.resolve("alone");
        for (int i = 0; i < 4; i++) {
            List<String> a = new java.util.ArrayList<>(PLAN);
            a.addAll(List.of("--index", Integer.toString(i), "--store", alone.toString()));
            StudyTasks.run(a);
        }
        for (String key : List.of("sac-ff_sac-ff/seed-1", "sac-ff_sac-ff/seed-2", "dqn-ff_dqn-ff/seed-1", "dqn-ff_dqn-ff/seed-2")) {
            assertEquals(comparable(alone.resolve("results/" + key + ".json")), comparable(spark.resolve("results/" + key + ".json")), key);
        }
        assertTrue(Files.notExists(spark.resolve("locks/sac-ff_sac-ff_seed-1.lock")), "locks released");
    }

    @Test
    void badDriverArgumentsAreRefusedByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparkStudy.Request.parse(new String[] {"paper"}));
        assertTrue(e.getMessage().contains("--store"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparkStudy.Request.parse(new String[] {"paper", "--store", "/tmp/x", "--threads-per-task", "zero"}));
        assertTrue(e.getMessage().contains("'zero'"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparkStudy.Request.parse(new String[] {"--store", "/tmp/x"}));
        assertTrue(e.getMessage().contains("NAME"), e.getMessage());
    }
}
