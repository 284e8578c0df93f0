package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar day that could not be built from the data, and why (for example
 * {@code "DA: missing hours 01:00–23:00; RT: missing hours 01:00–23:00"}).
 *
 * @param edge whether the day is the first or last day the two files share, or lies outside that
 *     range: the partial first or last local day of an export bounded in UTC, or a date only one
 *     file reaches. Such a day is skipped even in strict mode, which refuses only days inside the
 *     range that lack an hour.
 */
public record SkippedDay(LocalDate date, String reason, boolean edge) {
    public SkippedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }

    /** A day inside the files' range. */
    public SkippedDay(LocalDate date, String reason) {
        this(date, reason, false);
    }

    @Override
    public String toString() {
        return date + ": " + reason + (edge ? " (edge of the files' range)" : "");
    }
}
