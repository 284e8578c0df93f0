package org.hubprice.env.config;

import java.util.List;
import org.hubprice.common.Check;

/**
 * {@code daCommitment}: the 24 hourly day-ahead energies every hub buys (docs/model.md section 4).
 *
 * @param mode {@code auto}: solved once from the training days with the two-stage stochastic
 *             MILP and cached on disk; {@code explicit}: the {@code values} below
 * @param values with {@code explicit}: 24 energies, kWh, each in [0, 1e6]; else null
 * @param cacheDir directory of the solution cache for {@code auto}, or null for the user's cache
 *                 directory ({@link #userCacheDir()}: {@code $XDG_CACHE_HOME/hubprice}, else
 *                 {@code ~/.cache/hubprice}), so that making an environment writes nothing into
 *                 the working directory; relative paths resolve against the working directory;
 *                 entries are keyed by a SHA-256 digest of every input, so a changed input never
 *                 reads a stale entry
 * @param psi Ψ, share of each hour's expected load served from the commitment, in [0, 1] (0.8)
 * @param minChargeKw m_ch, smallest battery charge when charging, kW, in [0, hubs.battery.chargeRateKw] (200)
 * @param minDischargeKw m_dch, smallest discharge when discharging, kW, in [0, hubs.battery.dischargeRateKw] (200)
 * @param initialBatteryKwh φ[−1], battery level before hour 0, in [hubs.battery.minimumKwh, hubs.battery.capacityKwh] (700)
 * @param capKwh largest hourly commitment, kWh, in (0, 1e7] (10000)
 * @param scenarios k, scenarios kept by the k-means reduction, in [1, 1000] (10)
 * @param seed seed of the scenario reduction
 * @param timeLimitSeconds solver time limit, in (0, 86400] (300)
 */
public record DaCommitmentSettings(String mode, List<Double> values, String cacheDir, double psi, double minChargeKw,
                                   double minDischargeKw, double initialBatteryKwh, double capKwh, int scenarios, long seed,
                                   double timeLimitSeconds) {
    /** Allowed modes. */
    public static final List<String> MODES = List.of("auto", "explicit");

    public DaCommitmentSettings {
        mode = Check.oneOf("daCommitment.mode", mode, MODES);
        if (mode.equals("explicit")) {
            values = Validate.numbers("daCommitment.values", values);
            if (values.size() != 24) {
                throw new IllegalArgumentException("daCommitment.values has " + values.size() + " values; exactly 24 (one per hour) are required");
            }
            for (int t = 0; t < 24; t++) {
                Check.inRange("daCommitment.values[" + t + "]", values.get(t), 0, 1e6);
            }
        } else if (values != null) {
            throw new IllegalArgumentException("daCommitment.values is given but daCommitment.mode = auto ignores it. "
                    + "Maybe set daCommitment.mode: explicit, or remove the values");
        }
        if (cacheDir != null && cacheDir.isBlank()) {
            throw new IllegalArgumentException("daCommitment.cacheDir is blank; give a directory, or null for the user's cache directory ("
                    + userCacheDir() + ")");
        }
        Check.inRange("daCommitment.psi", psi, 0, 1);
        Check.inRange("daCommitment.minChargeKw", minChargeKw, 0, BatteryConfig.MAX);
        Check.inRange("daCommitment.minDischargeKw", minDischargeKw, 0, BatteryConfig.MAX);
        Check.inRange("daCommitment.initialBatteryKwh", initialBatteryKwh, 0, BatteryConfig.MAX);
        Check.inRangeAboveLow("daCommitment.capKwh", capKwh, 0, BatteryConfig.MAX);
        Check.inRange("daCommitment.scenarios", scenarios, 1, 1000);
        Check.inRangeAboveLow("daCommitment.timeLimitSeconds", timeLimitSeconds, 0, 86_400);
    }

    /** The user's cache directory for hubprice: {@code $XDG_CACHE_HOME/hubprice}, else {@code ~/.cache/hubprice}. */
    public static java.nio.file.Path userCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        java.nio.file.Path base = xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hubprice");
    }

    /** Where the DA commitment cache lives: {@code cacheDir}, or the user's cache directory when it is null. */
    public java.nio.file.Path cachePath() {
        return cacheDir != null ? java.nio.file.Path.of(cacheDir) : userCacheDir();
    }

    /** The explicit values as an array (mode {@code explicit} only). */
    public double[] valuesArray() {
        if (values == null) {
            throw new IllegalStateException("daCommitment.mode = " + mode + " has no explicit values");
        }
        return BalkingSettings.toArray(values);
    }
}
