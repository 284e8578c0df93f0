package org.hubprice.training;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run reports at its end (also written to {@code run-summary.json}).
 *
 * @param outputDir the run directory
 * @param episodes episodes completed in total
 * @param sessionEpisodes episodes played by this session (fewer than {@code episodes} after a resume)
 * @param stopReason why training ended
 * @param details everything else, JSON-ready: timings and their breakdown, validation, benchmarks,
 *                collusion index, checkpoints and files
 */
public record TrainingSummary(Path outputDir, long episodes, long sessionEpisodes, StopReason stopReason, Map<String, Object> details) {
    /** Total validation profit per day of the last validation pass, or NaN. */
    @SuppressWarnings("unchecked")
    public double finalValidationProfit() {
        Object v = details.get("finalValidation");
        if (v instanceof Map<?, ?> m && m.get("totalProfitPerDay") instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}
