package org.hubprice.training.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file written by {@link CsvLog}, read back: the header and the complete rows (a row
 * with another number of cells, such as the torn last line of a killed run, is skipped). The one
 * reader of run files, for a resume and for {@code RunDirectory}.
 *
 * @param header the column names
 * @param rows the complete rows, in file order
 */
public record CsvTable(List<String> header, List<String[]> rows) {
    /** Reads {@code file}; an empty file gives an empty header and no rows. */
    public static CsvTable read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = in.readLine();
            if (head == null) {
                return new CsvTable(List.of(), List.of());
            }
            List<String> header = Arrays.asList(split(head));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String[] c = split(line);
                if (c.length == header.size()) {
                    rows.add(c);
                }
            }
            return new CsvTable(List.copyOf(header), rows);
        }
    }

    /** Index of column {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The names of the columns {@code prefix + X}, as the X (e.g. the hubs of {@code reward_hub_0, reward_hub_1}). */
    public List<String> suffixes(String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : header) {
            if (c.startsWith(prefix)) {
                out.add(c.substring(prefix.length()));
            }
        }
        return out;
    }

    /** Cell {@code column} of row {@code row} as a number; NaN when it is not one. */
    public double number(int row, int column) {
        try {
            return Double.parseDouble(rows.get(row)[column]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits a CSV line written by {@link CsvLog} (quoted cells may hold commas and doubled quotes). */
    public static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
