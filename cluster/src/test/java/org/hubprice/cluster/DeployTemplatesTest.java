package org.hubprice.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.cli.StudyTasks;
import org.junit.jupiter.api.Test;

/** The Slurm and Kubernetes templates call 'study task' once per task of the default paper study, and stop gracefully. */
class DeployTemplatesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void slurmArrayRunsOneTaskPerElementAndRequeues() throws Exception {
        String s = Files.readString(DEPLOY.resolve("slurm/study.sbatch"));
        int tasks = StudyTasks.indices(List.of("paper")).size();
        assertTrue(s.contains("--array=0-" + (tasks - 1)), "the usage line sizes the array for the " + tasks + " tasks");
        assertTrue(s.contains("#SBATCH --requeue") && s.contains("--signal=B:TERM"), "requeued, with SIGTERM before the time limit");
        assertTrue(s.contains("study task paper") && s.contains("--index \"${SLURM_ARRAY_TASK_ID"), s);
        assertTrue(s.contains("--store \"$HUBPRICE_STORE\""), s);
    }

    @Test
    void kubernetesIndexedJobHasOneCompletionPerTask() throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("kubernetes/study-job.yaml").toFile());
        assertEquals("Indexed", job.path("spec").path("completionMode").asText());
        assertEquals(StudyTasks.indices(List.of("paper")).size(), job.path("spec").path("completions").asInt());
        JsonNode c = job.path("spec").path("template").path("spec").path("containers").get(0);
        String cmd = c.path("args").get(0).asText();
        assertTrue(cmd.contains("study task paper") && cmd.contains("$JOB_COMPLETION_INDEX") && cmd.contains("--store /store"), cmd);
        assertEquals("/store", c.path("volumeMounts").get(0).path("mountPath").asText());
        assertTrue(job.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt() >= 60);
    }
}
