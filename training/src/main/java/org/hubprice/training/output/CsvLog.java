package org.hubprice.training.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only CSV file whose first column is the episode number ({@code metrics.csv},
 * {@code validation.csv}). Opening it to resume drops the rows after the checkpoint's episode
 * (they were written by the interrupted run and will be written again), so a resumed run's file
 * equals an uninterrupted run's.
 */
public final class CsvLog implements Closeable {
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(256);

    private CsvLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates {@code file} with {@code header}, or, when {@code resumeEpisode >= 0}, keeps the
     * existing rows up to that episode and appends after them.
     *
     * @throws IOException when resuming and the file's header differs from {@code header}
     */
    public static CsvLog open(Path file, List<String> header, long resumeEpisode) throws IOException {
        String head = String.join(",", header);
        if (resumeEpisode >= 0 && Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(head)) {
                throw new IOException(file + " has another header than this run writes; it was not written by this configuration");
            }
            List<String> keep = new ArrayList<>();
            keep.add(head);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int comma = line.indexOf(',');
                try {
                    long ep = Long.parseLong(comma < 0 ? line : line.substring(0, comma));
                    if (ep <= resumeEpisode) {
                        keep.add(line);
                    }
                } catch (NumberFormatException e) {
                    // a torn last line of a killed run: dropped
                }
            }
            RunFiles.writeString(file, String.join("\n", keep) + "\n");
        } else {
            RunFiles.writeString(file, head + "\n");
        }
        return new CsvLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** The row builder, cleared; fill it with {@link #add} calls and finish with {@link #endRow}. */
    public CsvLog beginRow(long episode) {
        row.setLength(0);
        row.append(episode);
        return this;
    }

    public CsvLog add(double v) {
        row.append(',');
        if (Double.isNaN(v)) {
            row.append("NaN");
        } else {
            row.append(v);
        }
        return this;
    }

    public CsvLog add(long v) {
        row.append(',').append(v);
        return this;
    }

    /** Adds a text cell (quoted when it holds a comma or a quote). */
    public CsvLog add(String v) {
        row.append(',');
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
            row.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            row.append(v);
        }
        return this;
    }

    public void endRow() throws IOException {
        row.append('\n');
        out.append(row);
    }

    public void flush() throws IOException {
        out.flush();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
