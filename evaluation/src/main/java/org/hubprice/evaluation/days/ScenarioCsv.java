package org.hubprice.evaluation.days;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.data.MarketDay;

/**
 * A user's scenario file: one day of wholesale prices per row,
 * <pre>
 * date,da_0,...,da_23,rt_0,...,rt_23
 * 2022-07-14,31.2,...,28.9,30.0,...,27.5
 * </pre>
 * with an ISO date (unique) and 24 day-ahead and 24 real-time prices in $/MWh (finite; zero and
 * negative prices are allowed, the environment floors the reference price). Blank lines and
 * lines starting with {@code #} are ignored. EV arrivals are not part of the file: they are
 * drawn per (day, seed) like on any other day. Errors name the file, line, column and value.
 */
public final class ScenarioCsv {
    /** The 49 header columns. */
    public static final List<String> HEADER = header();

    private ScenarioCsv() {}

    private static List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("date");
        for (String prefix : new String[] {"da_", "rt_"}) {
            for (int t = 0; t < MarketDay.HOURS; t++) {
                h.add(prefix + t);
            }
        }
        return List.copyOf(h);
    }

    /** Whether {@code file} starts (after comments) with this format's header. */
    public static boolean looksLikeScenarioFile(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = stripBom(line.strip());
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                return t.replace(" ", "").startsWith("date,da_0,");
            }
        }
        return false;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Every day of {@code file}, in file order. */
    public static List<MarketDay> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("scenario file " + file + " does not exist or is not a file");
        }
        String where = file.toString();
        List<MarketDay> out = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        boolean headerSeen = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = stripBom(line.strip());
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (!headerSeen) {
                    checkHeader(where, lineNo, f);
                    headerSeen = true;
                    continue;
                }
                MarketDay d = parseRow(where, lineNo, f);
                Integer prev = seen.putIfAbsent(d.date(), lineNo);
                if (prev != null) {
                    throw new IllegalArgumentException(where + " line " + lineNo + ", column date: " + d.date() + " already appears on line "
                            + prev + "; each date may appear once");
                }
                out.add(d);
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(where + " is empty; it needs the header date,da_0..da_23,rt_0..rt_23 and one row per day");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + " has a header but no days; add one row per day");
        }
        return out;
    }

    private static void checkHeader(String where, int lineNo, String[] f) {
        if (f.length != HEADER.size()) {
            throw new IllegalArgumentException(where + " line " + lineNo + ": the header has " + f.length + " columns but " + HEADER.size()
                    + " are required (date,da_0..da_23,rt_0..rt_23)");
        }
        for (int i = 0; i < f.length; i++) {
            if (!f[i].strip().equals(HEADER.get(i))) {
                throw new IllegalArgumentException(where + " line " + lineNo + ": header column " + (i + 1) + " is '" + f[i].strip() + "' but '"
                        + HEADER.get(i) + "' is required (date,da_0..da_23,rt_0..rt_23)");
            }
        }
    }

    private static MarketDay parseRow(String where, int lineNo, String[] f) {
        if (f.length != HEADER.size()) {
            throw new IllegalArgumentException(where + " line " + lineNo + " (date " + f[0].strip() + "): " + f.length + " columns but "
                    + HEADER.size() + " are required (date + 24 da + 24 rt). Maybe a value is " + (f.length < HEADER.size() ? "missing" : "extra")
                    + "?");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(f[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " line " + lineNo + ", column date: '" + f[0].strip() + "' is not a date; use yyyy-mm-dd");
        }
        double[] da = new double[MarketDay.HOURS];
        double[] rt = new double[MarketDay.HOURS];
        for (int col = 1; col < f.length; col++) {
            String raw = f[col].strip();
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + " line " + lineNo + " (date " + date + "), column " + HEADER.get(col) + ": '" + raw
                        + "' is not a finite price in $/MWh");
            }
            if (col <= MarketDay.HOURS) {
                da[col - 1] = v;
            } else {
                rt[col - 1 - MarketDay.HOURS] = v;
            }
        }
        return new MarketDay(date, da, rt);
    }
}
