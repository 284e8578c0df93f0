package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.evaluation.compare.EvaluatedRun;
import org.hubprice.evaluation.compare.RunComparison;
import org.hubprice.evaluation.stats.WelchTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hubprice compare}: Table 1 style Welch t-tests across evaluated runs. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares evaluated runs (directories written by 'hubprice evaluate', or runs",
            "holding eval/) with Welch t-tests on the learned policies' average price and",
            "on the price gap between hubs, as in the paper's Table 1: every pair A, B",
            "(A listed first), two-sided and one-sided (mean A > mean B). Prints the",
            "statistic, the Welch-Satterthwaite degrees of freedom, the critical value at",
            "--alpha and the p-value.", ""},
        footer = {"", "Examples:",
            "  hubprice compare runs/sac-ff/eval runs/dqn-ff/eval",
            "  hubprice compare --group SAC=runs/sac1,runs/sac2 --group DQN=runs/dqn1,runs/dqn2"})
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Evaluation directories (or runs with eval/), each its own sample.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME=DIR,DIR,...", description = "Pool several evaluations into one sample (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--alternative", defaultValue = "two-sided,greater", split = ",", paramLabel = "two-sided,greater,less",
            description = "Alternatives to test (default ${DEFAULT-VALUE}).")
    List<String> alternatives;

    @Option(names = "--samples", defaultValue = "day", paramLabel = "day|hour",
            description = "One sample per day (means over hours) or per day and hour (default ${DEFAULT-VALUE}).")
    String samples;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EvaluatedRun.Unit unit = switch (samples.trim().toLowerCase(Locale.ROOT)) {
            case "day", "days" -> EvaluatedRun.Unit.DAY;
            case "hour", "hours" -> EvaluatedRun.Unit.HOUR;
            default -> throw new IllegalArgumentException("--samples = '" + samples + "' is not known; choose day or hour");
        };
        List<WelchTest.Alternative> alts = new ArrayList<>();
        for (String a : alternatives) {
            alts.add(alternative(a));
        }
        List<EvaluatedRun> runs = new ArrayList<>();
        for (Path d : dirs) {
            runs.add(EvaluatedRun.read(d, null, unit));
        }
        for (String g : groups) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new IllegalArgumentException("--group '" + g + "' is not NAME=DIR,DIR,...");
            }
            List<EvaluatedRun> members = new ArrayList<>();
            for (String p : g.substring(eq + 1).split(",")) {
                members.add(EvaluatedRun.read(Path.of(p.trim()), null, unit));
            }
            runs.add(EvaluatedRun.pool(g.substring(0, eq).trim(), members));
        }
        List<RunComparison.Row> rows = RunComparison.compare(runs, alts, alpha);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Map<String, Object>> samplesJson = new ArrayList<>();
            for (EvaluatedRun r : runs) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("label", r.label());
                s.put("directory", r.directory().toString());
                s.put("n", r.meanPrice().length);
                samplesJson.add(s);
            }
            m.put("samples", samplesJson);
            m.put("unit", unit.name().toLowerCase(Locale.ROOT));
            m.put("alpha", alpha);
            m.put("tests", rows.stream().map(RunComparison.Row::toMap).toList());
            w.println(new ObjectMapper().writeValueAsString(m));
        } else {
            w.printf(Locale.ROOT, "Welch t-tests, one sample per %s, alpha %.3g%n", unit == EvaluatedRun.Unit.DAY ? "day" : "day and hour", alpha);
            w.printf(Locale.ROOT, "%-14s %-16s %-3s %-16s %5s %5s %10s %10s %8s %7s %9s %10s%n", "quantity", "A", "", "B", "nA", "nB", "mean A",
                    "mean B", "t", "df", "critical", "p");
            for (RunComparison.Row r : rows) {
                String rel = r.alternative().symbol();
                if (r.test() == null) {
                    w.printf(Locale.ROOT, "%-14s %-16s %-3s %-16s  n/a: %s%n", r.quantity().text(), clip(r.a()), rel, clip(r.b()), r.note());
                    continue;
                }
                WelchTest t = r.test();
                w.printf(Locale.ROOT, "%-14s %-16s %-3s %-16s %5d %5d %10.3f %10.3f %8.3f %7.1f %9.3f %10.3g%s%n", r.quantity().text(), clip(r.a()),
                        rel, clip(r.b()), t.nA(), t.nB(), t.meanA(), t.meanB(), t.t(), t.df(), t.critical(), t.p(), t.rejected() ? " *" : "");
            }
            w.println("(* p < alpha; relation = the alternative hypothesis about mean A vs mean B; prices in $/MWh)");
        }
        w.flush();
        return 0;
    }

    private static String clip(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "…";
    }

    private static WelchTest.Alternative alternative(String a) {
        String s = a.trim().toLowerCase(Locale.ROOT);
        for (WelchTest.Alternative x : WelchTest.Alternative.values()) {
            if (x.id().equals(s)) {
                return x;
            }
        }
        throw new IllegalArgumentException("--alternative '" + a + "' is not known; choose two-sided, greater or less");
    }
}
