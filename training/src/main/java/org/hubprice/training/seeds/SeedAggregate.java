package org.hubprice.training.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Quantiles;
import org.hubprice.common.Seeds;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;

/**
 * {@code seeds.json} and {@code seeds-curve.png} of a seed set: per member its status, episodes,
 * wall time and final validation; across the finished members the interquartile mean of the
 * final quick collusion index and of the total validation profit per day, each with a
 * stratified bootstrap 95 % interval (one stratum: this configuration), median, minimum and
 * maximum. A member still running or failed is listed and left out of the aggregate.
 */
public final class SeedAggregate {
    /** Bootstrap resamples of the intervals. */
    public static final int RESAMPLES = 10_000;
    public static final String SEEDS_JSON = "seeds.json";
    public static final String SEEDS_CURVE = "seeds-curve.png";

    private SeedAggregate() {}

    /** Writes the aggregate of the members {@code seeds} under {@code dir} and returns it. */
    public static Map<String, Object> write(Path dir, List<Long> seeds, Map<String, Object> header) throws IOException {
        List<Map<String, Object>> members = new ArrayList<>();
        List<Double> index = new ArrayList<>();
        List<Double> profit = new ArrayList<>();
        List<MemberCurve> curves = new ArrayList<>();
        for (long seed : seeds) {
            Path m = dir.resolve(SeedList.memberDir(seed));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seed", seed);
            e.put("dir", SeedList.memberDir(seed));
            Path summary = m.resolve(RunLayout.SUMMARY_JSON);
            if (!Files.isRegularFile(summary)) {
                e.put("status", Files.isDirectory(m) ? "unfinished" : "not started");
                members.add(e);
                continue;
            }
            JsonNode s = RunFiles.JSON.readTree(summary.toFile());
            String stop = s.path("stopReason").asText();
            e.put("status", "INTERRUPTED".equals(stop) ? "interrupted" : "finished");
            e.put("stopReason", stop);
            e.put("episodes", s.path("episodes").asLong());
            e.put("trainingSeconds", s.path("timing").path("totalTrainingSeconds").asDouble());
            JsonNode v = s.path("finalValidation");
            if (!v.isMissingNode()) {
                double ci = v.path("collusionIndexQuick").isNumber() ? v.path("collusionIndexQuick").asDouble() : Double.NaN;
                double p = v.path("totalProfitPerDay").asDouble();
                e.put("validationEpisode", v.path("episode").asLong());
                e.put("collusionIndexQuick", Double.isFinite(ci) ? ci : null);
                e.put("totalProfitPerDay", p);
                if (!"INTERRUPTED".equals(stop)) {
                    if (Double.isFinite(ci)) {
                        index.add(ci);
                    }
                    profit.add(p);
                }
            }
            members.add(e);
            curves.add(MemberCurve.read(seed, m));
        }
        Map<String, Object> out = new LinkedHashMap<>(header);
        out.put("seeds", seeds);
        out.put("finished", members.stream().filter(x -> "finished".equals(x.get("status"))).count());
        out.put("method", "interquartile mean across the finished members (scipy trim_mean 0.25) with a stratified percentile bootstrap"
                + " interval (" + RESAMPLES + " resamples of the members, 95 %), after Agarwal et al. 2021 (rliable)");
        Map<String, Object> agg = new LinkedHashMap<>();
        agg.put("collusionIndexQuick", describe(index, Seeds.derive(seeds.isEmpty() ? 0 : seeds.get(0), "seeds-index")));
        agg.put("totalProfitPerDay", describe(profit, Seeds.derive(seeds.isEmpty() ? 0 : seeds.get(0), "seeds-profit")));
        out.put("aggregate", agg);
        out.put("members", members);
        RunFiles.writeJson(dir.resolve(SEEDS_JSON), out);
        SeedsCurve.write(curves, dir.resolve(SEEDS_CURVE));
        return out;
    }

    /** IQM, interval, median, min, max and count of {@code values}. */
    static Map<String, Object> describe(List<Double> values, long seed) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", v.length);
        if (v.length == 0) {
            return m;
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        m.put("iqm", RobustStats.iqm(v));
        double[] ci = RobustStats.iqmInterval(new double[][] {v}, RESAMPLES, 0.95, seed);
        m.put("ci95", List.of(ci[0], ci[1]));
        m.put("median", Quantiles.ofSorted(sorted, 0.5));
        m.put("min", sorted[0]);
        m.put("max", sorted[sorted.length - 1]);
        m.put("values", v);
        return m;
    }
}
