package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PjmLmpCsvLoader} did with one CSV file: which columns it used, how many rows it
 * read and dropped for which reason, and where it applied the daylight-saving rules.
 *
 * @param file the file name
 * @param market {@code "DA"} or {@code "RT"}
 * @param timestampColumn the timestamp column used ({@code datetime_beginning_utc} when present)
 * @param pnodeId the pnode whose rows were used, or {@code null} when the file has no pnode column
 * @param rowsRead data rows in the file
 * @param otherPnodeRows rows of other pnodes, left out
 * @param nonCurrentDropped rows with {@code row_is_current} false, dropped
 * @param olderVersionDropped rows with a lower {@code version_nbr} than another row of the same hour, dropped
 * @param exactCopiesDropped repeated rows with the same price as the kept row, dropped
 * @param supersededDropped repeated rows with a different price and no version to tell them apart,
 *     dropped (the first row in file order is kept; see {@link PjmLmpCsvLoader})
 * @param duplicateDates local dates on which repeated rows were dropped
 * @param gapHoursFilled local dates whose skipped spring-forward hour was filled with the mean of its neighbours
 * @param repeatedHoursAveraged local dates whose repeated fall-back hour is the mean of its two occurrences
 * @param firstDate first local date with a row, or {@code null} when no row was kept
 * @param lastDate last local date with a row, or {@code null} when no row was kept
 */
public record PjmFileReport(String file, String market, String timestampColumn, String pnodeId, int rowsRead,
        int otherPnodeRows, int nonCurrentDropped, int olderVersionDropped, int exactCopiesDropped, int supersededDropped,
        List<LocalDate> duplicateDates, List<LocalDate> gapHoursFilled, List<LocalDate> repeatedHoursAveraged,
        LocalDate firstDate, LocalDate lastDate) {

    public PjmFileReport {
        Objects.requireNonNull(file, "file");
        duplicateDates = List.copyOf(duplicateDates);
        gapHoursFilled = List.copyOf(gapHoursFilled);
        repeatedHoursAveraged = List.copyOf(repeatedHoursAveraged);
    }

    /** One line per adjustment made, for a log or a report. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        String p = market + " " + file + ": ";
        if (otherPnodeRows > 0) {
            out.add(p + otherPnodeRows + " rows of other pnodes left out (pnode " + pnodeId + " used)");
        }
        if (nonCurrentDropped > 0) {
            out.add(p + nonCurrentDropped + " rows with row_is_current = false dropped");
        }
        if (olderVersionDropped > 0) {
            out.add(p + olderVersionDropped + " rows with an older version_nbr dropped");
        }
        if (exactCopiesDropped + supersededDropped > 0) {
            out.add(p + (exactCopiesDropped + supersededDropped) + " repeated rows dropped, the first row in file order kept ("
                    + exactCopiesDropped + " exact copies, " + supersededDropped + " with a different price) on "
                    + duplicateDates.size() + " dates " + duplicateDates.get(0) + " .. " + duplicateDates.get(duplicateDates.size() - 1));
        }
        for (LocalDate d : gapHoursFilled) {
            out.add(p + d + ": the hour skipped by the spring-forward clock change filled with the mean of its two neighbours");
        }
        for (LocalDate d : repeatedHoursAveraged) {
            out.add(p + d + ": the hour repeated by the fall-back clock change is the mean of its two occurrences");
        }
        return out;
    }
}
