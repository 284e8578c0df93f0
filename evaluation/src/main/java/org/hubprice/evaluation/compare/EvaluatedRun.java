package org.hubprice.evaluation.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.evaluation.report.ResultFiles;

/**
 * The samples of one evaluation directory that the comparison tests use: the learned
 * policies' average price (over hubs) and price gap (dearest minus cheapest hub), per day from
 * {@code days.csv} or per (day, hour) from {@code hours.csv}.
 *
 * @param label a short name for tables
 * @param directory the evaluation directory
 * @param meanPrice average price per sample, $/MWh
 * @param priceGap price gap per sample, $/MWh
 */
public record EvaluatedRun(String label, Path directory, double[] meanPrice, double[] priceGap) {
    /** What one sample is. */
    public enum Unit {
        /** One value per evaluated day (means over hours). */
        DAY,
        /** One value per evaluated day and hour. */
        HOUR
    }

    /**
     * Reads {@code path}: an evaluation directory (with {@code summary.json}) or a run
     * directory whose {@code eval/} holds one.
     *
     * @throws IllegalArgumentException when neither holds an evaluation, or a table is malformed
     */
    public static EvaluatedRun read(Path path, String label, Unit unit) throws IOException {
        Path dir = path;
        if (!Files.isRegularFile(dir.resolve(ResultFiles.SUMMARY)) && Files.isRegularFile(dir.resolve("eval").resolve(ResultFiles.SUMMARY))) {
            dir = dir.resolve("eval");
        }
        if (!Files.isRegularFile(dir.resolve(ResultFiles.SUMMARY))) {
            throw new IllegalArgumentException(path + " holds no evaluation (no " + ResultFiles.SUMMARY + " in it or in " + path.resolve("eval")
                    + "). Maybe run 'hubprice evaluate' on it first");
        }
        String name = label != null ? label : defaultLabel(dir);
        return unit == Unit.DAY ? fromDays(name, dir) : fromHours(name, dir);
    }

    private static String defaultLabel(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path last = abs.getFileName();
        if (last != null && last.toString().equals("eval") && abs.getParent() != null && abs.getParent().getFileName() != null) {
            return abs.getParent().getFileName().toString();
        }
        return last == null ? abs.toString() : last.toString();
    }

    private static EvaluatedRun fromDays(String label, Path dir) throws IOException {
        Path file = dir.resolve(ResultFiles.DAYS);
        List<double[]> rows = readColumns(file, List.of("mean_price", "price_gap"));
        return new EvaluatedRun(label, dir, column(rows, 0), column(rows, 1));
    }

    private static EvaluatedRun fromHours(String label, Path dir) throws IOException {
        Path file = dir.resolve(ResultFiles.HOURS);
        // Rows of the learned profile, one per (date, hour, hub): gather the hubs of each (date, hour).
        Map<String, List<Double>> byHour = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> h = header == null ? List.of() : List.of(header.split(","));
            int date = need(file, h, "date");
            int hour = need(file, h, "hour");
            int profile = need(file, h, "profile");
            int price = need(file, h, "price");
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] c = line.split(",", -1);
                if (c.length != h.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": " + c.length + " columns, the header has " + h.size());
                }
                if (!c[profile].equals("learned")) {
                    continue;
                }
                byHour.computeIfAbsent(c[date] + "/" + c[hour], k -> new ArrayList<>()).add(parse(file, lineNo, "price", c[price]));
            }
        }
        double[] mean = new double[byHour.size()];
        double[] gap = new double[byHour.size()];
        int k = 0;
        for (List<Double> prices : byHour.values()) {
            double s = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double p : prices) {
                s += p;
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            mean[k] = s / prices.size();
            gap[k] = hi - lo;
            k++;
        }
        return new EvaluatedRun(label, dir, mean, gap);
    }

    private static List<double[]> readColumns(Path file, List<String> names) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; the evaluation directory is incomplete. Maybe evaluate again");
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> h = header == null ? List.of() : List.of(header.split(","));
            int[] idx = new int[names.size()];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = need(file, h, names.get(j));
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] c = line.split(",", -1);
                if (c.length != h.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": " + c.length + " columns, the header has " + h.size());
                }
                double[] r = new double[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    r[j] = parse(file, lineNo, names.get(j), c[idx[j]]);
                }
                rows.add(r);
            }
        }
        return rows;
    }

    private static int need(Path file, List<String> header, String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(file + " has no column '" + column + "' (columns: " + header + "); it was not written by "
                    + "'hubprice evaluate' of this version. Maybe evaluate again");
        }
        return i;
    }

    private static double parse(Path file, int line, String column, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column " + column + ": '" + text + "' is not a number");
        }
    }

    private static double[] column(List<double[]> rows, int j) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k)[j];
        }
        return out;
    }

    /** The runs pooled into one sample (concatenated), labelled {@code label}. */
    public static EvaluatedRun pool(String label, List<EvaluatedRun> runs) {
        int n = 0;
        for (EvaluatedRun r : runs) {
            n += r.meanPrice.length;
        }
        double[] p = new double[n];
        double[] g = new double[n];
        int k = 0;
        for (EvaluatedRun r : runs) {
            System.arraycopy(r.meanPrice, 0, p, k, r.meanPrice.length);
            System.arraycopy(r.priceGap, 0, g, k, r.priceGap.length);
            k += r.meanPrice.length;
        }
        return new EvaluatedRun(label, runs.get(0).directory, p, g);
    }
}
