package org.hubprice.evaluation.study;

import static org.hubprice.evaluation.study.StudyReport.f;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The page's check of training length: runs continued past the study's budget from their own
 * last checkpoint ({@code RESULTS/longer/CELL/seed-N.json}), each beside the same cell and seed
 * at the study's budget. If a run's reading or its exploitability changes with more episodes,
 * the first reading described learners still moving, not where the game settles.
 */
final class LongerTraining {
    /** The directory under the results that holds the continued runs' summaries. */
    static final String DIR = "longer";

    private LongerTraining() {}

    /** The section, or an empty string when no run was continued. */
    static String section(StudyReport r) {
        List<JsonNode> longer = r.longer();
        if (longer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Does longer training change the answer?\n\n");
        sb.append("Runs continued past the study's budget from their own final checkpoint (`hubprice study continue`; the same cell, seed"
                + " and configuration; summaries in `" + DIR + "/`), each beside the same run at the study's budget where that was evaluated"
                + " on the same market with as many draws. Where the reading or the deviations' gains move with more episodes, the reading at"
                + " the study's budget describes learners still moving.\n\n");
        sb.append("| cell | seed | episodes | median Δ [95 % CI] | Δ^N | quick index change over the last 20 % of passes | per-day best"
                + " response's gain on fresh draws, % | own policy shifted per hour, gain on unseen days, % [95 % CI] | reading |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode run : longer) {
            JsonNode base = atBudget(r, run);
            if (base != null) {
                row(sb, base);
            }
            row(sb, run);
        }
        return sb.append('\n').toString();
    }

    /**
     * The run of the same cell, seed and configuration at the budget, evaluated on the same market
     * with as many draws, or null (the continued run is then shown alone).
     */
    static JsonNode atBudget(StudyReport r, JsonNode run) {
        CellResult c = r.cell(run.path("cell").asText());
        if (c == null) {
            return null;
        }
        return c.runs().stream().filter(x -> x.path("seed").asLong() == run.path("seed").asLong() && x.path("configDigest").equals(
                run.path("configDigest")) && x.path("market").equals(run.path("market")) && x.path("heldOut").path("replications").equals(
                run.path("heldOut").path("replications"))).findFirst().orElse(null);
    }

    private static void row(StringBuilder sb, JsonNode run) {
        JsonNode delta = run.path("heldOut").path("delta");
        sb.append("| ").append(run.path("cell").asText()).append(" | ").append(run.path("seed").asLong()).append(" | ")
                .append(run.path("episodes").asLong()).append(" | ").append(f(delta.path("median").asDouble(Double.NaN), 3)).append(" [")
                .append(f(delta.path("ci95").path(0).asDouble(Double.NaN), 3)).append(", ").append(f(delta.path("ci95").path(1).asDouble(Double.NaN), 3))
                .append("] | ").append(f(run.path("heldOut").path("deltaNash").path("median").asDouble(Double.NaN), 3)).append(" | ");
        double tail = run.path("convergence").path("tailChange").asDouble(Double.NaN);
        sb.append(tail >= 0 ? "+" : "").append(f(tail, 3)).append(run.path("convergence").path("converged").asBoolean() ? " (converged)"
                : " (not converged)").append(" | ").append(f(CollusionReadings.freshGain(run), 1)).append(" | ").append(shifted(run)).append(" | ")
                .append(CollusionReadings.read(run).text).append(" |\n");
    }

    /** The larger hub's shifted-policy gain with its interval, and the hub; n/a without one. */
    private static String shifted(JsonNode run) {
        JsonNode best = null;
        for (JsonNode h : run.path("heldOut").path("exploitability")) {
            if (h.path("shiftedPolicyOutOfSamplePercent").isNumber() && (best == null
                    || h.path("shiftedPolicyOutOfSamplePercent").asDouble() > best.path("shiftedPolicyOutOfSamplePercent").asDouble())) {
                best = h;
            }
        }
        if (best == null) {
            return "n/a";
        }
        JsonNode ci = best.path("shiftedPolicyCi95");
        return f(best.path("shiftedPolicyOutOfSamplePercent").asDouble(), 1) + (ci.size() == 2 ? " [" + f(ci.path(0).asDouble(), 1) + ", "
                + f(ci.path(1).asDouble(), 1) + "]" : "") + " (" + best.path("hub").asText() + ")";
    }
}
