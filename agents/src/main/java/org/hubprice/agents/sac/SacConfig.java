package org.hubprice.agents.sac;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.norm.RewardScaler;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Check;

/**
 * Every hyperparameter of the soft actor-critic agent ({@link SacAgent}), validated on
 * construction. Defaults are the paper's (Paudel and Das, Table 2; docs/model.md section 6) unless
 * the table says otherwise.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><th>key</th><th>default</th><th>source</th></tr>
 *   <tr><td>network, hidden, activation, init, heads, embeddingDim</td><td>ff, [256, 256], relu, xavier-uniform, 2, 32</td>
 *       <td>paper (the same shape for the actor and each critic)</td></tr>
 *   <tr><td>actorLr, criticLr, alphaLr</td><td>3e-4 each (Adam)</td><td>paper</td></tr>
 *   <tr><td>gamma</td><td>0.99</td><td>paper</td></tr>
 *   <tr><td>tau</td><td>0.05, Polyak after every gradient step</td><td>the hub-game paper; the reference code and the
 *       SAC paper use 0.005. The hub-game paper's value stays (an early Pendulum comparison of the two was not
 *       recorded; SacPendulumIT checks the chosen value)</td></tr>
 *   <tr><td>bufferCapacity, batchSize</td><td>1e6 (grows lazily), 256</td><td>paper</td></tr>
 *   <tr><td>learningStarts</td><td>360 transitions</td><td>reference code: updates start after 15 episodes of 24
 *       steps; never below batchSize</td></tr>
 *   <tr><td>initialAlpha, autoAlpha</td><td>0.2, true</td><td>paper</td></tr>
 *   <tr><td>targetEntropyPerDimension</td><td>-1: target entropy -dim(A), so -1 for the hub game</td><td>paper</td></tr>
 *   <tr><td>rewardNorm, rewardScale</td><td>batch, 10: each batch's rewards standardised, times 10</td>
 *       <td>reference code</td></tr>
 *   <tr><td>logStdMin, logStdMax</td><td>-20, 2 (clip of the actor's log standard deviation)</td>
 *       <td>common SAC practice</td></tr>
 *   <tr><td>maxGradNorm</td><td>0 (off): clip each network's global gradient norm</td><td>not in the paper</td></tr>
 *   <tr><td>obsNorm, obsClip, obsOffset, obsScale</td><td>running, 10</td><td>the paper normalises observations without
 *       saying how (see {@link ObservationNormalizer})</td></tr>
 *   <tr><td>checkpointReplay</td><td>true: checkpoints carry the replay buffer, so training resumes exactly</td>
 *       <td>here</td></tr>
 * </table>
 *
 * <p>The update schedule (the reference: 2 gradient steps per episode after 15 episodes) is the
 * training loop's: it calls {@code learn(2)} at the end of each episode.
 */
public record SacConfig(NetworkConfig network, double actorLr, double criticLr, double alphaLr, double gamma, double tau,
                        int batchSize, int bufferCapacity, int learningStarts, double initialAlpha, boolean autoAlpha,
                        double targetEntropyPerDimension, double logStdMin, double logStdMax, double maxGradNorm, String obsNorm,
                        double obsClip, List<Double> obsOffset, List<Double> obsScale, String rewardNorm, double rewardScale,
                        boolean checkpointReplay) {
    /** Every key {@link #fromParams} accepts. */
    public static final Set<String> PARAM_KEYS;

    static {
        Set<String> k = new HashSet<>(List.of("actorLr", "criticLr", "alphaLr", "gamma", "tau", "batchSize", "bufferCapacity",
                "learningStarts", "initialAlpha", "autoAlpha", "targetEntropyPerDimension", "logStdMin", "logStdMax", "maxGradNorm",
                "checkpointReplay"));
        k.addAll(NetworkConfig.PARAM_KEYS);
        k.addAll(ObservationNormalizer.PARAM_KEYS);
        k.addAll(RewardScaler.PARAM_KEYS);
        PARAM_KEYS = Set.copyOf(k);
    }

    public SacConfig {
        if (network == null) {
            throw new IllegalArgumentException("sac: network is missing; Maybe NetworkConfig.ff()");
        }
        learningRate("actorLr", actorLr);
        learningRate("criticLr", criticLr);
        learningRate("alphaLr", alphaLr);
        Check.inRangeBelowHigh("gamma", gamma, 0, 1, "Maybe 0.99");
        Check.inRangeAboveLow("tau", tau, 0, 1, "Maybe 0.005 (reference) or 0.05 (paper)");
        Check.inRange("batchSize", batchSize, 1, 1 << 20, "Maybe 256");
        if (bufferCapacity < batchSize || bufferCapacity > 100_000_000) {
            throw new IllegalArgumentException("bufferCapacity = " + bufferCapacity + " is outside the allowed range [batchSize = "
                    + batchSize + ", 100000000]; Maybe 1000000");
        }
        if (learningStarts < batchSize || learningStarts > bufferCapacity) {
            throw new IllegalArgumentException("learningStarts = " + learningStarts + " is outside the allowed range [batchSize = "
                    + batchSize + ", bufferCapacity = " + bufferCapacity + "]: a batch needs that many stored transitions");
        }
        Check.inRangeAboveLow("initialAlpha", initialAlpha, 0, Double.POSITIVE_INFINITY, "Maybe 0.2");
        if (!Double.isFinite(targetEntropyPerDimension)) {
            throw new IllegalArgumentException("targetEntropyPerDimension = " + targetEntropyPerDimension
                    + " is not a finite number; Maybe -1");
        }
        if (!(Double.isFinite(logStdMin) && Double.isFinite(logStdMax) && logStdMin < logStdMax)) {
            throw new IllegalArgumentException("logStdMin = " + logStdMin + ", logStdMax = " + logStdMax
                    + ": need finite values with logStdMin < logStdMax; Maybe -20 and 2");
        }
        Check.inRange("maxGradNorm", maxGradNorm, 0, Double.POSITIVE_INFINITY, "(0 = no clipping)");
        obsNorm = ObservationNormalizer.Mode.parse(obsNorm).id();
        Check.inRangeAboveLow("obsClip", obsClip, 0, Double.POSITIVE_INFINITY);
        obsOffset = obsOffset == null ? List.of() : List.copyOf(obsOffset);
        obsScale = obsScale == null ? List.of() : List.copyOf(obsScale);
        rewardNorm = RewardScaler.Mode.parse(rewardNorm).id();
        Check.inRangeAboveLow("rewardScale", rewardScale, 0, Double.POSITIVE_INFINITY, "Maybe 10 (reference) or 1");
    }

    private static void learningRate(String field, double v) {
        Check.that(v > 0 && v < 1, field + " = " + v + " is outside the allowed range (0, 1); Maybe 3e-4");
    }

    /** The defaults, with the paper's feed-forward network. */
    public static SacConfig defaults() {
        return fromParams(Params.of("sac", Map.of()));
    }

    /** The target entropy for an action space of {@code actionDim} dimensions. */
    public double targetEntropy(int actionDim) {
        return targetEntropyPerDimension * actionDim;
    }

    /** The observation-normalisation keys, for {@link ObservationNormalizer#fromParams}. */
    public Params normalizationParams() {
        return Params.of("sac", ObservationNormalizer.settings(obsNorm, obsClip, obsOffset, obsScale));
    }

    /**
     * Reads every key of {@link #PARAM_KEYS} (YAML or {@code --set}); missing keys keep the
     * defaults, unknown keys are errors that suggest the closest known key.
     */
    public static SacConfig fromParams(Params p) {
        p.requireKnown(PARAM_KEYS);
        int batch = p.getInt("batchSize", 256);
        return new SacConfig(NetworkConfig.fromParams(p), p.getDouble("actorLr", 3e-4), p.getDouble("criticLr", 3e-4),
                p.getDouble("alphaLr", 3e-4), p.getDouble("gamma", 0.99), p.getDouble("tau", 0.05), batch,
                p.getInt("bufferCapacity", 1_000_000), p.getInt("learningStarts", Math.max(360, batch)),
                p.getDouble("initialAlpha", 0.2), p.getBoolean("autoAlpha", true), p.getDouble("targetEntropyPerDimension", -1),
                p.getDouble("logStdMin", -20), p.getDouble("logStdMax", 2), p.getDouble("maxGradNorm", 0),
                p.getString("obsNorm", "running"), p.getDouble("obsClip", 10), p.getNumbers("obsOffset", List.of()),
                p.getNumbers("obsScale", List.of()), p.getString("rewardNorm", "batch"), p.getDouble("rewardScale", 10),
                p.getBoolean("checkpointReplay", true));
    }

    /** All settings as parameter keys (the inverse of {@link #fromParams}), for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(network.toMap());
        m.put("actorLr", actorLr);
        m.put("criticLr", criticLr);
        m.put("alphaLr", alphaLr);
        m.put("gamma", gamma);
        m.put("tau", tau);
        m.put("batchSize", batchSize);
        m.put("bufferCapacity", bufferCapacity);
        m.put("learningStarts", learningStarts);
        m.put("initialAlpha", initialAlpha);
        m.put("autoAlpha", autoAlpha);
        m.put("targetEntropyPerDimension", targetEntropyPerDimension);
        m.put("logStdMin", logStdMin);
        m.put("logStdMax", logStdMax);
        m.put("maxGradNorm", maxGradNorm);
        m.putAll(ObservationNormalizer.settings(obsNorm, obsClip, obsOffset, obsScale));
        m.put("rewardNorm", rewardNorm);
        m.put("rewardScale", rewardScale);
        m.put("checkpointReplay", checkpointReplay);
        return m;
    }

    /** A builder starting from these values, for programmatic use (tests, benchmarks). */
    public Builder toBuilder() {
        return new Builder(toMap());
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * Sets keys of {@link #PARAM_KEYS} by name, then validates everything in {@link #build()}
     * through {@link #fromParams}, so that the two ways of configuring cannot diverge.
     */
    public static final class Builder {
        private final Map<String, Object> values;

        private Builder(Map<String, Object> start) {
            this.values = new LinkedHashMap<>(start);
        }

        /** Sets one key (see the class table); validated in {@link #build()}. */
        public Builder opt(String key, Object value) {
            values.put(key, value);
            return this;
        }

        /** Replaces the network keys with those of {@code network}. */
        public Builder optNetwork(NetworkConfig network) {
            values.putAll(network.toMap());
            return this;
        }

        /** Sets the actor, critic and temperature learning rates at once. */
        public Builder optLearningRate(double lr) {
            values.put("actorLr", lr);
            values.put("criticLr", lr);
            values.put("alphaLr", lr);
            return this;
        }

        public SacConfig build() {
            return fromParams(Params.of("sac", values));
        }
    }
}
