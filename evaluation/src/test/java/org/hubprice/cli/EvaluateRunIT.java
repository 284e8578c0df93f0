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

    /**
     * Best responses of a trained DQN × SAC run: every hub gets a best constant, an hourly profile
     * that is never worse, and an exploitability with its interval; the same analysis inside
     * {@code evaluate --best-response} lands in summary.json and the report.
     */
    @Test
    void bestResponsesOfATrainedRun() throws Exception {
        Path file = dir.resolve("br.json");
        CliRun r = CliRun.of("best-response", "--run", runDir.toString(), "--replications", "2", "--bootstrap", "500", "--out", file.toString(),
                "--json");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode j = r.json();
        assertEquals(2, j.get("hubs").size());
        for (JsonNode h : j.get("hubs")) {
            double learned = h.get("learnedProfitPerDay").asDouble();
            double constant = h.get("constant").get("profitPerDay").asDouble();
            double profile = h.get("profile").get("profitPerDay").asDouble();
            assertTrue(profile >= constant - 1e-9, "profile " + profile + " vs constant " + constant);
            assertTrue(profile >= learned - 1e-9, "profile " + profile + " vs learned " + learned + " (it starts from the learned prices)");
            assertEquals(24, h.get("perHour").size());
            assertTrue(h.get("profile").get("exploitabilityPercent").isNumber());
            assertEquals(2, h.get("profile").get("ci95").size());
        }
        assertTrue(Files.isRegularFile(file));

        Path eval = dir.resolve("eval-br");
        CliRun e = CliRun.of("evaluate", "--run", runDir.toString(), "--replications", "2", "--bootstrap", "500", "--best-response", "--out",
                eval.toString(), "--json");
        assertEquals(0, e.exitCode, e.toString());
        JsonNode br = e.json().get("bestResponse");
        assertEquals(j.get("hubs").get(0).get("profile").get("profitPerDay").asDouble(), br.get("hubs").get(0).get("profile").get("profitPerDay")
                .asDouble(), 0.0, "the command and the evaluate option give the same numbers");
        String report = Files.readString(eval.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("Is it collusion?") && report.contains("best response prices"), "the report's section");
        double fresh = 0;
        double playable = Double.NEGATIVE_INFINITY;
        for (JsonNode h : br.get("hubs")) {
            JsonNode oos = h.get("outOfSample");
            fresh = Math.max(fresh, oos.get("profileExploitabilityPercent").asDouble());
            playable = Math.max(playable, Math.max(oos.get("scheduleExploitabilityPercent").asDouble(),
                    oos.get("constantExploitabilityPercent").asDouble()));
            playable = Math.max(playable, h.get("shiftedPolicy").get("crossFittedExploitabilityPercent").asDouble());
            assertEquals(2, h.get("shiftedPolicy").get("fits").size(), "fitted on each half of the days");
        }
        String gain = String.format(java.util.Locale.ROOT, "%.1f %%", fresh);
        String play = String.format(java.util.Locale.ROOT, "%.1f %%", playable);
        // the one verdict the figures call for: a playable deviation above 5 % first, then the per-day profile alone
        String expected = playable > 5 ? "Not an equilibrium: a deviation that a policy could play (its own policy shifted per hour, one"
                + " schedule for every day, or a constant) gains a hub up to " + play + " on fresh draws against the frozen rivals (the per-day"
                + " best response, which knows each day's prices, up to " + gain + ", on fresh draws)"
                : fresh > 5 ? "No equilibrium shown: only the per-day best response, which knows each day's prices in advance, gains a hub more"
                + " than the tolerance (up to " + gain + ", on fresh draws); the deviations a policy could play gain at most " + play
                : "Close to an equilibrium: no hub gains more than " + String.format(java.util.Locale.ROOT, "%.1f %%", Math.max(fresh, playable))
                + " (on fresh draws)";
        assertTrue(report.contains(expected), "the verdict judges the deviations on fresh draws: playable " + play + ", per-day " + gain
                + "; expected: " + expected);
    }

    @Test
    void bestResponseRefusesBadInputByName() throws Exception {
        CliRun hub = CliRun.of("best-response", "--run", runDir.toString(), "--hub", "2", "--replications", "1", "--out",
                dir.resolve("x.json").toString());
        assertEquals(2, hub.exitCode, hub.toString());
        assertTrue(hub.err.contains("--hub 2 is out of range") && hub.err.contains("0..1"), hub.err);
        assertTrue(!hub.err.contains("\tat "), "no stack trace: " + hub.err);

        Path bare = dir.resolve("no-checkpoints");
        Files.createDirectories(bare);
        Files.copy(runDir.resolve("config.yaml"), bare.resolve("config.yaml"));
        CliRun none = CliRun.of("best-response", "--run", bare.toString(), "--replications", "1");
        assertEquals(2, none.exitCode, none.toString());
        assertTrue(none.err.contains("has no checkpoints/final") && none.err.contains("(it has none)"), none.err);

        CliRun grid = CliRun.of("best-response", "--run", runDir.toString(), "--set", "pricing.discreteLevels=1", "--replications", "1");
        assertEquals(2, grid.exitCode, grid.toString());
        assertTrue(grid.err.contains("pricing.discreteLevels"), grid.err);
        assertTrue(!Files.exists(runDir.resolve("best-response.json")), "nothing written on bad input");
    }
}
