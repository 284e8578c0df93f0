package org.hubprice.training.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.training.output.CsvTable;
import org.hubprice.training.run.RunLayout;

/**
 * One member's validation curve read from its {@code validation.csv}: per validation pass the
 * episode, the quick collusion index and the total profit per day.
 *
 * @param seed the member's seed
 * @param episodes validation episodes, ascending
 * @param collusionIndex quick collusion index per pass (NaN when the benchmarks do not separate)
 * @param profit total validation profit per day per pass
 */
public record MemberCurve(long seed, long[] episodes, double[] collusionIndex, double[] profit) {
    /** Reads {@code dir/validation.csv}; an empty curve when the file is missing. */
    public static MemberCurve read(long seed, Path dir) throws IOException {
        Path f = dir.resolve(RunLayout.VALIDATION_CSV);
        if (!Files.isRegularFile(f)) {
            return new MemberCurve(seed, new long[0], new double[0], new double[0]);
        }
        CsvTable t = CsvTable.read(f);
        int e = t.column("episode");
        int c = t.column("collusion_index_quick");
        int p = t.column("total_profit_per_day");
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < t.rows().size(); k++) {
            double ep = t.number(k, e);
            if (!Double.isNaN(ep)) {
                rows.add(new double[] {ep, c >= 0 ? t.number(k, c) : Double.NaN, p >= 0 ? t.number(k, p) : Double.NaN});
            }
        }
        long[] eps = new long[rows.size()];
        double[] ci = new double[rows.size()];
        double[] pr = new double[rows.size()];
        for (int k = 0; k < eps.length; k++) {
            eps[k] = (long) rows.get(k)[0];
            ci[k] = rows.get(k)[1];
            pr[k] = rows.get(k)[2];
        }
        return new MemberCurve(seed, eps, ci, pr);
    }

    /** The value at validation episode {@code episode} of {@code values}, or NaN when there was no pass then. */
    double at(long episode, double[] values) {
        int i = java.util.Arrays.binarySearch(episodes, episode);
        return i >= 0 ? values[i] : Double.NaN;
    }
}
