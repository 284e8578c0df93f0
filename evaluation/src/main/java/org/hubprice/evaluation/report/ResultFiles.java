package org.hubprice.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.DayPath;
import org.hubprice.evaluation.DayResult;
import org.hubprice.evaluation.DeviationReport;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.training.output.RunFiles;

/**
 * Writes an evaluation directory: {@code summary.json}, {@code days.csv} (one row per day),
 * {@code hours.csv} (one row per day, hour, profile and hub), {@code deviation.csv} (the
 * deviation test, means over days) and {@code report.html}. The directory is filled under a
 * temporary name and renamed into place ({@link RunFiles#writeDirectory}); an existing
 * directory is replaced only if it is empty or an earlier evaluation (it holds
 * {@code summary.json}), so a mistyped {@code --out} cannot delete unrelated files.
 */
public final class ResultFiles {
    /** File names inside the evaluation directory. */
    public static final String SUMMARY = "summary.json";
    public static final String DAYS = "days.csv";
    public static final String HOURS = "hours.csv";
    public static final String DEVIATION = "deviation.csv";
    public static final String REPORT = "report.html";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] PROFILES = {"learned", "competitive", "monopoly", "deviation", "nash"};

    private ResultFiles() {}

    /**
     * Writes {@code result} into {@code dir}.
     *
     * @param learningCurvePng the run's learning curve for the report, or null
     * @throws IllegalArgumentException when {@code dir} exists, is not empty and is not an evaluation directory
     */
    public static void write(Path dir, EvaluationResult result, Path learningCurvePng) throws IOException {
        checkTarget(dir);
        Map<String, Object> summary = result.summary();
        String report = HtmlReport.render(result, learningCurvePng);
        RunFiles.writeDirectory(dir, tmp -> {
            JSON.writeValue(tmp.resolve(SUMMARY).toFile(), summary);
            writeDays(tmp.resolve(DAYS), result);
            writeHours(tmp.resolve(HOURS), result);
            if (result.deviation() != null) {
                writeDeviation(tmp.resolve(DEVIATION), result);
            }
            Files.writeString(tmp.resolve(REPORT), report, StandardCharsets.UTF_8);
        });
    }

    /**
     * Checks that {@code dir} may receive an evaluation (absent, empty, or an earlier
     * evaluation), so that a command can refuse before it spends time evaluating.
     */
    public static void checkTarget(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Path p = dir.toAbsolutePath().normalize().getParent();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            if (p == null || !Files.isDirectory(p)) {
                throw new IllegalArgumentException("--out " + dir + " cannot be created: " + (p == null ? "no existing parent directory"
                        : p + " is not a directory") + ". Maybe another --out");
            }
            org.hubprice.training.output.RunFiles.probeCreatable(dir, p);
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; give a directory for the evaluation");
        }
        if (Files.isRegularFile(dir.resolve(SUMMARY))) {
            return;
        }
        try (var s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new IllegalArgumentException("--out " + dir + " exists, is not empty and holds no " + SUMMARY
                        + "; refusing to replace it. Maybe --out " + dir.resolve("eval"));
            }
        }
    }

    /** The header of {@code days.csv} for {@code hubs} hubs. */
    public static List<String> daysHeader(List<String> agents) {
        List<String> h = new ArrayList<>(List.of("date", "day_index", "delta", "profit_learned", "profit_competitive", "profit_monopoly"));
        for (String prefix : List.of("profit_learned_", "mean_price_", "mean_multiplier_", "markup_")) {
            for (String a : agents) {
                h.add(prefix + a);
            }
        }
        h.addAll(List.of("mean_price", "price_gap", "served_learned", "balked_learned", "lost_learned", "served_competitive",
                "balked_competitive", "served_monopoly", "balked_monopoly", "monopoly_mean_multiplier", "monopoly_evaluations",
                "delta_nash", "profit_nash", "nash_mixed_hours"));
        return h;
    }

    private static void writeDays(Path file, EvaluationResult r) throws IOException {
        int h = r.hubs();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", daysHeader(r.agents())));
            w.write('\n');
            for (DayResult d : r.days()) {
                DayPath l = d.learned();
                List<String> c = new ArrayList<>();
                c.add(d.date().toString());
                c.add(Integer.toString(d.dayIndex()));
                c.add(num(d.delta()));
                c.add(num(l.totalProfit()));
                c.add(num(d.competitive().totalProfit()));
                c.add(num(d.monopoly().totalProfit()));
                for (int i = 0; i < h; i++) {
                    c.add(num(l.hubProfit(i)));
                }
                double priceSum = 0;
                for (int i = 0; i < h; i++) {
                    c.add(num(l.meanPrice(i)));
                    priceSum += l.meanPrice(i);
                }
                for (int i = 0; i < h; i++) {
                    c.add(num(l.meanMultiplier(i)));
                }
                for (int i = 0; i < h; i++) {
                    c.add(num(l.meanMarkup(i)));
                }
                c.add(num(priceSum / h));
                c.add(num(l.meanPriceGap()));
                for (DayPath p : new DayPath[] {l, d.competitive(), d.monopoly()}) {
                    double served = 0;
                    double balked = 0;
                    for (int i = 0; i < h; i++) {
                        served += p.served(i);
                        balked += p.balkedTotal(i);
                    }
                    c.add(num(served));
                    c.add(num(balked));
                    if (p == l) {
                        c.add(num(p.lostTotal()));
                    }
                }
                double mm = 0;
                for (double a : d.monopolySearch().multipliers()) {
                    mm += a;
                }
                c.add(num(mm / HubPricingEnv.PERIODS));
                c.add(Integer.toString(d.monopolySearch().evaluations()));
                c.add(num(d.deltaNash()));
                c.add(d.nash() == null ? "" : num(d.nash().totalProfit()));
                c.add(d.nashPath() == null ? "" : Integer.toString(d.nashPath().mixedHours()));
                w.write(String.join(",", c));
                w.write('\n');
            }
        }
    }

    private static void writeHours(Path file, EvaluationResult r) throws IOException {
        List<MarketDay> days = r.scenarios().days();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,hour,profile,hub,price,multiplier,unit_cost,markup,load_kwh,served,balked,profit,da_price,rt_price\n");
            for (DayResult d : r.days()) {
                MarketDay m = days.get(d.dayIndex());
                DayPath[] paths = {d.learned(), d.competitive(), d.monopoly(), d.deviation(), d.nash()};
                for (int p = 0; p < paths.length; p++) {
                    DayPath x = paths[p];
                    if (x == null) {
                        continue;
                    }
                    for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                        for (int i = 0; i < r.hubs(); i++) {
                            w.write(d.date() + "," + t + "," + PROFILES[p] + "," + r.agents().get(i) + "," + num(x.price(t, i)) + ","
                                    + num(x.multiplier(t, i)) + "," + num(x.unitCost(t, i)) + "," + num(x.markup(t, i)) + ","
                                    + num(x.load(t, i)) + "," + num(x.assigned(t, i)) + "," + num(x.balked(t, i)) + ","
                                    + num(x.profit(t, i)) + "," + num(m.dayAhead(t)) + "," + num(m.realTime(t)) + "\n");
                        }
                    }
                }
            }
        }
    }

    private static void writeDeviation(Path file, EvaluationResult r) throws IOException {
        DeviationReport d = DeviationReport.of(r);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("hour,hub,price_undisturbed,price_deviation,multiplier_undisturbed,multiplier_deviation,profit_undisturbed,profit_deviation\n");
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                for (int i = 0; i < r.hubs(); i++) {
                    w.write(t + "," + r.agents().get(i) + "," + num(d.priceUndisturbed()[t][i]) + "," + num(d.priceDeviation()[t][i]) + ","
                            + num(d.multiplierUndisturbed()[t][i]) + "," + num(d.multiplierDeviation()[t][i]) + ","
                            + num(d.profitUndisturbed()[t][i]) + "," + num(d.profitDeviation()[t][i]) + "\n");
                }
            }
        }
    }

    /** Full precision, locale-free; empty for an undefined value. */
    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
