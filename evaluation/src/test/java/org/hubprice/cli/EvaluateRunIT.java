package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end: {@code hubprice train} writes a tiny run (DQN on hub 0, SAC on hub 1), then
 * {@code hubprice evaluate --run} evaluates its final checkpoints in this JVM and again in a
 * freshly started {@code java} process, with 1 and 2 threads: every number agrees.
 */
class EvaluateRunIT {
    @TempDir
    static Path dir;

    private static Path runDir;

    private static int run(List<String> args, StringWriter out, StringWriter err) {
        CommandLine cl = HubpriceCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args.toArray(String[]::new));
    }

    private static List<String> envSets(String prefix) {
        List<String> a = new ArrayList<>();
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add(prefix + o);
        }
        return a;
    }

    @BeforeAll
    static void train() {
        runDir = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--config", "demo", "--out", runDir.toString(), "--device", "cpu", "--quiet",
                "--set", "agents[0].agent=dqn", "--set", "agents[0].actions=discrete",
                "--set", "agents[0].params={network: ff, hidden: [32, 32], bufferCapacity: 5000}",
                "--set", "agents[1].actions=continuous",
                "--set", "agents[1].agent=sac", "--set", "agents[1].params={network: ff, hidden: [32, 32], bufferCapacity: 5000}",
                "--set", "stopping.maxEpisodes=8", "--set", "validation.every=4", "--set", "validation.days=2", "--set", "checkpoint.every=4",
                "--set", "progress.logEvery=4", "--set", "progress.plotEvery=4"));
        a.addAll(envSets("env."));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(a, out, err), err.toString());
        assertTrue(Files.isDirectory(runDir.resolve("checkpoints/final/agents/hub_0")), "the run has a final checkpoint");
    }

    private static List<String> evaluateArgs(Path out, int threads) {
        return new ArrayList<>(List.of("evaluate", "--run", runDir.toString(), "--replications", "3", "--bootstrap", "500", "--threads",
                Integer.toString(threads), "--out", out.toString(), "--json"));
    }

    /** The numbers of a summary: everything but the timing and the provenance (command line, output directory). */
    private static JsonNode numbers(String json) throws Exception {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(json);
        n.remove("timing");
        n.remove("provenance");
        n.remove("outputDir");
        return n;
    }

    @Test
    void aFreshJvmAndAnyThreadCountGiveTheSameNumbers() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(evaluateArgs(dir.resolve("eval-1"), 1), out, err), err.toString());
        JsonNode inProcess = numbers(out.toString());
        JsonNode policies = new ObjectMapper().readTree(out.toString()).get("provenance").get("policies");
        assertEquals("dqn", policies.get(0).get("agent").asText());
        assertEquals("sac", policies.get(1).get("agent").asText());
        assertTrue(policies.get(0).get("discreteActions").asBoolean(), "the DQN hub plays its 101 levels on the multiplier box");
        assertTrue(!policies.get(1).get("discreteActions").asBoolean());
        double median = inProcess.get("delta").get("median").asDouble();
        assertTrue(Double.isFinite(median), "Δ is defined: " + inProcess.get("delta"));
        assertTrue(Files.isRegularFile(dir.resolve("eval-1/report.html")));
        String report = Files.readString(dir.resolve("eval-1/report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("Learning curve"), "the report shows the run's learning curve");

        StringWriter out2 = new StringWriter();
        assertEquals(0, run(evaluateArgs(dir.resolve("eval-2"), 2), out2, new StringWriter()));
        assertEquals(inProcess, numbers(out2.toString()), "2 threads give the numbers of 1");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), HubpriceCli.class.getName()));
        cmd.addAll(evaluateArgs(dir.resolve("eval-3"), 2));
        Path log = dir.resolve("fresh-jvm.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(log.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the forked evaluation did not finish");
        assertEquals(0, p.exitValue(), Files.readString(log));
        assertEquals(inProcess, numbers(stdout.strip()), "a fresh JVM loads the checkpoints and gives the same numbers");
    }

    @Test
    void aCheckpointAgainstAnotherConfigurationIsRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of("evaluate", "--checkpoint", "all=" + runDir.resolve("checkpoints/final"), "--replications",
                "1", "--out", dir.resolve("eval-x").toString()));
        a.addAll(envSets(""));
        a.addAll(List.of("--set", "observation.clip=3"));
        assertEquals(2, run(a, out, err));
        assertTrue(err.toString().contains("observation space: checkpoint") || err.toString().contains("observation scaling"), err.toString());
    }
}
