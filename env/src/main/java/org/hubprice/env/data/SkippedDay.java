package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar day that could not be built from the data, and why (for example
 * {@code "DA: missing hours 01:00–23:00; RT: missing hours 01:00–23:00"}).
 */
public record SkippedDay(LocalDate date, String reason) {
    public SkippedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return date + ": " + reason;
    }
}
