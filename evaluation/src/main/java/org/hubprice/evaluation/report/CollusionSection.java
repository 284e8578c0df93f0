package org.hubprice.evaluation.report;

import static org.hubprice.evaluation.report.HtmlReport.esc;
import static org.hubprice.evaluation.report.HtmlReport.fmt;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.evaluation.DayResult;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.NashSummary;
import org.hubprice.evaluation.stats.Bootstrap;
import org.hubprice.evaluation.stats.Summary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The report's "Is it collusion?" section: Δ against marginal-cost pricing and Δ^N against the
 * stage-game Nash benchmark side by side, the best-response analysis (exploitability per hub)
 * when it ran, and the learned, best-response and Nash prices per hour in one figure.
 */
public final class CollusionSection {
    /** Exploitability (%) above which the reports say the outcome is not an equilibrium. */
    public static final double EQUILIBRIUM_TOLERANCE_PERCENT = 5.0;

    /** Adds a figure to the report. */
    @FunctionalInterface
    interface Figures {
        void add(byte[] png, String alt, String caption);
    }

    private CollusionSection() {}

    static void write(EvaluationResult r, StringBuilder html, Figures figures) {
        if (!r.options().nash() && r.section("bestResponse") == null) {
            return;
        }
        html.append("<h2>Is it collusion?</h2>\n");
        Summary d = r.deltaSummary();
        double[] ci = r.deltaMedianInterval();
        html.append("<table><tr><th class=\"l\">benchmark</th><th>daily profit ($)</th><th>index, median</th><th>95 % interval</th></tr>");
        html.append("<tr><td class=\"l\">competitive π^C (marginal cost)</td><td>").append(fmt(Summary.of(r.dailyProfit(1)).mean(), 2))
                .append("</td><td>Δ ").append(fmt(d.median(), 3)).append("</td><td>").append(fmt(ci[0], 3)).append(" – ").append(fmt(ci[1], 3))
                .append("</td></tr>");
        if (r.options().nash()) {
            double[] dn = java.util.Arrays.stream(NashSummary.deltas(r)).filter(Double::isFinite).toArray();
            double[] cin = Bootstrap.medianInterval(dn, r.options().bootstrapResamples(), r.options().confidence(), r.options().seed());
            double nash = 0;
            int mixed = 0;
            for (DayResult day : r.days()) {
                nash += day.nash().totalProfit() / r.days().size();
                mixed += day.nashPath().mixedHours();
            }
            html.append("<tr><td class=\"l\">stage-game Nash π^N</td><td>").append(fmt(nash, 2)).append("</td><td>Δ^N ")
                    .append(fmt(Summary.of(dn).median(), 3)).append("</td><td>").append(fmt(cin[0], 3)).append(" – ").append(fmt(cin[1], 3))
                    .append("</td></tr>");
            html.append("<tr><td class=\"l\">monopoly π^M</td><td>").append(fmt(Summary.of(r.dailyProfit(2)).mean(), 2))
                    .append("</td><td>1</td><td></td></tr>");
            html.append("<tr><td class=\"l\">learned policies</td><td>").append(fmt(Summary.of(r.dailyProfit(0)).mean(), 2))
                    .append("</td><td></td><td></td></tr></table>\n");
            var hubsConfig = r.scenarios().config().hubs();
            html.append("<p>Δ measures the learned profit between marginal-cost pricing (0) and monopoly (1); Δ^N puts 0 at the static "
                    + "equilibrium of each hour's pricing game instead, which with capacity limits (")
                    .append(esc(hubsConfig.stationsPerHub() == null ? hubsConfig.stations() + " stations per hub"
                            : "stations per hub " + hubsConfig.stationsPerHub()))
                    .append(") and the ").append(fmt(100 * r.scenarios().config().demand().similarityTolerance(), 0))
                    .append(" % similarity band can lie above marginal cost (a Bertrand–Edgeworth game). Only profit above π^N needs a "
                            + "collusion story. ")
                    .append(mixed).append(" of ").append(r.days().size() * 24).append(" hours had no pure equilibrium (mixed). Convention: ")
                    .append(esc(NashSummary.CONVENTION)).append(".</p>\n");
        } else {
            html.append("</table>\n");
        }
        bestResponse(r, html, figures);
    }

    @SuppressWarnings("unchecked")
    private static void bestResponse(EvaluationResult r, StringBuilder html, Figures figures) {
        Object section = r.section("bestResponse");
        if (!(section instanceof Map<?, ?> br)) {
            html.append("<p>Best responses were not computed (evaluate with <code>--best-response</code>, or run "
                    + "<code>hubprice best-response</code>): without them a high Δ may be an outcome that is not an equilibrium.</p>\n");
            return;
        }
        List<Map<String, Object>> hubs = (List<Map<String, Object>>) br.get("hubs");
        html.append("<table><tr><th class=\"l\">hub</th><th>learned $/day</th><th>best constant</th><th>its gain %</th>")
                .append("<th>hourly best response gain %</th><th>95 % interval</th><th>gain % on fresh draws</th>")
                .append("<th>one schedule for every day, gain % on fresh draws</th>")
                .append("<th>own policy shifted per hour, gain % on the days it was not fitted on</th></tr>");
        double worst = 0;
        // deviations a policy could play: its own policy shifted per hour, one schedule for every day, one constant
        double playable = Double.NEGATIVE_INFINITY;
        boolean freshOnly = true;
        XYChart c = Charts.xy("Learned, best-response and stage-game Nash prices (mean over days)", "hour", "$/MWh");
        double[] x = Charts.hours();
        for (int j = 0; j < hubs.size(); j++) {
            Map<String, Object> h = hubs.get(j);
            Map<String, Object> cons = (Map<String, Object>) h.get("constant");
            Map<String, Object> prof = (Map<String, Object>) h.get("profile");
            Map<String, Object> oos = (Map<String, Object>) h.get("outOfSample");
            List<Object> pci = (List<Object>) prof.get("ci95");
            double gain = num(prof.get("exploitabilityPercent"));
            // judged on fresh draws when they were played: a schedule fitted to the evaluation's own draws also fits its noise
            double fresh = num(oos.get("profileExploitabilityPercent"));
            freshOnly &= Double.isFinite(fresh);
            worst = Math.max(worst, Double.isFinite(fresh) ? fresh : gain);
            double schedule = num(oos.get("scheduleExploitabilityPercent"));
            double constant = num(oos.get("constantExploitabilityPercent"));
            double shifted = h.get("shiftedPolicy") instanceof Map<?, ?> sp ? num(sp.get("crossFittedExploitabilityPercent")) : Double.NaN;
            for (double v : new double[] {schedule, constant, shifted}) {
                playable = Double.isFinite(v) ? Math.max(playable, v) : playable;
            }
            html.append("<tr><td class=\"l\">").append(esc(String.valueOf(h.get("hub")))).append("</td><td>")
                    .append(fmt(num(h.get("learnedProfitPerDay")), 2)).append("</td><td>").append(fmt(num(cons.get("multiplier")), 2))
                    .append("</td><td>").append(fmt(num(cons.get("exploitabilityPercent")), 1)).append("</td><td>").append(fmt(gain, 1))
                    .append("</td><td>").append(fmt(num(pci.get(0)), 1)).append(" – ").append(fmt(num(pci.get(1)), 1)).append("</td><td>")
                    .append(fmt(num(oos.get("profileExploitabilityPercent")), 1)).append("</td><td>").append(fmt(schedule, 1))
                    .append("</td><td>").append(fmt(shifted, 1)).append("</td></tr>");
            List<Map<String, Object>> per = (List<Map<String, Object>>) h.get("perHour");
            double[] learned = new double[24];
            double[] best = new double[24];
            for (int t = 0; t < 24; t++) {
                learned[t] = num(per.get(t).get("learnedPrice"));
                best[t] = num(per.get(t).get("bestResponsePrice"));
            }
            int hub = r.agents().indexOf(String.valueOf(h.get("hub")));
            Color colour = Charts.hubColor(Math.max(0, hub));
            Charts.line(c, h.get("hub") + " learned", x, learned, colour, SeriesLines.SOLID, true);
            Charts.line(c, h.get("hub") + " best response", x, best, colour, SeriesLines.DASH_DASH, false);
        }
        html.append("</table>\n");
        if (r.options().nash()) {
            double[] nash = new double[24];
            for (DayResult day : r.days()) {
                for (int t = 0; t < 24; t++) {
                    nash[t] += day.nash().price(t, 0) / r.days().size();
                }
            }
            Charts.line(c, "stage-game Nash (hub_0)", x, nash, Color.BLACK, SeriesLines.DOT_DOT, false);
        }
        figures.add(Charts.png(c), "best response prices", "Each analysed hub's learned price and its hourly best response to the "
                + "frozen rivals, and the stage-game Nash price, per hour (means over days).");
        String draws = freshOnly ? "on fresh draws" : "on fresh draws, or on the evaluation's own where there are none";
        // a best-response file from before the schedule has no playable figure: judge by the per-day profile alone, as then
        boolean playableKnown = Double.isFinite(playable);
        String verdict = playableKnown && playable > EQUILIBRIUM_TOLERANCE_PERCENT
                ? String.format(Locale.ROOT, "Not an equilibrium: a deviation that a policy could play (its own "
                        + "policy shifted per hour, one schedule for every day, or a constant) gains a hub up to %.1f %% on fresh draws against the frozen rivals (the "
                        + "per-day best response, which knows each day's prices, up to %.1f %%, %s), so the learned prices are not mutual "
                        + "best responses; a high Δ here reflects policies that have not finished learning (or cannot express the reply), "
                        + "not a self-enforcing collusive outcome.", playable, worst, draws)
                : worst > EQUILIBRIUM_TOLERANCE_PERCENT && !playableKnown
                ? String.format(Locale.ROOT, "Not shown to be an equilibrium: a hub gains up to %.1f %% (%s) by its per-day best response,"
                        + " which knows each day's prices in advance; no deviation a policy could play was measured.", worst, draws)
                : worst > EQUILIBRIUM_TOLERANCE_PERCENT
                ? String.format(Locale.ROOT, "No equilibrium shown: only the per-day best response, which knows each day's prices in "
                        + "advance, gains a hub more than the tolerance (up to %.1f %%, %s); the deviations a policy could play gain at most "
                        + "%.1f %% on fresh draws.", worst, draws, playable)
                : String.format(Locale.ROOT, "Close to an equilibrium: no hub gains more than %.1f %% (%s) by the searched deviations "
                        + "(tolerance %.0f %%); prices above the stage-game Nash (Δ^N > 0) are then sustained by the policies themselves.",
                        playableKnown ? Math.max(worst, playable) : worst, draws, EQUILIBRIUM_TOLERANCE_PERCENT);
        html.append("<p><b>").append(esc(verdict)).append("</b> Method: ").append(esc(String.valueOf(br.get("method")))).append(".</p>\n");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
