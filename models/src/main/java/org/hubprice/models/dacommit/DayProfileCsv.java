package org.hubprice.models.dacommit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training days as CSV, one day per row:
 * <pre>
 * date,da_0,...,da_23,rt_0,...,rt_23,load_0,...,load_23
 * 2024-01-01,31.2,...,28.9,30.0,...,27.5,60.1,...,68.7
 * </pre>
 * {@code date} is ISO ({@code yyyy-mm-dd}) and unique, {@code da_t} and {@code rt_t} are the
 * day-ahead and real-time prices of hour t in $/MWh (any finite number), {@code load_t} the
 * expected hub load of hour t in kWh ({@code >= 0}). Blank lines and lines starting with
 * {@code #} are ignored. Errors name the file, the line, the column and the value.
 */
public final class DayProfileCsv {
    /** The 73 header columns. */
    public static final List<String> HEADER = header();
    /** The header as one line. */
    public static final String HEADER_LINE = String.join(",", HEADER);

    private DayProfileCsv() {}

    private static List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("date");
        for (String prefix : new String[] {"da_", "rt_", "load_"}) {
            for (int t = 0; t < DayProfile.HOURS; t++) {
                h.add(prefix + t);
            }
        }
        return List.copyOf(h);
    }

    /** One parsed row: the date and the day. */
    public record DatedDay(LocalDate date, DayProfile day) {
        public DatedDay {
            if (date == null || day == null) {
                throw new IllegalArgumentException("a dated day needs both a date and a day profile");
            }
        }
    }

    /** Reads every day of {@code file}, in file order. */
    public static List<DayProfile> read(Path file) throws IOException {
        return readDated(file).stream().map(DatedDay::day).toList();
    }

    /** Reads every day of {@code file} with its date, in file order. */
    public static List<DatedDay> readDated(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("days file is missing; give a CSV path");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("days file " + file + " does not exist or is not a file. Maybe a typo in the path?");
        }
        List<DatedDay> out = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        String where = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1); // a UTF-8 byte order mark written by some spreadsheets
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split(",", -1);
                if (!headerSeen) {
                    checkHeader(where, lineNo, f);
                    headerSeen = true;
                    continue;
                }
                DatedDay d = parseRow(where, lineNo, f);
                Integer prev = seen.putIfAbsent(d.date(), lineNo);
                if (prev != null) {
                    throw new IllegalArgumentException(where + " line " + lineNo + ", column date: " + d.date()
                            + " already appears on line " + prev + "; each date may appear once");
                }
                out.add(d);
            }
            if (!headerSeen) {
                throw new IllegalArgumentException(where + " is empty; it needs the header " + HEADER_LINE + " and one row per day");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + " has a header but no days; add one row per day");
        }
        return out;
    }

    private static void checkHeader(String where, int lineNo, String[] f) {
        for (int i = 0; i < Math.min(f.length, HEADER.size()); i++) {
            if (!f[i].strip().equals(HEADER.get(i))) {
                throw new IllegalArgumentException(where + " line " + lineNo + ": header column " + (i + 1) + " is '" + f[i].strip()
                        + "' but '" + HEADER.get(i) + "' is required; the header must be date,da_0..da_23,rt_0..rt_23,load_0..load_23");
            }
        }
        if (f.length != HEADER.size()) {
            throw new IllegalArgumentException(where + " line " + lineNo + ": the header has " + f.length + " columns but "
                    + HEADER.size() + " are required (date,da_0..da_23,rt_0..rt_23,load_0..load_23)");
        }
    }

    private static DatedDay parseRow(String where, int lineNo, String[] f) {
        if (f.length != HEADER.size()) {
            throw new IllegalArgumentException(where + " line " + lineNo + " (date " + f[0].strip() + "): " + f.length + " columns but "
                    + HEADER.size() + " are required (date + 24 da + 24 rt + 24 load). Maybe a value is "
                    + (f.length < HEADER.size() ? "missing" : "extra") + "?");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(f[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " line " + lineNo + ", column date: '" + f[0].strip()
                    + "' is not a date; use yyyy-mm-dd, e.g. 2024-01-31");
        }
        int h = DayProfile.HOURS;
        double[][] v = new double[3][h];
        for (int g = 0; g < 3; g++) {
            for (int t = 0; t < h; t++) {
                int col = 1 + g * h + t;
                String raw = f[col].strip();
                String name = HEADER.get(col);
                double x;
                try {
                    x = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " line " + lineNo + ", column " + name + ": '" + raw + "' is not a number");
                }
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException(where + " line " + lineNo + ", column " + name + ": " + raw
                            + " is not a finite number; every hour needs a real value");
                }
                if (g == 2 && x < 0) {
                    throw new IllegalArgumentException(where + " line " + lineNo + ", column " + name + ": " + raw
                            + " is negative; loads must be >= 0 kWh");
                }
                v[g][t] = x;
            }
        }
        return new DatedDay(date, new DayProfile(v[0], v[1], v[2]));
    }

    /**
     * Writes days with consecutive dates starting at {@code firstDate}, in the format
     * {@link #read} reads (values printed exactly, so they read back bit-identical).
     */
    public static void write(Writer out, LocalDate firstDate, List<DayProfile> days) throws IOException {
        out.write(HEADER_LINE);
        out.write('\n');
        LocalDate d = firstDate;
        StringBuilder sb = new StringBuilder();
        for (DayProfile day : days) {
            sb.setLength(0);
            sb.append(d);
            for (double[] a : new double[][] {day.daPrices(), day.rtPrices(), day.expectedLoad()}) {
                for (double x : a) {
                    sb.append(',').append(x);
                }
            }
            sb.append('\n');
            out.write(sb.toString());
            d = d.plusDays(1);
        }
    }
}
