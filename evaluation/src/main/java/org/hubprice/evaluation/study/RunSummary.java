package org.hubprice.evaluation.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.checkpoint.CheckpointDigests;
import org.hubprice.training.output.CsvTable;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;
import org.hubprice.training.seeds.MemberCurve;

/**
 * One finished study run as a small JSON document ({@code CELL/seed-N.json}): what was trained
 * (cell, configuration digest, seed, episodes, training time, machine), its learning curve
 * (the validation passes) with the convergence verdict, and the held-out evaluation (Δ per day
 * and its median with interval, Δ against the stage-game Nash, markup, prices and the gap
 * between hubs per day, EVs, exploitability per hub, the hourly price against the cost of
 * power). The study's results page is generated from these alone.
 */
public final class RunSummary {
    /**
     * The convergence rule: over the last 20 % of the validation passes (at least 3), the quick
     * collusion index moves by at most this much (max − min); fewer than 5 passes never count as
     * converged.
     */
    public static final double CONVERGENCE_TOLERANCE = 0.02;
    public static final double CONVERGENCE_TAIL = 0.2;
    public static final String RULE = "converged when the quick collusion index varies by at most " + CONVERGENCE_TOLERANCE
            + " (max - min) over the last 20 % of the validation passes (at least 3 of at least 5)";

    private RunSummary() {}

    /** The summary of {@code task} from its run directory and its evaluation directory. */
    public static Map<String, Object> build(StudyPlan plan, StudyPlan.Task task, Path runDir, Path evalDir) throws IOException {
        JsonNode run = RunFiles.JSON.readTree(runDir.resolve(RunLayout.SUMMARY_JSON).toFile());
        JsonNode eval = RunFiles.JSON.readTree(evalDir.resolve("summary.json").toFile());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "hubprice study run");
        m.put("study", plan.name());
        m.put("cell", task.cell().id());
        m.put("seed", task.seed());
        m.put("configDigest", CheckpointDigests.sha256(runDir.resolve(RunLayout.CONFIG_YAML)));
        m.put("environmentDigest", eval.path("provenance").path("environment").path("configDigest").asText());
        m.put("market", plan.market());
        m.put("episodes", run.path("episodes").asLong());
        m.put("budgetEpisodes", plan.episodes());
        m.put("trainingSeconds", run.path("timing").path("totalTrainingSeconds").asDouble());
        m.put("secondsPer1000Episodes", run.path("timing").path("totalTrainingSeconds").asDouble() * 1000 / Math.max(1, run.path("episodes").asLong()));
        // cores kept busy: a run whose hubs updated side by side used more than one
        JsonNode core = run.path("timing").path("totalCoreSeconds");
        double coreSeconds = core.isNumber() ? core.asDouble() : run.path("timing").path("totalTrainingSeconds").asDouble();
        m.put("coreSeconds", coreSeconds);
        m.put("coreSecondsPer1000Episodes", coreSeconds * 1000 / Math.max(1, run.path("episodes").asLong()));
        m.put("machine", machine(eval));
        MemberCurve curve = MemberCurve.read(task.seed(), runDir);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int k = 0; k < curve.episodes().length; k++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("episode", curve.episodes()[k]);
            s.put("collusionIndexQuick", finite(curve.collusionIndex()[k]));
            s.put("profitPerDay", finite(curve.profit()[k]));
            samples.add(s);
        }
        m.put("learningCurve", samples);
        m.put("convergence", convergence(curve));
        m.put("heldOut", heldOut(eval, evalDir));
        Path node = evalDir.resolveSibling(NODE_DAYS_DIR);
        if (java.nio.file.Files.isRegularFile(node.resolve("summary.json"))) {
            JsonNode other = RunFiles.JSON.readTree(node.resolve("summary.json").toFile());
            if (!samePolicies(eval, other)) {
                throw new IllegalStateException(node + " evaluated other policies or another number of draws than " + evalDir + " (checkpoints "
                        + policyPaths(other) + " against " + policyPaths(eval) + "); delete it and evaluate again (study summarize"
                        + " --node-days)");
            }
            m.put("heldOutNodeDays", nodeDays(node));
        }
        return m;
    }

    /** Whether two evaluations played the same checkpoints with as many draws per day (so their days can be paired). */
    public static boolean samePolicies(JsonNode a, JsonNode b) {
        return a.path("replications").asInt() == b.path("replications").asInt() && policyPaths(a).equals(policyPaths(b))
                && a.path("provenance").path("checkpoint").equals(b.path("provenance").path("checkpoint"));
    }

    private static List<String> policyPaths(JsonNode eval) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : eval.path("provenance").path("policies")) {
            out.add(p.path("hub").asText() + "=" + p.path("path").asText(p.path("label").asText()));
        }
        return out;
    }

    /**
     * The directory beside a run's {@code eval} that holds its evaluation on the market node's own
     * prices for the held-out dates ({@code evaluate --days test:DA.csv,RT.csv}); the summary
     * carries it as {@code heldOutNodeDays} when it is there.
     */
    public static final String NODE_DAYS_DIR = "eval-node";

    /**
     * The same policies played on another market's prices for the held-out dates: which files,
     * how many dates, Δ and Δ^N with their intervals, the markup, and Δ per date (for the paired
     * comparison with the run's own held-out days). File names only: the paths are the machine's.
     */
    private static Map<String, Object> nodeDays(Path dir) throws IOException {
        JsonNode eval = RunFiles.JSON.readTree(dir.resolve("summary.json").toFile());
        JsonNode days = eval.path("provenance").path("days");
        Map<String, Object> m = new LinkedHashMap<>();
        String spec = days.path("days").asText();
        List<String> files = new ArrayList<>();
        for (String f : spec.substring(spec.indexOf(':') + 1).split(",")) {
            files.add(Path.of(f.trim()).getFileName().toString());
        }
        m.put("files", files);
        m.put("datesOf", days.path("datesOf").asText(null));
        m.put("missingDates", RunFiles.JSON.convertValue(days.path("missingDates"), List.class));
        m.put("days", eval.path("days").asInt());
        m.put("replications", eval.path("replications").asInt());
        m.put("delta", pick(eval.path("delta"), "median", "ci95"));
        m.put("deltaNash", pick(eval.path("nash").path("deltaNash"), "median", "ci95"));
        m.put("markup", eval.path("markup").path("mean").asDouble());
        Map<String, Object> perDay = perDay(CsvTable.read(dir.resolve("days.csv")));
        perDay.keySet().retainAll(List.of("date", "delta", "deltaNash"));
        m.put("perDay", perDay);
        return m;
    }

    private static Map<String, Object> machine(JsonNode eval) {
        JsonNode p = eval.path("provenance").path("project");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", p.path("cores").asInt());
        m.put("os", p.path("os").asText());
        m.put("java", p.path("java").asText());
        m.put("gitCommit", p.path("gitCommit").asText());
        return m;
    }

    /** The convergence verdict of a learning curve under {@link #RULE}. */
    static Map<String, Object> convergence(MemberCurve curve) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RULE);
        double[] index = curve.collusionIndex();
        int n = index.length;
        int tail = Math.max(3, (int) Math.ceil(CONVERGENCE_TAIL * n));
        if (n < 5) {
            m.put("converged", false);
            m.put("reason", n + " validation passes; the rule needs at least 5");
            return m;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = n - tail; k < n; k++) {
            lo = Math.min(lo, index[k]);
            hi = Math.max(hi, index[k]);
        }
        double range = hi - lo;
        m.put("tailPasses", tail);
        m.put("tailFromEpisode", curve.episodes()[n - tail]);
        m.put("tailRange", range);
        m.put("tailChange", index[n - 1] - index[n - tail]);
        m.put("converged", Double.isFinite(range) && range <= CONVERGENCE_TOLERANCE);
        return m;
    }

    private static Map<String, Object> heldOut(JsonNode eval, Path evalDir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", eval.path("days").asInt());
        m.put("replications", eval.path("replications").asInt());
        m.put("delta", pick(eval.path("delta"), "median", "mean", "q1", "q3", "ci95"));
        m.put("deltaNash", pick(eval.path("nash").path("deltaNash"), "median", "mean", "ci95"));
        m.put("markup", eval.path("markup").path("mean").asDouble());
        m.put("markupPerHub", RunFiles.JSON.convertValue(eval.path("markup").path("perHub"), List.class));
        m.put("meanPricePerHub", RunFiles.JSON.convertValue(eval.path("prices").path("meanPricePerHub"), List.class));
        m.put("meanMultiplierPerHub", RunFiles.JSON.convertValue(eval.path("prices").path("meanMultiplierPerHub"), List.class));
        m.put("meanPriceGap", eval.path("prices").path("meanPriceGap").asDouble());
        m.put("servedPerDay", eval.path("evs").path("learned").path("servedPerDay").asDouble());
        m.put("balkedPerDay", eval.path("evs").path("learned").path("balkedPerDay").asDouble());
        m.put("profitPerDay", pick(eval.path("profit"), "learned", "competitive", "monopoly"));
        List<Map<String, Object>> exploit = new ArrayList<>();
        for (JsonNode h : eval.path("bestResponse").path("hubs")) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("hub", h.path("hub").asText());
            // a figure the evaluation did not write stays null (not 0 %: that would read as "unexploitable")
            e.put("constantPercent", finite(h.path("constant").path("exploitabilityPercent").asDouble(Double.NaN)));
            e.put("profilePercent", finite(h.path("profile").path("exploitabilityPercent").asDouble(Double.NaN)));
            e.put("profileCi95", RunFiles.JSON.convertValue(h.path("profile").path("ci95"), List.class));
            e.put("outOfSamplePercent", finite(h.path("outOfSample").path("profileExploitabilityPercent").asDouble(Double.NaN)));
            e.put("constantOutOfSamplePercent", finite(h.path("outOfSample").path("constantExploitabilityPercent").asDouble(Double.NaN)));
            e.put("scheduleOutOfSamplePercent", finite(h.path("outOfSample").path("scheduleExploitabilityPercent").asDouble(Double.NaN)));
            // the own policy shifted per hour, fitted on half of the days and tested on the other half with fresh draws
            e.put("shiftedPolicyOutOfSamplePercent", finite(h.path("shiftedPolicy").path("crossFittedExploitabilityPercent")
                    .asDouble(Double.NaN)));
            e.put("shiftedPolicyCi95", RunFiles.JSON.convertValue(h.path("shiftedPolicy").path("crossFittedCi95"), List.class));
            e.put("shiftedPolicyOffsetPerHour", meanOffsets(h.path("shiftedPolicy").path("fits")));
            // which way the profitable deviation goes, hour by hour (means over days): undercutting or raising the learned prices
            List<Double> learned = new ArrayList<>();
            List<Double> best = new ArrayList<>();
            for (JsonNode hour : h.path("perHour")) {
                learned.add(finite(hour.path("learnedMultiplier").asDouble(Double.NaN)));
                best.add(finite(hour.path("bestResponseMultiplier").asDouble(Double.NaN)));
            }
            e.put("learnedMultiplierPerHour", learned);
            e.put("bestResponseMultiplierPerHour", best);
            exploit.add(e);
        }
        m.put("exploitability", exploit);
        m.put("deviationPays", eval.path("deviation").path("verdict").path("deviationPays").asBoolean());
        CsvTable days = CsvTable.read(evalDir.resolve("days.csv"));
        m.put("perDay", perDay(days));
        m.put("hourly", hourly(CsvTable.read(evalDir.resolve("hours.csv"))));
        return m;
    }

    /** The fits' offsets per hour, averaged over the fits (empty when the evaluation has none). */
    private static List<Double> meanOffsets(JsonNode fits) {
        List<Double> mean = new ArrayList<>();
        if (fits.size() == 0) {
            return mean;
        }
        for (int t = 0; t < fits.path(0).path("offsetPerHour").size(); t++) {
            double s = 0;
            for (JsonNode f : fits) {
                s += f.path("offsetPerHour").path(t).asDouble(Double.NaN);
            }
            mean.add(finite(s / fits.size()));
        }
        return mean;
    }

    private static Map<String, Object> perDay(CsvTable days) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String col : List.of("date", "delta", "delta_nash", "mean_price", "price_gap")) {
            int c = days.column(col);
            List<Object> v = new ArrayList<>();
            for (int k = 0; k < days.rows().size(); k++) {
                v.add(c < 0 ? null : col.equals("date") ? days.rows().get(k)[c] : finite(days.number(k, c)));
            }
            m.put(col.equals("delta_nash") ? "deltaNash" : col.equals("mean_price") ? "meanPrice" : col.equals("price_gap") ? "priceGap" : col, v);
        }
        return m;
    }

    /** Per hour: the learned price and the unit cost of power, means over days and hubs (hours without load skipped for the cost). */
    private static Map<String, Object> hourly(CsvTable hours) {
        int prof = hours.column("profile");
        int hour = hours.column("hour");
        int price = hours.column("price");
        int cost = hours.column("unit_cost");
        double[] p = new double[24];
        double[] c = new double[24];
        int[] np = new int[24];
        int[] nc = new int[24];
        for (int k = 0; k < hours.rows().size(); k++) {
            if (!"learned".equals(hours.rows().get(k)[prof])) {
                continue;
            }
            int t = (int) hours.number(k, hour);
            p[t] += hours.number(k, price);
            np[t]++;
            double u = hours.number(k, cost);
            if (Double.isFinite(u)) {
                c[t] += u;
                nc[t]++;
            }
        }
        List<Object> price24 = new ArrayList<>();
        List<Object> cost24 = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            price24.add(np[t] > 0 ? p[t] / np[t] : null);
            cost24.add(nc[t] > 0 ? c[t] / nc[t] : null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", price24);
        m.put("unitCost", cost24);
        return m;
    }

    private static Map<String, Object> pick(JsonNode n, String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) {
            JsonNode v = n.path(k);
            m.put(k, v.isMissingNode() || v.isNull() ? null : RunFiles.JSON.convertValue(v, Object.class));
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
