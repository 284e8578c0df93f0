package org.hubprice.evaluation.study;

import static org.hubprice.evaluation.study.StudyReport.f;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where our figures differ from the paper's, by how much, and the likeliest reasons with the
 * evidence the summaries hold: training length (budget, the learning curve's last movement,
 * convergence), equilibrium quality (exploitability), the benchmark (Δ against the stage-game
 * Nash) and the market data.
 */
final class StudyGaps {
    private StudyGaps() {}

    static String text(StudyReport r) {
        StringBuilder sb = new StringBuilder("## Where we differ from the paper, and why\n\n");
        boolean any = false;
        for (CellResult c : r.cellResults()) {
            double paper = c.cell().paperDelta();
            double ours = c.medianDelta()[0];
            if (Double.isFinite(paper)) {
                any = true;
                sb.append("- **").append(c.cell().id()).append("**: median Δ ").append(f(ours, 3)).append(" against the paper's ").append(f(paper, 2))
                        .append(" (").append(ours >= paper ? "+" : "").append(f(ours - paper, 3)).append("). ").append(reasons(r, c)).append('\n');
            }
        }
        int in = 0;
        int pairings = 0;
        StringBuilder out = new StringBuilder();
        for (CellResult c : r.cellResults()) {
            if (c.cell().variant().equals("baseline")) {
                pairings++;
                double m = c.medianDelta()[0];
                if (m >= 0.14 && m <= 0.45) {
                    in++;
                } else {
                    out.append(out.length() > 0 ? ", " : "").append(c.cell().id()).append(' ').append(f(m, 3));
                }
            }
        }
        if (pairings > 0) {
            any = true;
            sb.append("- **The pairings' range** (paper: median Δ 0.18–0.45, 0.14–0.45 in its abstract): ").append(in).append(" of ").append(pairings)
                    .append(" pairings with runs fall in 0.14–0.45").append(out.length() > 0 ? "; outside: " + out : "").append(".\n");
        }
        if (!any) {
            sb.append("No cell with a published figure has runs yet.\n");
        }
        return sb.append('\n').toString();
    }

    /** The evidence for the likeliest reasons of a cell's difference. */
    static String reasons(StudyReport r, CellResult c) {
        StringBuilder sb = new StringBuilder("Likeliest reasons: ");
        double share = 100.0 * c.episodes() / StudyReport.PAPER_EPISODES;
        sb.append("(1) training length: ").append(c.episodes()).append(" episodes per run, ").append(f(share, 1))
                .append(" % of the paper's; ").append(c.converged()).append(" of ").append(c.runs().size())
                .append(" runs meet the convergence rule, and over the last 20 % of validation passes the quick index moved by ")
                .append(tailChange(c) >= 0 ? "+" : "").append(f(tailChange(c), 3)).append(" on average (negative: still falling)")
                .append(continued(r, c)).append(". ");
        sb.append("(2) equilibrium quality: an hourly best response to the frozen rival gains ").append(f(c.exploitability(), 1))
                .append(" % on the evaluation's own draws (the larger hub, mean over runs); it knows each day's prices in advance, which"
                        + " a policy does not");
        double playable = meanPlayableGain(c);
        if (Double.isFinite(playable)) {
            sb.append(", and the best deviation a policy could play gains ").append(f(playable, 1)).append(" % (on fresh draws where"
                    + " measured; the larger hub, mean over runs)");
        }
        sb.append("; \"Collusion, competition, or still learning?\" reads each run by them. ");
        sb.append("(3) benchmark: measured from the stage-game Nash profit (what one-shot competition under the capacity limits and the"
                + " price band earns) instead of marginal-cost pricing, the index is ").append(f(c.mean("deltaNash/median"), 3)).append(". ");
        String market = c.runs().isEmpty() ? "" : c.runs().get(0).path("market").asText();
        sb.append("(4) data: ").append(market.equals("pjm") ? "the paper's PJM node" : "the synthetic year calibrated to the paper's PJM node,"
                + " not the node's own prices");
        if (c.nodeDayRuns() > 0 && !market.equals("pjm")) {
            sb.append(nodeDays(c));
        }
        return sb.append('.').toString();
    }

    /**
     * The cheap test of the data reason: the runs' policies played on the node's own prices for
     * the same held-out dates. It tests the evaluation side only (the policies were trained on the
     * synthetic year), so it says whether the node's prices alone move the index.
     */
    static String nodeDays(CellResult c) {
        double[] node = c.medianDeltaNodeDays();
        double[] change = c.pairedNodeDayChange();
        String head = "; played on the node's own prices for the same held-out dates (" + c.nodeDayRuns() + " of " + c.runs().size()
                + " runs; the policies trained on the synthetic year), the median Δ is " + f(node[0], 3) + " [" + f(node[1], 3) + ", "
                + f(node[2], 3) + "]";
        if (Double.isNaN(change[0])) {
            return head + ", with no held-out date in common with the runs' own evaluation to compare day by day";
        }
        double[] extremes = c.pairedNodeDayExtremes();
        boolean holdsZero = change[1] <= 0 && change[2] >= 0;
        return head + "; date by date, the node's prices change a day's Δ by a median " + signed(change[0]) + " [" + f(change[1], 3) + ", "
                + f(change[2], 3) + "] (single dates from " + signed(extremes[0]) + " to " + signed(extremes[1]) + "): "
                + (holdsZero ? "an interval holding 0, so the node's prices do not shift the index as a whole" : change[0] < 0
                        ? "the node's prices lower the index" : "the node's prices raise the index")
                + " (this tests the evaluation side only; training on the node's prices is not tested here)";
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + f(v, 3);
    }

    /**
     * What the cell's runs continued past the budget did to the median Δ (empty without one):
     * the training-length reason measured on the same seed instead of inferred from the curve.
     */
    static String continued(StudyReport r, CellResult c) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode more : r.longer()) {
            JsonNode base = more.path("cell").asText().equals(c.cell().id()) ? LongerTraining.atBudget(r, more) : null;
            if (base != null) {
                sb.append("; continued to ").append(more.path("episodes").asLong()).append(" episodes, seed ").append(more.path("seed").asLong())
                        .append("'s median Δ went from ").append(f(base.path("heldOut").path("delta").path("median").asDouble(Double.NaN), 3))
                        .append(" to ").append(f(more.path("heldOut").path("delta").path("median").asDouble(Double.NaN), 3))
                        .append(" (\"Does longer training change the answer?\")");
            }
        }
        return sb.toString();
    }

    /** Mean over the runs that carry one of their largest gain by a deviation a policy could play (NaN when none does). */
    static double meanPlayableGain(CellResult c) {
        double s = 0;
        int n = 0;
        for (JsonNode r : c.runs()) {
            double g = CollusionReadings.playableGain(r);
            if (Double.isFinite(g)) {
                s += g;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Mean over runs of the quick Δ at the validation pass nearest {@code fraction} of the budget (NaN when none). */
    static double curveAt(CellResult c, double fraction) {
        double s = 0;
        int n = 0;
        for (JsonNode r : c.runs()) {
            long target = Math.round(fraction * r.path("budgetEpisodes").asLong());
            JsonNode best = null;
            for (JsonNode p : r.path("learningCurve")) {
                if (best == null || Math.abs(p.path("episode").asLong() - target) < Math.abs(best.path("episode").asLong() - target)) {
                    best = p;
                }
            }
            if (best != null && best.path("collusionIndexQuick").isNumber()) {
                s += best.path("collusionIndexQuick").asDouble();
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /** Mean over runs of the quick Δ's change across the last 20 % of validation passes (last minus first of the tail). */
    static double tailChange(CellResult c) {
        double s = 0;
        int n = 0;
        for (JsonNode r : c.runs()) {
            JsonNode v = r.path("convergence").path("tailChange");
            if (v.isNumber()) {
                s += v.asDouble();
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }
}
