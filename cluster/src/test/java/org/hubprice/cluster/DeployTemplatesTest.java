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

/**
 * The Slurm and Kubernetes templates call 'study task' once per task of the default paper study
 * and stop gracefully; their commands, run with the schedulers' index variables set and a
 * stand-in {@code java} that records its arguments, call {@code study task} with that index and
 * the store.
 */
class DeployTemplatesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** A directory holding a {@code java} that writes its arguments, one per line, to {@code args.txt}. */
    private Path fakeJava() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > " + tmp.resolve("args.txt") + "\n");
        java.toFile().setExecutable(true);
        return bin;
    }

    private List<String> run(ProcessBuilder pb, Path bin) throws Exception {
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return Files.readAllLines(tmp.resolve("args.txt"));
    }

    @Test
    void slurmCommandRunsTheArrayElementsTask() throws Exception {
        Path bin = fakeJava();
        ProcessBuilder pb = new ProcessBuilder("bash", DEPLOY.resolve("slurm/study.sbatch").toString());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "7");
        pb.environment().put("HUBPRICE_HOME", "/opt/hubprice");
        pb.environment().put("HUBPRICE_STORE", "/shared/study");
        pb.environment().put("HUBPRICE_STUDY_OPTS", "--episodes 5000");
        List<String> args = run(pb, bin);
        int i = args.indexOf("task");
        assertEquals(List.of("-jar", "/opt/hubprice/evaluation/target/hubprice.jar", "study", "task", "paper", "--episodes", "5000", "--index",
                "7", "--store", "/shared/study"), args.subList(args.indexOf("-jar"), args.size()), args.toString());
        assertTrue(i > 0);
    }

    @Test
    void kubernetesCommandRunsTheCompletionIndexsTask() throws Exception {
        Path bin = fakeJava();
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("kubernetes/study-job.yaml").toFile());
        JsonNode c = job.path("spec").path("template").path("spec").path("containers").get(0);
        // Kubernetes substitutes $(VAR) from the container's env before the shell sees the command
        String cmd = c.path("args").get(0).asText().replace("$(STUDY_OPTS)", "--episodes 5000");
        ProcessBuilder pb = new ProcessBuilder(c.path("command").get(0).asText(), c.path("command").get(1).asText(), cmd);
        pb.environment().put("JOB_COMPLETION_INDEX", "12");
        List<String> args = run(pb, bin);
        assertEquals(List.of("-jar", "/opt/hubprice/evaluation/target/hubprice.jar", "study", "task", "paper", "--episodes", "5000", "--index",
                "12", "--store", "/store"), args.subList(args.indexOf("-jar"), args.size()), args.toString());
    }

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
