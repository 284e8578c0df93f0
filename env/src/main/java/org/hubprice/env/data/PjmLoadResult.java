package org.hubprice.env.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Days built from a pair of PJM DA and RT files.
 *
 * @param days complete days, sorted by date, DA and RT joined by date
 * @param skippedDays every date between the first and last date of either file that could not be
 *     built, with the reason (missing or ambiguous hours, date absent from one file), sorted by date
 * @param dayAhead what was done with the DA file
 * @param realTime what was done with the RT file
 */
public record PjmLoadResult(List<MarketDay> days, List<SkippedDay> skippedDays, PjmFileReport dayAhead,
        PjmFileReport realTime) {

    public PjmLoadResult {
        days = List.copyOf(days);
        skippedDays = List.copyOf(skippedDays);
        Objects.requireNonNull(dayAhead, "dayAhead");
        Objects.requireNonNull(realTime, "realTime");
    }

    /** Every adjustment of both files, then every skipped day, one line each. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(dayAhead.notes());
        out.addAll(realTime.notes());
        for (SkippedDay s : skippedDays) {
            out.add("skipped " + s);
        }
        return out;
    }
}
