package org.hubprice.evaluation.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.evaluation.report.StudyFigures;

/** {@code results.html}: the Markdown page as HTML, with the figures (hourly prices, Δ boxes, balking variants, learning curves). */
final class StudyPage {
    private StudyPage() {}

    static String html(StudyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hubprice: the paper's study</title>\n<style>"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.4}table{border-collapse:collapse;font-size:0.9em}"
                + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}img{max-width:100%}code{background:#f4f4f4}</style></head><body>\n");
        sb.append(markdownToHtml(r.markdown()));
        if (r.cells() > 0) {
            sb.append("<h2>Figures</h2>\n");
            figure(sb, "Hourly price against the cost of power", hourly(r));
            Map<String, double[][]> responses = bestResponses(r);
            if (!responses.isEmpty()) {
                figure(sb, "Learned prices and the best responses to them", StudyFigures.bestResponses(responses));
            }
            Map<String, double[]> deltas = new LinkedHashMap<>();
            Map<String, double[]> variants = new LinkedHashMap<>();
            for (CellResult c : r.cellResults()) {
                deltas.put(c.cell().id(), c.pooled("delta"));
                if (c.cell().allSac() && c.cell().allFf()) {
                    variants.put(c.cell().id(), c.pooled("delta"));
                }
            }
            figure(sb, "Δ per held-out day, every cell", StudyFigures.boxes("Collusion index per held-out day (all seeds)", "Δ", deltas));
            figure(sb, "The balking variants", StudyFigures.boxes("SAC-FF x SAC-FF: baseline, no balking, +50 % demand", "Δ", variants));
            for (CellResult c : r.cellResults()) {
                Map<String, double[][]> runs = new LinkedHashMap<>();
                for (JsonNode n : c.runs()) {
                    JsonNode curve = n.path("learningCurve");
                    double[][] xy = new double[2][curve.size()];
                    for (int k = 0; k < curve.size(); k++) {
                        xy[0][k] = curve.get(k).path("episode").asDouble();
                        xy[1][k] = curve.get(k).path("collusionIndexQuick").asDouble(Double.NaN);
                    }
                    runs.put("seed " + n.path("seed").asLong(), xy);
                }
                figure(sb, "Learning curves: " + c.cell().id(), StudyFigures.learningCurves(c.cell().id() + ": quick collusion index against"
                        + " training episodes", runs));
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Per cell with hourly multipliers in its summaries: mean learned and best-response multiplier per hour over runs and hubs. */
    static Map<String, double[][]> bestResponses(StudyReport r) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (CellResult c : r.cellResults()) {
            double[][] sum = new double[2][24];
            int[][] n = new int[2][24];
            String[] keys = {"learnedMultiplierPerHour", "bestResponseMultiplierPerHour"};
            for (JsonNode run : c.runs()) {
                for (JsonNode h : run.path("heldOut").path("exploitability")) {
                    for (int s = 0; s < 2; s++) {
                        JsonNode v = h.path(keys[s]);
                        for (int t = 0; t < 24; t++) {
                            if (v.path(t).isNumber()) {
                                sum[s][t] += v.path(t).asDouble();
                                n[s][t]++;
                            }
                        }
                    }
                }
            }
            if (java.util.Arrays.stream(n[0]).sum() == 0) {
                continue;
            }
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < 24; t++) {
                    sum[s][t] = n[s][t] > 0 ? sum[s][t] / n[s][t] : Double.NaN;
                }
            }
            out.put(c.cell().id(), sum);
        }
        return out;
    }

    private static byte[] hourly(StudyReport r) {
        Map<String, double[]> price = new LinkedHashMap<>();
        double[] cost = new double[24];
        int[] n = new int[24];
        for (CellResult c : r.cellResults()) {
            double[] p = new double[24];
            int[] m = new int[24];
            for (JsonNode run : c.runs()) {
                JsonNode h = run.path("heldOut").path("hourly");
                for (int t = 0; t < 24; t++) {
                    if (h.path("price").path(t).isNumber()) {
                        p[t] += h.path("price").path(t).asDouble();
                        m[t]++;
                    }
                    if (h.path("unitCost").path(t).isNumber()) {
                        cost[t] += h.path("unitCost").path(t).asDouble();
                        n[t]++;
                    }
                }
            }
            for (int t = 0; t < 24; t++) {
                p[t] = m[t] > 0 ? p[t] / m[t] : Double.NaN;
            }
            price.put(c.cell().id(), p);
        }
        for (int t = 0; t < 24; t++) {
            cost[t] = n[t] > 0 ? cost[t] / n[t] : Double.NaN;
        }
        return StudyFigures.hourlyPrices(price, cost);
    }

    private static void figure(StringBuilder sb, String caption, byte[] png) {
        sb.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    }

    /** Headings, paragraphs, bullet lists, tables, bold and code spans: what the Markdown page uses. */
    static String markdownToHtml(String md) {
        StringBuilder out = new StringBuilder();
        String[] lines = md.split("\n");
        boolean inTable = false;
        boolean inList = false;
        for (String line : lines) {
            if (inTable && !line.startsWith("|")) {
                out.append("</table>\n");
                inTable = false;
            }
            if (inList && !line.startsWith("- ")) {
                out.append("</ul>\n");
                inList = false;
            }
            if (line.startsWith("|")) {
                if (line.matches("\\|[-| ]+\\|")) {
                    continue;
                }
                String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
                String tag = inTable ? "td" : "th";
                if (!inTable) {
                    out.append("<table>\n");
                    inTable = true;
                }
                out.append("<tr>");
                for (String c : cells) {
                    out.append('<').append(tag).append('>').append(inline(c.trim())).append("</").append(tag).append('>');
                }
                out.append("</tr>\n");
            } else if (line.startsWith("## ")) {
                out.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                out.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("- ")) {
                if (!inList) {
                    out.append("<ul>\n");
                    inList = true;
                }
                out.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (!line.isBlank()) {
                out.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inTable) {
            out.append("</table>\n");
        }
        if (inList) {
            out.append("</ul>\n");
        }
        return out.toString();
    }

    private static String inline(String s) {
        return escape(s).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>").replaceAll("`(.+?)`", "<code>$1</code>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
