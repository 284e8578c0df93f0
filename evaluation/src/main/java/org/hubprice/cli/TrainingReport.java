package org.hubprice.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.training.TrainingSummary;

/** The human-readable end-of-run summary of {@code train} and {@code demo}. */
final class TrainingReport {
    private TrainingReport() {}

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, TrainingSummary s) {
        Map<String, Object> d = s.details();
        out.printf(Locale.ROOT, "Training stopped after %d episodes: %s.%n", s.episodes(), s.stopReason().text());
        Map<String, Object> timing = (Map<String, Object>) d.get("timing");
        if (timing != null && s.sessionEpisodes() > 0) {
            out.printf(Locale.ROOT, "  this session: %d episodes in %.1f s, %.0f periods/s (%.1f s per 1,000 episodes); setup %.1f s%n",
                    s.sessionEpisodes(), num(timing.get("sessionSeconds")), num(timing.get("periodsPerSecond")),
                    num(timing.get("secondsPer1000Episodes")), num(d.get("setupSeconds")));
            Map<String, Object> phases = (Map<String, Object>) timing.get("phases");
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Object> e : phases.entrySet()) {
                double share = num(((Map<String, Object>) e.getValue()).get("share"));
                if (share >= 0.001) {
                    sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append(String.format(Locale.ROOT, " %.1f%%", 100 * share));
                }
            }
            out.println("  where the time went: " + sb);
        }
        Map<String, Object> v = (Map<String, Object>) d.get("finalValidation");
        Map<String, Object> b = (Map<String, Object>) d.get("benchmarks");
        if (v != null) {
            List<String> days = b != null ? (List<String>) b.get("validationDays") : null;
            out.printf(Locale.ROOT, "Validation at episode %s (learned policies acting deterministically on %s training days):%n",
                    v.get("episode"), days != null ? String.valueOf(days.size()) : "the fixed");
            out.printf(Locale.ROOT, "  profit per day, all hubs: %.2f $   per hub: %s   mean price multiplier: %s%n",
                    num(v.get("totalProfitPerDay")), list(v.get("profitPerDay"), "%.2f"), list(v.get("meanMultiplier"), "%.3f"));
            if (b != null) {
                out.printf(Locale.ROOT, "  same days, all hubs at multiplier 1: %.2f $, all at the cap 2: %.2f $, uniformly random: %.2f $%n",
                        num(((Map<String, Object>) b.get("competitive")).get("totalProfitPerDay")),
                        num(((Map<String, Object>) b.get("monopolyProxy")).get("totalProfitPerDay")),
                        num(((Map<String, Object>) b.get("random")).get("totalProfitPerDay")));
            }
            Object delta = v.get("collusionIndexQuick");
            if (delta instanceof Number n) {
                out.printf(Locale.ROOT, "  quick collusion index (pi - pi_C) / (pi_M - pi_C) = %.3f  (0 = competitive, 1 = the cap;"
                        + " pi_M here is all hubs at the cap, a proxy: the evaluation computes it by optimisation)%n", n.doubleValue());
            }
        }
        Map<String, Object> files = (Map<String, Object>) d.get("files");
        out.println("Outputs in " + s.outputDir() + ":");
        for (String f : List.of("learning-curve.png", "metrics.csv", "validation.csv", "run-summary.json", "run.json", "train.log",
                "checkpoints/final", "checkpoints/best", "checkpoints/last")) {
            if (files != null && files.containsKey(f)) {
                out.println("  " + f);
            }
        }
        out.flush();
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String list(Object o, String fmt) {
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, fmt, num(l.get(i))));
            }
            return sb.append(']').toString();
        }
        if (o instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, fmt, a[i]));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(o);
    }
}
