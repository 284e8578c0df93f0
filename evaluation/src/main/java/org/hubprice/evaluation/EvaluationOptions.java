package org.hubprice.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an evaluation runs. Build with {@link #builder()}; every field has a default.
 *
 * @param replications demand draws per day, {@code >= 1}; replication r resets with
 *     {@code Seeds.derive(seed, "replication", r)} for every policy and benchmark
 * @param seed root seed of the replications and the bootstrap
 * @param threads worker threads, {@code >= 1} (results do not depend on it)
 * @param monopolySearch how the monopoly benchmark searches the hourly multipliers
 * @param maxSweeps the most coordinate sweeps of the monopoly search, {@code >= 1}
 * @param deviation the deviation test, or null to skip it
 * @param bootstrapResamples resamples of the bootstrap confidence intervals, {@code >= 100}
 * @param confidence coverage of the intervals, in (0, 1)
 * @param nash whether to compute the stage-game Nash benchmark {@code π^N} and {@code Δ^N}
 */
public record EvaluationOptions(int replications, long seed, int threads, MonopolySearch.Mode monopolySearch, int maxSweeps,
                                DeviationSpec deviation, int bootstrapResamples, double confidence, boolean nash) {
    public EvaluationOptions {
        if (replications < 1 || replications > 100_000) {
            throw new IllegalArgumentException("replications = " + replications + " must be in [1, 100000]; Maybe 20");
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads = " + threads + " must be in [1, 1024]");
        }
        if (monopolySearch == null) {
            throw new IllegalArgumentException("monopolySearch is missing; use auto, pattern or exhaustive");
        }
        if (maxSweeps < 1 || maxSweeps > 1000) {
            throw new IllegalArgumentException("maxSweeps = " + maxSweeps + " must be in [1, 1000]");
        }
        if (bootstrapResamples < 100 || bootstrapResamples > 10_000_000) {
            throw new IllegalArgumentException("bootstrapResamples = " + bootstrapResamples + " must be in [100, 10000000]; Maybe 10000");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + " must be in (0, 1), e.g. 0.95");
        }
    }

    /** A builder with the defaults: 20 replications, seed 0, one thread per core, automatic monopoly search, deviation at hour 12, 10,000 resamples. */
    public static Builder builder() {
        return new Builder();
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replications", replications);
        m.put("seed", seed);
        m.put("replicationSeeds", "replication r resets every day with Seeds.derive(seed, \"replication\", r)");
        m.put("threads", threads);
        m.put("monopolySearch", monopolySearch.id());
        m.put("maxSweeps", maxSweeps);
        m.put("deviation", deviation == null ? null : deviation.toMap());
        m.put("bootstrapResamples", bootstrapResamples);
        m.put("confidence", confidence);
        m.put("nash", nash);
        return m;
    }

    /** Builder of {@link EvaluationOptions}: only optional settings. */
    public static final class Builder {
        private int replications = 20;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private MonopolySearch.Mode monopolySearch = MonopolySearch.Mode.AUTO;
        private int maxSweeps = 20;
        private DeviationSpec deviation = DeviationSpec.DEFAULT;
        private int bootstrapResamples = 10_000;
        private double confidence = 0.95;
        private boolean nash = true;

        private Builder() {}

        /** Whether to compute the stage-game Nash benchmark (default true). */
        public Builder optNash(boolean nash) {
            this.nash = nash;
            return this;
        }

        public Builder optReplications(int replications) {
            this.replications = replications;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder optMonopolySearch(MonopolySearch.Mode mode) {
            this.monopolySearch = mode;
            return this;
        }

        public Builder optMaxSweeps(int maxSweeps) {
            this.maxSweeps = maxSweeps;
            return this;
        }

        /** The deviation test, or null to skip it. */
        public Builder optDeviation(DeviationSpec deviation) {
            this.deviation = deviation;
            return this;
        }

        public Builder optBootstrapResamples(int resamples) {
            this.bootstrapResamples = resamples;
            return this;
        }

        public Builder optConfidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public EvaluationOptions build() {
            return new EvaluationOptions(replications, seed, threads, monopolySearch, maxSweeps, deviation, bootstrapResamples, confidence, nash);
        }
    }
}
