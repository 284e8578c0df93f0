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
import org.hubprice.common.Provenance;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.equilibrium.BestResponseAnalysis;
import org.hubprice.evaluation.equilibrium.BestResponseResult;
import org.hubprice.training.output.RunFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubprice best-response}: each hub's best response to its frozen rivals and the exploitability of the learned policies. */
@Command(name = "best-response", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds every other hub on its policy and searches, for each hub, deviations from",
            "its learned prices on the held-out days with the evaluation's common random",
            "numbers: the best constant multiplier (one for all days), the best hourly",
            "multipliers per day (they know each day's prices in advance), one schedule for",
            "every day, and the hub's own policy shifted by one offset per hour (fitted on",
            "each half of the days, scored on the other). Prints each hub's exploitability:",
            "a deviation's gain in %% of the learned profit, with a bootstrap 95%% interval",
            "over days, in sample and on fresh replications. Near 0 means the learned prices",
            "are mutual best responses among the deviations tried; a large gain by a",
            "deviation a policy could play means the outcome is not an equilibrium.", ""},
        footer = {"", "Examples:",
            "  hubprice best-response --run runs/demo",
            "  hubprice best-response --run runs/sac-ff --hub 1 --replications 50 --json"})
final class BestResponseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PolicyInputs inputs = new PolicyInputs();

    @CommandLine.Mixin
    ReplicationOptions draws = new ReplicationOptions();

    @Option(names = "--hub", paramLabel = "I", description = "Analyse hub I only (repeatable; default every hub).")
    List<Integer> hubs = new ArrayList<>();

    @Option(names = "--max-sweeps", defaultValue = "20", paramLabel = "N", description = "Most sweeps per search stage (default ${DEFAULT-VALUE}).")
    int maxSweeps;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default: RUN/best-response.json, else runs/best-response.json).")
    Path out;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TrainCommand.setThreads(1);
        Path file = out != null ? out : (inputs.run != null ? inputs.run.resolve("best-response.json") : Path.of("runs", "best-response.json"));
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--out " + file + " is a directory; give a file name, e.g. --out " + file.resolve("best-response.json"));
        }
        PolicyInputs.Resolved in = inputs.resolve(draws.seed);
        int h = in.policies().size();
        List<Integer> which = new ArrayList<>();
        if (hubs.isEmpty()) {
            for (int i = 0; i < h; i++) {
                which.add(i);
            }
        } else {
            which.addAll(hubs);
        }
        EvaluationOptions options = EvaluationOptions.builder().optReplications(draws.replications).optSeed(draws.seed)
                .optThreads(draws.threads()).optMaxSweeps(maxSweeps)
                .optBootstrapResamples(draws.bootstrap).optDeviation(null).optNash(false).build();
        BestResponseResult result = BestResponseAnalysis.run(in.scenarios(), in.policies(), which, options);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "hubprice best response");
        m.putAll(result.toMap());
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("project", Provenance.collect());
        prov.put("days", in.scenarios().describe());
        prov.put("options", options.toMap());
        List<String> argv = new ArrayList<>(List.of("hubprice"));
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        prov.put("command", argv);
        if (in.run() != null) {
            prov.put("run", in.run().directory().toAbsolutePath().normalize().toString());
            prov.put("checkpoint", inputs.which);
        }
        m.put("provenance", prov);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RunFiles.writeString(file, JSON.writeValueAsString(m) + "\n");
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            m.put("outputFile", file.toAbsolutePath().normalize().toString());
            w.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            print(w, result, in.scenarios().selected().length, file);
        }
        w.flush();
        return 0;
    }

    static void print(PrintWriter w, BestResponseResult r, int days, Path file) {
        w.printf(Locale.ROOT, "hubprice best-response: %d days, rivals frozen on their policies; gains in %% of the learned profit [95%% CI]%n",
                days);
        w.printf(Locale.ROOT, "%-6s %11s  %-40s %22s %22s%n", "hub", "learned $/d", "deviation", "in sample", "fresh draws");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hubs = (List<Map<String, Object>>) r.toMap().get("hubs");
        for (int j = 0; j < hubs.size(); j++) {
            Map<String, Object> h = hubs.get(j);
            Map<?, ?> c = (Map<?, ?>) h.get("constant");
            Map<?, ?> p = (Map<?, ?>) h.get("profile");
            Map<?, ?> sch = (Map<?, ?>) h.get("schedule");
            Map<?, ?> o = (Map<?, ?>) h.get("outOfSample");
            Map<?, ?> sh = (Map<?, ?>) h.get("shiftedPolicy");
            String learned = String.format(Locale.ROOT, "%11.2f", r.learnedProfit(j));
            String blank = " ".repeat(11);
            row(w, h.get("hub"), learned, String.format(Locale.ROOT, "best constant %.2f", r.constantMultiplier(j)), gain(c),
                    gain(o.get("constantExploitabilityPercent"), null));
            row(w, "", blank, "hourly per day (knows the day's prices)", gain(p),
                    gain(o.get("profileExploitabilityPercent"), o.get("profileCi95")));
            row(w, "", blank, "one schedule for every day", gain(sch), gain(o.get("scheduleExploitabilityPercent"), o.get("scheduleCi95")));
            if (sh != null) {
                List<?> fits = (List<?>) sh.get("fits");
                String inSample = String.format(Locale.ROOT, "%s / %s (fits)", fmt(((Map<?, ?>) fits.get(0)).get("inSampleExploitabilityPercent")),
                        fmt(((Map<?, ?>) fits.get(1)).get("inSampleExploitabilityPercent")));
                row(w, "", blank, "own policy shifted per hour (cross-fit)", inSample,
                        gain(sh.get("crossFittedExploitabilityPercent"), sh.get("crossFittedCi95")));
            } else {
                // fitted on one half of the days and scored on the other, it needs two days at least
                row(w, "", blank, "own policy shifted per hour", "n/a", "n/a (give --days with 2+)");
            }
        }
        w.printf(Locale.ROOT, "wrote %s%n", file);
    }

    private static void row(PrintWriter w, Object hub, String learned, String deviation, String inSample, String fresh) {
        w.printf(Locale.ROOT, "%-6s %s  %-40s %22s %22s%n", hub, learned, deviation, inSample, fresh);
    }

    private static String gain(Map<?, ?> m) {
        return gain(m.get("exploitabilityPercent"), m.get("ci95"));
    }

    private static String gain(Object percent, Object ci95) {
        if (ci95 == null) {
            return fmt(percent);
        }
        List<?> ci = (List<?>) ci95;
        return String.format(Locale.ROOT, "%s [%s, %s]", fmt(percent), fmt(ci.get(0)), fmt(ci.get(1)));
    }

    private static String fmt(Object v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue());
    }
}
