package org.hubprice.models.dacommit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.common.Check;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.power.BatteryLimits;

/**
 * Settings of the day-ahead commitment (docs/model.md section 4); every default is the reference
 * value. Immutable; validated on construction. Build variants with {@link #builder()} or
 * {@link #toBuilder()}.
 *
 * @param psi Ψ, the share of each hour's load that must be served from the DA commitment, in [0, 1] (0.8)
 * @param battery the hub battery: capacity M_φ, minimum m_φ, rates R_ch and R_dch ({@link BatteryLimits#DEFAULT})
 * @param minChargeKw m_ch, the smallest charge when the battery charges, in [0, battery.chargeRateKw] (200)
 * @param minDischargeKw m_dch, the smallest discharge when it discharges, in [0, battery.dischargeRateKw] (200)
 * @param initialBatteryKwh φ[−1], the battery level before hour 0, in [battery.minimumKwh, battery.capacityKwh] (700)
 * @param commitmentCapKwh the largest hourly commitment, {@code > 0} (10000)
 * @param scenarios k, the number of scenarios kept by the reduction, in [1, 1000] (10)
 * @param seed root seed of the scenario reduction: its {@code "scenario-reduction"} stream
 *        ({@link DaCommitmentModel#reductionSeed}) seeds the k-means++ initialisation
 * @param kmeansMaxIterations the most Lloyd iterations of k-means, in [1, 1000000] (1000)
 * @param solveOptions time limit, relative gap and threads of the MILP solve
 */
public record DaCommitmentConfig(double psi, BatteryLimits battery, double minChargeKw, double minDischargeKw,
                                 double initialBatteryKwh, double commitmentCapKwh, int scenarios, long seed,
                                 int kmeansMaxIterations, SolveOptions solveOptions) {
    /** The reference settings with seed 0. */
    public static final DaCommitmentConfig DEFAULT = builder().build();

    public DaCommitmentConfig {
        Check.inRange("psi", psi, 0, 1, "psi is the share of each hour's load served from the DA commitment. Maybe 0.8 (the reference value)?");
        if (battery == null) {
            throw new IllegalArgumentException("battery is missing. Maybe BatteryLimits.DEFAULT (4000 kWh, minimum 500, 2000 kW rates)?");
        }
        if (!(minChargeKw >= 0 && minChargeKw <= battery.chargeRateKw())) {
            throw new IllegalArgumentException("minChargeKw = " + minChargeKw + " is outside the allowed range [0, battery.chargeRateKw = "
                    + battery.chargeRateKw() + "]; above the charge rate the battery could never charge. Maybe 200 (the reference value)?");
        }
        if (!(minDischargeKw >= 0 && minDischargeKw <= battery.dischargeRateKw())) {
            throw new IllegalArgumentException("minDischargeKw = " + minDischargeKw + " is outside the allowed range [0, battery.dischargeRateKw = "
                    + battery.dischargeRateKw() + "]; above the discharge rate the battery could never discharge. Maybe 200 (the reference value)?");
        }
        if (!(initialBatteryKwh >= battery.minimumKwh() && initialBatteryKwh <= battery.capacityKwh())) {
            throw new IllegalArgumentException("initialBatteryKwh = " + initialBatteryKwh + " is outside the allowed range [battery.minimumKwh = "
                    + battery.minimumKwh() + ", battery.capacityKwh = " + battery.capacityKwh()
                    + "]. Maybe 700 (the reference value) or a level between the battery's minimum and capacity?");
        }
        if (!(commitmentCapKwh > 0) || Double.isInfinite(commitmentCapKwh)) {
            throw new IllegalArgumentException("commitmentCapKwh = " + commitmentCapKwh
                    + " must be a finite number > 0 (kWh per hour). Maybe 10000 (the reference value)?");
        }
        Check.inRange("scenarios", scenarios, 1, 1000, "Maybe 10 (the reference value)?");
        Check.inRange("kmeansMaxIterations", kmeansMaxIterations, 1, 1_000_000, "Maybe 1000?");
        if (solveOptions == null) {
            throw new IllegalArgumentException("solveOptions is missing. Maybe SolveOptions.DEFAULT?");
        }
    }

    /** A builder starting from the reference settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().optPsi(psi).optBattery(battery).optMinChargeKw(minChargeKw).optMinDischargeKw(minDischargeKw)
                .optInitialBatteryKwh(initialBatteryKwh).optCommitmentCapKwh(commitmentCapKwh).optScenarios(scenarios)
                .optSeed(seed).optKmeansMaxIterations(kmeansMaxIterations).optSolveOptions(solveOptions);
    }

    /** The settings as an ordered map, for provenance in saved results. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("psi", psi);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("capacityKwh", battery.capacityKwh());
        b.put("minimumKwh", battery.minimumKwh());
        b.put("chargeRateKw", battery.chargeRateKw());
        b.put("dischargeRateKw", battery.dischargeRateKw());
        m.put("battery", b);
        m.put("minChargeKw", minChargeKw);
        m.put("minDischargeKw", minDischargeKw);
        m.put("initialBatteryKwh", initialBatteryKwh);
        m.put("commitmentCapKwh", commitmentCapKwh);
        m.put("scenarios", scenarios);
        m.put("seed", seed);
        m.put("kmeansMaxIterations", kmeansMaxIterations);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("timeLimitSeconds", solveOptions.timeLimitSeconds());
        s.put("relativeGap", solveOptions.relativeGap());
        s.put("threads", solveOptions.threads());
        m.put("solveOptions", s);
        return m;
    }

    /**
     * Builds a {@link DaCommitmentConfig}; every value is optional and starts at the reference
     * default. {@link #build()} validates.
     */
    public static final class Builder {
        private double psi = 0.8;
        private BatteryLimits battery = BatteryLimits.DEFAULT;
        private double minChargeKw = 200;
        private double minDischargeKw = 200;
        private double initialBatteryKwh = 700;
        private double commitmentCapKwh = 10_000;
        private int scenarios = 10;
        private long seed;
        private int kmeansMaxIterations = 1000;
        private SolveOptions solveOptions = SolveOptions.DEFAULT;

        private Builder() {}

        /** Ψ, share of load served from the commitment. */
        public Builder optPsi(double v) {
            psi = v;
            return this;
        }

        /** Battery limits. */
        public Builder optBattery(BatteryLimits v) {
            battery = v;
            return this;
        }

        /** m_ch, kW. */
        public Builder optMinChargeKw(double v) {
            minChargeKw = v;
            return this;
        }

        /** m_dch, kW. */
        public Builder optMinDischargeKw(double v) {
            minDischargeKw = v;
            return this;
        }

        /** φ[−1], kWh. */
        public Builder optInitialBatteryKwh(double v) {
            initialBatteryKwh = v;
            return this;
        }

        /** Largest hourly commitment, kWh. */
        public Builder optCommitmentCapKwh(double v) {
            commitmentCapKwh = v;
            return this;
        }

        /** k, the number of scenarios. */
        public Builder optScenarios(int v) {
            scenarios = v;
            return this;
        }

        /** Seed of the scenario reduction. */
        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        /** Lloyd iteration limit of k-means. */
        public Builder optKmeansMaxIterations(int v) {
            kmeansMaxIterations = v;
            return this;
        }

        /** Solver settings. */
        public Builder optSolveOptions(SolveOptions v) {
            solveOptions = v;
            return this;
        }

        /** Validates and builds. */
        public DaCommitmentConfig build() {
            return new DaCommitmentConfig(psi, battery, minChargeKw, minDischargeKw, initialBatteryKwh, commitmentCapKwh,
                    scenarios, seed, kmeansMaxIterations, solveOptions);
        }
    }
}
