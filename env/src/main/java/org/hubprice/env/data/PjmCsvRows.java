package org.hubprice.env.data;

import static org.hubprice.env.data.PjmCsvText.ACCEPTED_FORMATS;
import static org.hubprice.env.data.PjmCsvText.BAD_DATE;
import static org.hubprice.env.data.PjmCsvText.BAD_FORMAT;
import static org.hubprice.env.data.PjmCsvText.NOT_ON_HOUR;
import static org.hubprice.env.data.PjmCsvText.lineEnd;
import static org.hubprice.env.data.PjmCsvText.next;
import static org.hubprice.env.data.PjmCsvText.parseBoolean;
import static org.hubprice.env.data.PjmCsvText.parseTimestamp;
import static org.hubprice.env.data.PjmCsvText.parseVersion;
import static org.hubprice.env.data.PjmCsvText.splitCsv;
import static org.hubprice.env.data.PjmLmpCsvLoader.CURRENT_COLUMN;
import static org.hubprice.env.data.PjmLmpCsvLoader.EPT_COLUMN;
import static org.hubprice.env.data.PjmLmpCsvLoader.PNODE_COLUMN;
import static org.hubprice.env.data.PjmLmpCsvLoader.UTC_COLUMN;
import static org.hubprice.env.data.PjmLmpCsvLoader.VERSION_COLUMN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every data row of one PJM hourly LMP file as parsed, in file order, in parallel arrays: the
 * timestamp key (hours since the epoch, in UTC or EPT as the file gives it), the price, the
 * version, the current flag and the pnode. Reading checks the header and every field and names
 * the file, line, column and value of the first that is wrong; which rows count is decided by
 * {@link PjmLmpCsvLoader}.
 */
final class PjmCsvRows {
    final String name;
    /** The timestamp column used: {@code datetime_beginning_utc} when present, else the EPT one. */
    final String tsColumn;
    final boolean utc;
    final int count;
    final long[] keys;
    final double[] prices;
    final int[] versions;
    final boolean[] current;
    /** Per row, the index of its pnode in {@link #pnodeNames} (0 when the file has no pnode column). */
    final int[] pnodes;
    final boolean hasPnodeColumn;
    final List<String> pnodeNames;
    final Map<String, Integer> pnodeIndex;

    private PjmCsvRows(String name, String tsColumn, boolean utc, int count, long[] keys, double[] prices, int[] versions, boolean[] current,
                       int[] pnodes, boolean hasPnodeColumn, List<String> pnodeNames, Map<String, Integer> pnodeIndex) {
        this.name = name;
        this.tsColumn = tsColumn;
        this.utc = utc;
        this.count = count;
        this.keys = keys;
        this.prices = prices;
        this.versions = versions;
        this.current = current;
        this.pnodes = pnodes;
        this.hasPnodeColumn = hasPnodeColumn;
        this.pnodeNames = pnodeNames;
        this.pnodeIndex = pnodeIndex;
    }

    /**
     * Reads {@code file}, the {@code market} ("DA" or "RT") file whose prices are in
     * {@code priceColumn}; {@code otherPriceColumn} only serves the hint for swapped files.
     */
    static PjmCsvRows read(Path file, String market, String priceColumn, String otherPriceColumn) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // byte-order mark written by spreadsheet programs
        }
        int pos = 0;
        int lineNo = 0;
        List<String> fields = new ArrayList<>();

        // Header: the first non-blank line.
        String header = null;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end);
            pos = next(text, end);
            lineNo++;
            if (!line.isBlank()) {
                header = line;
                break;
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(name + " is empty; a PJM " + market + " LMP CSV with a header line is required");
        }
        splitCsv(header, fields, name, lineNo);
        List<String> columns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String c = fields.get(i).trim().toLowerCase(Locale.ROOT);
            columns.add(c);
            index.putIfAbsent(c, i);
        }
        Integer priceIdx = index.get(priceColumn);
        if (priceIdx == null) {
            String hint = index.containsKey(otherPriceColumn)
                    ? ". Maybe the DA and RT files are swapped: this one has " + otherPriceColumn
                    : ". Maybe this is not a PJM hourly LMP export (da_hrl_lmps / rt_hrl_lmps)";
            throw new IllegalArgumentException(name + ": missing required column " + priceColumn + "; columns found: " + columns + hint);
        }
        boolean utc = index.containsKey(UTC_COLUMN);
        if (!utc && !index.containsKey(EPT_COLUMN)) {
            throw new IllegalArgumentException(name + ": missing required column " + UTC_COLUMN + " or " + EPT_COLUMN
                    + "; columns found: " + columns);
        }
        String tsColumn = utc ? UTC_COLUMN : EPT_COLUMN;
        int tsIdx = index.get(tsColumn);
        int pnodeIdx = index.getOrDefault(PNODE_COLUMN, -1);
        int currentIdx = index.getOrDefault(CURRENT_COLUMN, -1);
        int versionIdx = index.getOrDefault(VERSION_COLUMN, -1);
        int needed = Math.max(Math.max(priceIdx, tsIdx), Math.max(pnodeIdx, Math.max(currentIdx, versionIdx))) + 1;

        // Data rows into parallel arrays.
        int cap = Math.max(16, text.length() / 24);
        long[] keys = new long[cap];
        double[] prices = new double[cap];
        int[] versions = new int[cap];
        boolean[] current = new boolean[cap];
        int[] pnodes = new int[cap];
        List<String> pnodeNames = new ArrayList<>();
        Map<String, Integer> pnodeIndex = new HashMap<>();
        int n = 0;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end);
            pos = next(text, end);
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            splitCsv(line, fields, name, lineNo);
            if (fields.size() < needed) {
                throw new IllegalArgumentException(name + " line " + lineNo + " has " + fields.size() + " fields; the header has "
                        + columns.size() + " and column " + columns.get(needed - 1) + " is number " + needed
                        + ". Maybe the line is cut short");
            }
            if (n == keys.length) {
                int grown = n * 2;
                keys = Arrays.copyOf(keys, grown);
                prices = Arrays.copyOf(prices, grown);
                versions = Arrays.copyOf(versions, grown);
                current = Arrays.copyOf(current, grown);
                pnodes = Arrays.copyOf(pnodes, grown);
            }
            String ts = fields.get(tsIdx).trim();
            long key = parseTimestamp(ts);
            if (key == BAD_FORMAT) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' has an unknown format; " + ACCEPTED_FORMATS);
            } else if (key == NOT_ON_HOUR) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' is not on the hour; hourly LMP files are required. Maybe this is a 5-minute export");
            } else if (key == BAD_DATE) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + tsColumn + ": timestamp '" + ts
                        + "' is not a valid date and time (month 1-12, a day of that month, hour 0-23 or 1-12 with AM/PM)");
            }
            keys[n] = key;
            String priceText = fields.get(priceIdx).trim();
            double price;
            try {
                price = Double.parseDouble(priceText);
            } catch (NumberFormatException e) {
                price = Double.NaN;
            }
            if (!Double.isFinite(price)) {
                throw new IllegalArgumentException(name + " line " + lineNo + ", column " + priceColumn + ": value '" + priceText
                        + "' is not a number; a price in $/MWh is required. Maybe the line is damaged; fix or re-export it");
            }
            prices[n] = price;
            if (pnodeIdx >= 0) {
                String p = fields.get(pnodeIdx).trim();
                Integer id = pnodeIndex.get(p);
                if (id == null) {
                    id = pnodeNames.size();
                    pnodeNames.add(p);
                    pnodeIndex.put(p, id);
                }
                pnodes[n] = id;
            }
            current[n] = currentIdx < 0 || parseBoolean(fields.get(currentIdx).trim(), name, lineNo);
            versions[n] = versionIdx < 0 ? 0 : parseVersion(fields.get(versionIdx).trim(), name, lineNo);
            n++;
        }

        return new PjmCsvRows(name, tsColumn, utc, n, keys, prices, versions, current, pnodes, pnodeIdx >= 0, pnodeNames, pnodeIndex);
    }
}
