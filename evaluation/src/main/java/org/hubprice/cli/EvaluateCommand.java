package org.hubprice.cli;

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
import org.hubprice.evaluation.DeviationSpec;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.Evaluator;
import org.hubprice.evaluation.MonopolySearch;
import org.hubprice.evaluation.NashSummary;
import org.hubprice.evaluation.RunDirectory;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.equilibrium.BestResponseAnalysis;
import org.hubprice.evaluation.policy.HubPolicy;
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
            "by the monopoly schedule (pi^M: the common hourly multipliers maximising",
            "joint profit, searched on the price grid) and by the stage-game Nash path",
            "(pi^N: each hour's one-shot equilibrium), plus a one-hour deviation test",
            "(the most profitable undercut) and, with --best-response, each hub's best",
            "response to its frozen rivals. Prints Delta = (pi - pi^C) / (pi^M - pi^C) and",
            "Delta^N = (pi - pi^N) / (pi^M - pi^N) and writes",
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

    @CommandLine.Mixin
    PolicyInputs inputs = new PolicyInputs();

    @CommandLine.Mixin
    ReplicationOptions draws = new ReplicationOptions();

    @Option(names = "--monopoly-search", defaultValue = "auto", paramLabel = "auto|pattern|exhaustive",
            description = "How π^M searches each hour's multiplier (default ${DEFAULT-VALUE}: pattern search, exact without absolute-price "
                    + "balking; exhaustive with it).")
    String monopolySearch;

    @Option(names = "--deviation-hub", defaultValue = "0", paramLabel = "I", description = "Hub forced to deviate (default ${DEFAULT-VALUE}).")
    int deviationHub;

    @Option(names = "--deviation-hour", defaultValue = "12", paramLabel = "H", description = "Hour of the deviation (default ${DEFAULT-VALUE}).")
    int deviationHour;

    @Option(names = "--deviation-multiplier", paramLabel = "A", description = "Forced multiplier (default: searched, the most profitable one-shot undercut).")
    Double deviationMultiplier;

    @Option(names = "--no-deviation", description = "Skip the deviation test.")
    boolean noDeviation;

    @Option(names = "--best-response", description = "Also search each hub's best response to its frozen rivals (exploitability; see "
            + "'hubprice best-response'); results in summary.json (bestResponse) and the report.")
    boolean bestResponse;

    @Option(names = "--no-nash", description = "Skip the stage-game Nash benchmark (pi^N, Delta^N).")
    boolean noNash;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: RUN/eval with --run, else runs/eval).")
    Path out;

    @Option(names = "--json", description = "Print summary.json (with the output directory) as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // Days run in parallel, one worker thread each; PyTorch's own threads would only compete
        // for the same cores (and a fixed count keeps the arithmetic the same on every machine).
        TrainCommand.setThreads(1);
        Path dir = out != null ? out : (inputs.run != null ? inputs.run.resolve("eval") : Path.of("runs", "eval"));
        ResultFiles.checkTarget(dir);
        PolicyInputs.Resolved in = inputs.resolve(draws.seed);
        RunDirectory r = in.run();
        Scenarios scenarios = in.scenarios();
        List<HubPolicy> hubPolicies = in.policies();
        EvaluationOptions options = EvaluationOptions.builder().optReplications(draws.replications).optSeed(draws.seed)
                .optThreads(draws.threads())
                .optMonopolySearch(MonopolySearch.Mode.of(monopolySearch))
                .optDeviation(noDeviation ? null : new DeviationSpec(deviationHub, deviationHour,
                        deviationMultiplier == null ? Double.NaN : deviationMultiplier))
                .optBootstrapResamples(draws.bootstrap).optNash(!noNash).build();
        EvaluationResult result = Evaluator.evaluate(scenarios, hubPolicies, options);
        if (bestResponse) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < hubPolicies.size(); i++) {
                all.add(i);
            }
            result.addSection("bestResponse", BestResponseAnalysis.run(scenarios, hubPolicies, all, options).toMap());
        }
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
            result.addProvenance("checkpoint", inputs.which);
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
        Map<String, Object> nash = NashSummary.of(r);
        if (nash != null) {
            Map<?, ?> dn = (Map<?, ?>) nash.get("deltaNash");
            List<?> ci95 = (List<?>) dn.get("ci95");
            w.printf(Locale.ROOT, "against the stage-game Nash benchmark: Δ^N median %s  [CI %s, %s]; π^N %.2f $/day; %s of %s hours mixed%n",
                    fmt(dn.get("median")), fmt(ci95.get(0)), fmt(ci95.get(1)), ((Number) nash.get("profitMeanPerDay")).doubleValue(),
                    nash.get("mixedHours"), nash.get("hoursTotal"));
        }
        w.printf(Locale.ROOT, "average markup (price / unit cost): %.3f%n", r.meanMarkup(-1));
        for (int i = 0; i < r.hubs(); i++) {
            w.printf(Locale.ROOT, "  %s: mean price %.2f $/MWh, markup %.3f%n", r.agents().get(i), r.meanPrice(i), r.meanMarkup(i));
        }
        if (r.section("bestResponse") instanceof Map<?, ?> br) {
            for (Object o : (List<?>) br.get("hubs")) {
                Map<?, ?> h = (Map<?, ?>) o;
                Map<?, ?> p = (Map<?, ?>) h.get("profile");
                List<?> pci = (List<?>) p.get("ci95");
                w.printf(Locale.ROOT, "  %s exploitability: best constant %s gains %s %%, hourly best response %s %% [CI %s, %s]%n", h.get("hub"),
                        fmt(((Map<?, ?>) h.get("constant")).get("multiplier")), fmt(((Map<?, ?>) h.get("constant")).get("exploitabilityPercent")),
                        fmt(p.get("exploitabilityPercent")), fmt(pci.get(0)), fmt(pci.get(1)));
            }
        }
        Object wall = r.timing().get("wallSeconds");
        w.printf(Locale.ROOT, "%nwall time %.1f s on %s threads; wrote %s (summary.json, days.csv, hours.csv, %sreport.html)%n",
                ((Number) wall).doubleValue(), r.timing().get("threads"), dir, r.deviation() != null ? "deviation.csv, " : "");
    }

    private static String fmt(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "n/a";
    }
}
