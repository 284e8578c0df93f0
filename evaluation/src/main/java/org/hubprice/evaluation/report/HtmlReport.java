package org.hubprice.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.hubprice.env.game.DaCommitments;
import org.hubprice.evaluation.DayPath;
import org.hubprice.evaluation.DayResult;
import org.hubprice.evaluation.DeviationReport;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.stats.Summary;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The self-contained HTML report of an evaluation: every chart is a PNG embedded as a base64
 * data URI, so the file can be mailed or archived alone. Sections: summary table; hourly price
 * per hub against the unit cost of power (paper Figures 7b and 9); box plots of daily profit
 * and of {@code Δ} (Figures 7c and 10); the DA commitment against the expected load
 * (Figure 6d); the deviation test; the learning curve when the run has one; the per-day table;
 * the provenance. A small script marks in the DOM ({@code #render-check}) how many images
 * decoded, which the headless-browser test reads.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EvaluationResult result;
    private final Path learningCurvePng;
    private final StringBuilder html = new StringBuilder(1 << 20);
    private int figures;

    private HtmlReport(EvaluationResult result, Path learningCurvePng) {
        this.result = result;
        this.learningCurvePng = learningCurvePng;
    }

    /**
     * The report of {@code result}.
     *
     * @param learningCurvePng the run's learning curve image, or null
     */
    public static String render(EvaluationResult result, Path learningCurvePng) {
        return new HtmlReport(result, learningCurvePng).build();
    }

    private String build() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hubprice evaluation</title>\n<style>")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1000px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}img{display:block;max-width:100%;margin:8px 0}")
                .append("pre{background:#f7f7f7;padding:8px;overflow:auto;font-size:12px}figcaption{font-size:13px;color:#555}")
                .append("</style></head><body>\n");
        header();
        summaryTable();
        hourlyPrices();
        boxPlots();
        CollusionSection.write(result, html, this::figure);
        commitment();
        deviation();
        learningCurve();
        dayTable();
        provenance();
        html.append("<p id=\"render-check\" data-images=\"\" data-decoded=\"\" data-failed=\"\">charts not checked</p>\n")
                .append("<script>\nfunction hubpriceCheck(){var im=document.images,ok=0,bad=[];")
                .append("for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0){ok++;}else{bad.push(im[i].alt);}}")
                .append("var m=document.getElementById('render-check');m.setAttribute('data-images',im.length);")
                .append("m.setAttribute('data-decoded',ok);m.setAttribute('data-failed',bad.join('|'));")
                .append("m.textContent='charts rendered: '+ok+' of '+im.length;}\n")
                .append("window.addEventListener('load',hubpriceCheck);\n</script>\n</body></html>\n");
        return html.toString();
    }

    private void header() {
        html.append("<h1>hubprice evaluation</h1>\n<p>");
        html.append(result.days().size()).append(" days × ").append(result.options().replications())
                .append(" demand replications (common random numbers across policies and benchmarks), ").append(result.hubs())
                .append(" hubs, written ").append(esc(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append(".</p>\n<table><tr><th class=\"l\">hub</th><th class=\"l\">policy</th></tr>");
        for (Map<String, Object> p : result.policies()) {
            html.append("<tr><td class=\"l\">").append(esc(String.valueOf(p.get("hub")))).append("</td><td class=\"l\">")
                    .append(esc(String.valueOf(p.get("label")))).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private void summaryTable() {
        Summary d = result.deltaSummary();
        double[] ci = result.deltaMedianInterval();
        Summary learned = Summary.of(result.dailyProfit(0));
        Summary comp = Summary.of(result.dailyProfit(1));
        Summary mono = Summary.of(result.dailyProfit(2));
        html.append("<h2>Summary</h2>\n<table>");
        row("collusion index Δ, median", fmt(d.median(), 3));
        row("Δ, mean", fmt(d.mean(), 3));
        row("Δ, interquartile range", fmt(d.q1(), 3) + " – " + fmt(d.q3(), 3));
        row(String.format(Locale.ROOT, "Δ median, %.0f %% bootstrap interval", 100 * result.options().confidence()),
                fmt(ci[0], 3) + " – " + fmt(ci[1], 3));
        row("days with Δ undefined (π^M = π^C)", Integer.toString(result.days().size() - d.n()));
        row("daily profit, learned (mean, $)", fmt(learned.mean(), 2));
        row("daily profit, competitive π^C (mean, $)", fmt(comp.mean(), 2));
        row("daily profit, monopoly π^M (mean, $)", fmt(mono.mean(), 2));
        row("average markup (price / unit cost)", fmt(result.meanMarkup(-1), 3));
        for (int i = 0; i < result.hubs(); i++) {
            row("mean price " + result.agents().get(i) + " ($/MWh)", fmt(result.meanPrice(i), 2));
        }
        html.append("</table>\n");
    }

    private void row(String k, String v) {
        html.append("<tr><th class=\"l\">").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private void hourlyPrices() {
        int h = result.hubs();
        double[][] price = new double[h][24];
        double[][] cost = new double[h][24];
        int[][] costN = new int[h][24];
        double[] ref = new double[24];
        double[] mono = new double[24];
        for (DayResult d : result.days()) {
            for (int t = 0; t < 24; t++) {
                for (int i = 0; i < h; i++) {
                    price[i][t] += d.learned().price(t, i);
                    double c = d.learned().unitCost(t, i);
                    if (Double.isFinite(c)) {
                        cost[i][t] += c;
                        costN[i][t]++;
                    }
                }
                ref[t] += d.competitive().price(t, 0);
                mono[t] += d.monopoly().price(t, 0);
            }
        }
        int n = result.days().size();
        XYChart c = Charts.xy("Hourly price per hub against the unit cost of power (mean over days)", "hour", "$/MWh");
        double[] x = Charts.hours();
        for (int i = 0; i < h; i++) {
            double[] p = new double[24];
            double[] u = new double[24];
            for (int t = 0; t < 24; t++) {
                p[t] = price[i][t] / n;
                u[t] = costN[i][t] > 0 ? cost[i][t] / costN[i][t] : Double.NaN;
            }
            Charts.line(c, result.agents().get(i) + " price", x, p, Charts.hubColor(i), SeriesLines.SOLID, true);
            Charts.line(c, result.agents().get(i) + " unit cost", x, u, Charts.hubColor(i), SeriesLines.DASH_DASH, false);
        }
        for (int t = 0; t < 24; t++) {
            ref[t] /= n;
            mono[t] /= n;
        }
        Charts.line(c, "marginal cost min(DA, RT)", x, ref, Color.GRAY, SeriesLines.DOT_DOT, false);
        Charts.line(c, "monopoly price π^M", x, mono, Color.BLACK, SeriesLines.DASH_DOT, false);
        html.append("<h2>Prices</h2>\n");
        figure(Charts.png(c), "hourly price per hub against the unit cost",
                "Mean over days of each hub's hourly price (solid) and the unit cost of the power it served (dashed: DA, battery "
                        + "at cost basis and RT energy over load), with the marginal cost m = min(DA, RT) and the monopoly schedule's "
                        + "price (paper Figures 7b and 9).");
    }

    private void boxPlots() {
        BoxChart profit = Charts.box("Daily joint profit per day", "$ per day");
        profit.addSeries("learned", result.dailyProfit(0));
        profit.addSeries("competitive π^C", result.dailyProfit(1));
        profit.addSeries("monopoly π^M", result.dailyProfit(2));
        html.append("<h2>Profit and collusion index</h2>\n");
        figure(Charts.png(profit), "box plot of daily profit",
                "Daily joint profit of the learned policies and the two benchmarks over the evaluated days (paper Figure 7c).");
        double[] delta = result.definedDeltas();
        if (delta.length > 0) {
            BoxChart b = Charts.box("Collusion index Δ per day", "Δ");
            b.addSeries("Δ", delta);
            figure(Charts.png(b), "box plot of the collusion index",
                    "Δ_d = (π̄_d − π^C_d) / (π^M_d − π^C_d) over the evaluated days: 0 is competition, 1 full collusion (paper Figure 10).");
        }
    }

    private void commitment() {
        double[][] com = result.scenarios().commitments();
        double[][] expected = DaCommitments.expectedHubLoads(result.scenarios().config());
        boolean shared = true;
        for (int i = 1; i < com.length; i++) {
            shared &= java.util.Arrays.equals(com[i], com[0]) && java.util.Arrays.equals(expected[i], expected[0]);
        }
        XYChart c = Charts.xy("DA commitment against expected load per hub", "hour", "kWh");
        double[] x = Charts.hours();
        for (int i = 0; i < (shared ? 1 : com.length); i++) {
            String who = shared ? "every hub" : result.agents().get(i);
            Color colour = shared ? Color.BLACK : Charts.hubColor(i);
            Charts.line(c, "DA commitment, " + who, x, com[i], colour, SeriesLines.SOLID, true);
            Charts.line(c, "expected load, " + who, x, expected[i], shared ? Color.GRAY : colour, SeriesLines.DASH_DASH, false);
        }
        for (int i = 0; i < result.hubs(); i++) {
            double[] load = new double[24];
            for (DayResult d : result.days()) {
                for (int t = 0; t < 24; t++) {
                    load[t] += d.learned().load(t, i) / result.days().size();
                }
            }
            Charts.line(c, result.agents().get(i) + " load, learned", x, load, Charts.hubColor(i), SeriesLines.DOT_DOT, false);
        }
        html.append("<h2>Day-ahead commitment</h2>\n");
        figure(Charts.png(c), "DA commitment against expected load",
                "The hourly DA commitment the hubs buy, the expected hub load it was planned for (the expected charge-seeking EVs "
                        + "spread over the hubs at equal prices, times the mean energy per EV), and the mean load each hub served under "
                        + "the learned policies (paper Figure 6d).");
    }

    private void deviation() {
        if (result.deviation() == null) {
            return;
        }
        DeviationReport r = DeviationReport.of(result);
        XYChart prices = Charts.xy(String.format(Locale.ROOT, "Deviation test: %s at multiplier %.2f in hour %d", result.agents().get(r.hub()),
                r.multiplier(), r.hour()), "hour", "$/MWh");
        XYChart profits = Charts.xy("Deviation test: hourly profit", "hour", "$ per hour");
        double[] x = Charts.hours();
        for (int i = 0; i < result.hubs(); i++) {
            double[] pu = new double[24];
            double[] pd = new double[24];
            double[] qu = new double[24];
            double[] qd = new double[24];
            for (int t = 0; t < 24; t++) {
                pu[t] = r.priceUndisturbed()[t][i];
                pd[t] = r.priceDeviation()[t][i];
                qu[t] = r.profitUndisturbed()[t][i];
                qd[t] = r.profitDeviation()[t][i];
            }
            String a = result.agents().get(i);
            Charts.line(prices, a + " undisturbed", x, pu, Charts.hubColor(i), SeriesLines.SOLID, false);
            Charts.line(prices, a + " with deviation", x, pd, Charts.hubColor(i), SeriesLines.DASH_DASH, true);
            Charts.line(profits, a + " undisturbed", x, qu, Charts.hubColor(i), SeriesLines.SOLID, false);
            Charts.line(profits, a + " with deviation", x, qd, Charts.hubColor(i), SeriesLines.DASH_DASH, true);
        }
        html.append("<h2>Deviation test</h2>\n<p>").append(esc(result.agents().get(r.hub()))).append(" is forced to multiplier ")
                .append(fmt(r.multiplier(), 2)).append(" in hour ").append(r.hour())
                .append("; before and after, every hub follows its policy. Same draws as the undisturbed path.</p>\n");
        figure(Charts.png(prices), "deviation test prices", "Mean hourly prices with and without the forced deviation.");
        figure(Charts.png(profits), "deviation test profits", "Mean hourly profits with and without the forced deviation.");
        html.append("<table><tr><th class=\"l\">hub</th><th>price change next hour ($/MWh)</th><th>profit change at deviation ($)</th>")
                .append("<th>profit change after ($)</th><th>profit change rest of day ($)</th></tr>");
        int next = Math.min(r.hour() + 1, 23);
        for (int i = 0; i < result.hubs(); i++) {
            html.append("<tr><td class=\"l\">").append(esc(result.agents().get(i))).append(i == r.hub() ? " (deviator)" : " (rival)")
                    .append("</td><td>").append(r.hour() < 23 ? fmt(r.priceChange(next, i), 3) : "–").append("</td><td>")
                    .append(fmt(r.profitDeviation()[r.hour()][i] - r.profitUndisturbed()[r.hour()][i], 2)).append("</td><td>")
                    .append(fmt(r.profitChange(i, r.hour() + 1), 2)).append("</td><td>").append(fmt(r.profitChange(i, r.hour()), 2))
                    .append("</td></tr>");
        }
        int back = r.returnHour();
        Map<?, ?> verdict = (Map<?, ?>) r.toMap().get("verdict");
        Object search = result.section("deviationSearch");
        html.append("</table>\n<p>").append(search instanceof Map<?, ?> m
                ? esc("The deviation is the most profitable one-shot undercut (below the deviator's undisturbed multiplier "
                        + fmt(((Number) m.get("undisturbedMultiplier")).doubleValue(), 3) + "). ")
                : esc("The deviation multiplier was forced. ")).append(esc(String.valueOf(verdict.get("reading")))).append(".</p>\n");
        html.append("<p>Prices back on the undisturbed path (every hub's mean price within ")
                .append(String.valueOf(DeviationReport.SAME_PRICE).replace("1.0E", "1e")).append(" $/MWh of it, i.e. the same price, for the rest of the day) from hour: ")
                .append(back >= 0 ? Integer.toString(back) : "not within the day").append(".");
        if (r.hour() < 23) {
            html.append(" Largest gap between the two paths over hubs ($/MWh), by hour after the deviation:");
            for (int t = r.hour() + 1; t < 24; t++) {
                html.append(t == r.hour() + 1 ? " " : ", ").append(t).append(": ").append(fmt(r.largestPriceGap(t), 3));
            }
            html.append('.');
        }
        html.append("</p>\n");
    }

    private void learningCurve() {
        if (learningCurvePng == null || !Files.isRegularFile(learningCurvePng)) {
            return;
        }
        try {
            html.append("<h2>Learning curve</h2>\n");
            figure(Files.readAllBytes(learningCurvePng), "learning curve",
                    "The run's learning curve (" + esc(learningCurvePng.getFileName().toString()) + "): daily profit and mean multiplier per hub "
                            + "during training, validation passes as markers.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the learning curve " + learningCurvePng, e);
        }
    }

    private void dayTable() {
        html.append("<h2>Days</h2>\n<table><tr><th class=\"l\">date</th><th>Δ</th><th>learned $</th><th>π^C $</th><th>π^M $</th>");
        for (String a : result.agents()) {
            html.append("<th>").append(esc(a)).append(" $/MWh</th>");
        }
        html.append("<th>served (EVs/day, all hubs)</th><th>balked (EVs/day, all hubs)</th></tr>\n");
        for (DayResult d : result.days()) {
            DayPath l = d.learned();
            double served = 0;
            double balked = 0;
            for (int i = 0; i < result.hubs(); i++) {
                served += l.served(i);
                balked += l.balkedTotal(i);
            }
            html.append("<tr><td class=\"l\">").append(d.date()).append("</td><td>").append(fmt(d.delta(), 3)).append("</td><td>")
                    .append(fmt(l.totalProfit(), 2)).append("</td><td>").append(fmt(d.competitive().totalProfit(), 2)).append("</td><td>")
                    .append(fmt(d.monopoly().totalProfit(), 2)).append("</td>");
            for (int i = 0; i < result.hubs(); i++) {
                html.append("<td>").append(fmt(l.meanPrice(i), 2)).append("</td>");
            }
            html.append("<td>").append(fmt(served, 1)).append("</td><td>").append(fmt(balked, 1)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void provenance() {
        html.append("<h2>Provenance</h2>\n<pre>");
        try {
            html.append(esc(JSON.writeValueAsString(result.provenance())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        html.append("</pre>\n");
    }

    private void figure(byte[] png, String alt, String caption) {
        figures++;
        html.append("<figure><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>Figure ").append(figures).append(". ")
                .append(esc(caption)).append("</figcaption></figure>\n");
    }

    static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
