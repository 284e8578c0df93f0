package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.ObservationNormalizer;
import org.hubprice.evaluation.DeviationSpec;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.Evaluator;
import org.hubprice.evaluation.MonopolySearch;
import org.hubprice.evaluation.RunDirectory;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.CheckpointPolicy;
import org.hubprice.evaluation.policy.HubPolicy;
import org.hubprice.evaluation.policy.PolicySpecs;
import org.hubprice.evaluation.report.ResultFiles;
import org.hubprice.evaluation.stats.Summary;
import org.hubprice.training.output.RunFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubprice evaluate}: held-out evaluation with the competitive and monopoly benchmarks. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates pricing policies on held-out days. Every day is played with",
            "--replications demand draws (common random numbers: the same EVs for every",
            "policy and benchmark) by the policies, by every hub at marginal cost (pi^C),",
            "and by the monopoly schedule (pi^M: the common hourly multipliers maximising",
            "joint profit, searched on the price grid), plus a one-hour deviation test.",
            "Prints the collusion index Delta = (pi - pi^C) / (pi^M - pi^C) and writes",
            "summary.json, days.csv, hours.csv, deviation.csv and report.html into --out.", ""},
        footer = {"", "Examples:",
            "  hubprice evaluate --run runs/demo",
            "  hubprice evaluate --checkpoint hub_0=runs/a/checkpoints/final \\",
            "                    --checkpoint hub_1=runs/b/checkpoints/final --config env.yaml",
            "  hubprice evaluate --policy all=fixed-markup:1.5 --days all --replications 5",
            "", "Scenario file (--days FILE.csv): a header date,da_0,...,da_23,rt_0,...,rt_23",
            "and one row per day (ISO date, 24 day-ahead and 24 real-time prices, $/MWh)."})
final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", description = "A training run: its configuration and its checkpoints (see --which).")
    Path run;

    @Option(names = "--which", defaultValue = "final", paramLabel = "final|best|last",
            description = "Which checkpoint of --run (default ${DEFAULT-VALUE}).")
    String which;

    @Option(names = "--checkpoint", paramLabel = "HUB=PATH",
            description = "A hub's checkpoint: an agent checkpoint directory or a run's checkpoints/NAME (repeatable; HUB may be 'all').")
    List<String> checkpoints = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "HUB=SPEC",
            description = "A fixed policy for a hub: NAME, NAME:MULTIPLIER or NAME:key=value,... e.g. hub_0=fixed-markup:1.5, all=cap "
                    + "(repeatable; replaces that hub's checkpoint from --run).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Environment YAML (not with --run, which brings its own).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override an environment key, e.g. demand.demandMultiplier=1.5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--days", defaultValue = "test", paramLabel = "test|train|all|FILE",
            description = "Days to evaluate (default ${DEFAULT-VALUE}: the held-out days): a scenario CSV or a PJM pair DA.csv,RT.csv.")
    String days;

    @Option(names = "--replications", defaultValue = "20", paramLabel = "N", description = "Demand draws per day (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--seed", defaultValue = "0", description = "Root seed of the replications and the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core); results do not depend on it.")
    Integer threads;

    @Option(names = "--monopoly-search", defaultValue = "auto", paramLabel = "auto|pattern|exhaustive",
            description = "How π^M searches each hour's multiplier (default ${DEFAULT-VALUE}: pattern search, exact without absolute-price "
                    + "balking; exhaustive with it).")
    String monopolySearch;

    @Option(names = "--deviation-hub", defaultValue = "0", paramLabel = "I", description = "Hub forced to deviate (default ${DEFAULT-VALUE}).")
    int deviationHub;

    @Option(names = "--deviation-hour", defaultValue = "12", paramLabel = "H", description = "Hour of the deviation (default ${DEFAULT-VALUE}).")
    int deviationHour;

    @Option(names = "--deviation-multiplier", paramLabel = "A", description = "Forced multiplier (default: the lowest, marginal cost).")
    Double deviationMultiplier;

    @Option(names = "--no-deviation", description = "Skip the deviation test.")
    boolean noDeviation;

    @Option(names = "--bootstrap", defaultValue = "10000", paramLabel = "N", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto", description = "Where networks run (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: RUN/eval with --run, else runs/eval).")
    Path out;

    @Option(names = "--json", description = "Print summary.json (with the output directory) as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // Days run in parallel, one worker thread each; PyTorch's own threads would only compete
        // for the same cores (and a fixed count keeps the arithmetic the same on every machine).
        TrainCommand.setThreads(1);
        RunDirectory r = null;
        EnvConfig env;
        if (run != null) {
            if (config != null) {
                throw new IllegalArgumentException("--config and --run both give the environment; --run uses the run's own configuration. "
                        + "Maybe drop --config (use --set to change single keys)");
            }
            r = RunDirectory.open(run);
            env = r.envConfig(overrides);
        } else {
            if (checkpoints.isEmpty() && policies.isEmpty()) {
                throw new IllegalArgumentException("nothing to evaluate: give --run DIR, or --checkpoint HUB=PATH / --policy HUB=SPEC for every hub");
            }
            env = config != null ? EnvConfig.load(config, overrides) : EnvConfig.defaults().withOverrides(overrides);
        }
        Path dir = out != null ? out : (run != null ? run.resolve("eval") : Path.of("runs", "eval"));
        ResultFiles.checkTarget(dir);
        Scenarios scenarios = Scenarios.of(env, days, null);
        HubPricingEnv probe = scenarios.newEnvironment();
        List<String> agents = probe.possibleAgents();
        List<String> cps = new ArrayList<>(checkpoints);
        if (r != null) {
            Path cp = r.checkpoint(which);
            List<String> given = new ArrayList<>();
            for (String e : policies) {
                given.add(e.substring(0, Math.max(0, e.indexOf('='))).trim());
            }
            for (String e : checkpoints) {
                given.add(e.substring(0, Math.max(0, e.indexOf('='))).trim());
            }
            for (String a : agents) {
                if (!given.contains(a) && !given.contains("all")) {
                    cps.add(a + "=" + cp);
                }
            }
        }
        AgentRegistry registry = AgentRegistry.load();
        List<HubPolicy> hubPolicies = PolicySpecs.parse(agents, cps, policies, registry, seed, device);
        for (HubPolicy p : hubPolicies) {
            if (p instanceof CheckpointPolicy c) {
                checkScaling(c, scenarios.normalizer());
            }
        }
        EvaluationOptions options = EvaluationOptions.builder().optReplications(replications).optSeed(seed)
                .optThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .optMonopolySearch(MonopolySearch.Mode.of(monopolySearch))
                .optDeviation(noDeviation ? null : new DeviationSpec(deviationHub, deviationHour,
                        deviationMultiplier == null ? Double.NaN : deviationMultiplier))
                .optBootstrapResamples(bootstrap).build();
        EvaluationResult result = Evaluator.evaluate(scenarios, hubPolicies, options);
        List<String> argv = new ArrayList<>(List.of("hubprice"));
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        result.addProvenance("command", argv);
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("pytorchThreads", System.getProperty("ai.djl.pytorch.num_threads"));
        runtime.put("pytorchInteropThreads", System.getProperty("ai.djl.pytorch.num_interop_threads"));
        runtime.put("cores", Runtime.getRuntime().availableProcessors());
        result.addProvenance("runtime", runtime);
        if (r != null) {
            result.addProvenance("run", r.directory().toAbsolutePath().normalize().toString());
            result.addProvenance("checkpoint", which);
        }
        Path scratch = Files.createTempDirectory("hubprice-eval-");
        try {
            Path curve = r != null ? r.learningCurve(scratch) : null;
            ResultFiles.write(dir, result, curve);
        } finally {
            RunFiles.deleteRecursively(scratch);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outputDir", dir.toAbsolutePath().normalize().toString());
            m.putAll(result.summary());
            w.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            print(w, result, dir);
        }
        w.flush();
        return 0;
    }

    /**
     * A checkpoint inside a training checkpoint ({@code checkpoints/NAME/agents/hub_i}) records
     * the observation scaling it was trained with; evaluating it on another scale would feed it
     * observations it never saw, so that is an error.
     */
    private static void checkScaling(CheckpointPolicy c, ObservationNormalizer now) throws java.io.IOException {
        Path agentsDir = c.directory().toAbsolutePath().normalize().getParent();
        if (agentsDir == null || agentsDir.getParent() == null) {
            return;
        }
        Path info = agentsDir.getParent().resolve("checkpoint.json");
        if (!Files.isRegularFile(info)) {
            return;
        }
        org.hubprice.agents.checkpoint.CheckpointDigests.verify(info.getParent());
        JsonNode n = org.hubprice.agents.checkpoint.Checkpoints.readJson(info, JsonNode.class).path("environment").path("observationNormalizer");
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        ObservationNormalizer saved = JSON.treeToValue(n, ObservationNormalizer.class);
        if (!saved.equals(now)) {
            throw new IllegalArgumentException("checkpoint " + c.directory() + " was trained with observation scaling " + saved
                    + " but this environment configuration gives " + now + ". Maybe evaluate with --run (the run's configuration) or the "
                    + "--config it was trained with");
        }
    }

    private static void print(PrintWriter w, EvaluationResult r, Path dir) {
        Summary d = r.deltaSummary();
        double[] ci = r.deltaMedianInterval();
        Summary learned = Summary.of(r.dailyProfit(0));
        Summary comp = Summary.of(r.dailyProfit(1));
        Summary mono = Summary.of(r.dailyProfit(2));
        w.printf(Locale.ROOT, "hubprice evaluate: %d days x %d replications, %d hubs%n", r.days().size(), r.options().replications(), r.hubs());
        for (Map<String, Object> p : r.policies()) {
            w.printf(Locale.ROOT, "  %-6s %s%n", p.get("hub"), p.get("label"));
        }
        w.printf(Locale.ROOT, "%ncollusion index Δ: median %.3f  [%.0f%% CI %.3f, %.3f]  mean %.3f  IQR %.3f-%.3f  (%d days%s)%n", d.median(),
                100 * r.options().confidence(), ci[0], ci[1], d.mean(), d.q1(), d.q3(), d.n(),
                d.n() < r.days().size() ? ", " + (r.days().size() - d.n()) + " undefined" : "");
        w.printf(Locale.ROOT, "daily joint profit ($): learned %.2f, competitive %.2f, monopoly %.2f (means over days)%n", learned.mean(),
                comp.mean(), mono.mean());
        w.printf(Locale.ROOT, "average markup (price / unit cost): %.3f%n", r.meanMarkup(-1));
        for (int i = 0; i < r.hubs(); i++) {
            w.printf(Locale.ROOT, "  %s: mean price %.2f $/MWh, markup %.3f%n", r.agents().get(i), r.meanPrice(i), r.meanMarkup(i));
        }
        Object wall = r.timing().get("wallSeconds");
        w.printf(Locale.ROOT, "%nwall time %.1f s on %s threads; wrote %s (summary.json, days.csv, hours.csv, %sreport.html)%n",
                ((Number) wall).doubleValue(), r.timing().get("threads"), dir, r.deviation() != null ? "deviation.csv, " : "");
    }
}
