package org.hubprice.agents.dqn;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.norm.RewardScaler;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.wrappers.EpsilonSchedule;
import org.hubprice.common.Check;

/**
 * Every DQN hyperparameter, validated. Defaults are the paper's (docs/model.md section 6, Table 2)
 * where it gives them:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>key</th><th>default</th><th>source</th></tr>
 *   <tr><td>network, hidden, activation, init</td><td>ff, [256, 256], relu, xavier-uniform</td><td>paper</td></tr>
 *   <tr><td>learningRate</td><td>3e-4 (Adam)</td><td>paper</td></tr>
 *   <tr><td>gamma</td><td>0.99</td><td>paper</td></tr>
 *   <tr><td>bufferCapacity, batchSize</td><td>1e6, 256</td><td>paper</td></tr>
 *   <tr><td>epsilon*</td><td>step decay 0.8 to 0.05 every 40 000 steps, factor 0.95</td><td>paper; factor chosen
 *       here (see {@link EpsilonSchedule})</td></tr>
 *   <tr><td>targetUpdate, tau, targetUpdateEvery</td><td>polyak, 0.05, every 2 updates</td><td>paper (the reference
 *       code's alternative: {@code hard} every 100)</td></tr>
 *   <tr><td>learningStarts</td><td>360 transitions</td><td>reference code: learning starts after 15 episodes,
 *       15 x 24 hub-game steps</td></tr>
 *   <tr><td>actionLevels</td><td>101</td><td>paper: 1.00, 1.01, ..., 2.00</td></tr>
 *   <tr><td>doubleDqn, loss</td><td>false, mse</td><td>plain DQN as in the paper; double DQN and Huber are options</td></tr>
 *   <tr><td>maxGradNorm</td><td>0 (off)</td><td>not in the paper</td></tr>
 *   <tr><td>obsNorm, obsClip</td><td>running, 10</td><td>the paper normalises observations without saying how</td></tr>
 *   <tr><td>rewardNorm, rewardScale</td><td>none, 1</td><td>the reference normalises rewards only for SAC</td></tr>
 * </table>
 *
 * <p>The update schedule (the reference: 2 gradient steps per episode) is the training loop's:
 * it calls {@code learn(2)} at the end of each episode.
 */
public record DqnConfig(NetworkConfig network, double learningRate, double gamma, int batchSize, int bufferCapacity,
                        int learningStarts, EpsilonSchedule epsilon, String targetUpdate, double tau, int targetUpdateEvery,
                        boolean doubleDqn, String loss, double huberDelta, int actionLevels, double maxGradNorm, String obsNorm,
                        double obsClip, List<Double> obsOffset, List<Double> obsScale, String rewardNorm, double rewardScale,
                        boolean checkpointReplay) {
    /** Every key {@link #fromParams} accepts. */
    public static final Set<String> PARAM_KEYS;

    static {
        Set<String> k = new HashSet<>(List.of("learningRate", "gamma", "batchSize", "bufferCapacity", "learningStarts", "targetUpdate",
                "tau", "targetUpdateEvery", "doubleDqn", "loss", "huberDelta", "actionLevels", "maxGradNorm", "checkpointReplay"));
        k.addAll(NetworkConfig.PARAM_KEYS);
        k.addAll(EpsilonSchedule.PARAM_KEYS);
        k.addAll(ObservationNormalizer.PARAM_KEYS);
        k.addAll(RewardScaler.PARAM_KEYS);
        PARAM_KEYS = Set.copyOf(k);
    }

    public DqnConfig {
        if (network == null || epsilon == null) {
            throw new IllegalArgumentException("dqn: network and epsilon schedule are required");
        }
        Check.positive("learningRate", learningRate);
        Check.inRange("gamma", gamma, 0, 1);
        Check.inRange("batchSize", batchSize, 1, 1 << 20);
        Check.inRange("bufferCapacity", bufferCapacity, 1, 100_000_000);
        Check.nonNegative("learningStarts", learningStarts);
        targetUpdate = Check.oneOf("targetUpdate", targetUpdate == null ? "polyak" : targetUpdate, List.of("polyak", "hard"));
        Check.inRangeAboveLow("tau", tau, 0, 1);
        Check.positive("targetUpdateEvery", targetUpdateEvery);
        loss = Check.oneOf("loss", loss == null ? "mse" : loss, List.of("mse", "huber"));
        Check.positive("huberDelta", huberDelta);
        Check.inRange("actionLevels", actionLevels, 2, 100_000);
        Check.nonNegative("maxGradNorm", maxGradNorm);
        ObservationNormalizer.Mode.parse(obsNorm);
        Check.positive("obsClip", obsClip);
        obsOffset = obsOffset == null ? List.of() : List.copyOf(obsOffset);
        obsScale = obsScale == null ? List.of() : List.copyOf(obsScale);
        RewardScaler.Mode.parse(rewardNorm);
        Check.positive("rewardScale", rewardScale);
    }

    /** The paper's defaults. */
    public static DqnConfig defaults() {
        return fromParams(Params.of("dqn", Map.of()));
    }

    /** Reads every key of {@link #PARAM_KEYS}; unknown keys are errors (with a suggestion). */
    public static DqnConfig fromParams(Params p) {
        p.requireKnown(PARAM_KEYS);
        String target = p.getString("targetUpdate", "polyak");
        // the paper's Polyak update runs every 2 updates; the reference's hard copy every 100
        int every = p.getInt("targetUpdateEvery", "hard".equalsIgnoreCase(target) ? 100 : 2);
        return new DqnConfig(NetworkConfig.fromParams(p), p.getDouble("learningRate", 3e-4), p.getDouble("gamma", 0.99),
                p.getInt("batchSize", 256), p.getInt("bufferCapacity", 1_000_000), p.getInt("learningStarts", 360),
                EpsilonSchedule.fromParams(p), target, p.getDouble("tau", 0.05), every, p.getBoolean("doubleDqn", false),
                p.getString("loss", "mse"), p.getDouble("huberDelta", 1.0), p.getInt("actionLevels", 101),
                p.getDouble("maxGradNorm", 0), p.getString("obsNorm", "running"), p.getDouble("obsClip", 10),
                p.getNumbers("obsOffset", List.of()), p.getNumbers("obsScale", List.of()), p.getString("rewardNorm", "none"),
                p.getDouble("rewardScale", 1), p.getBoolean("checkpointReplay", true));
    }

    /** All settings as parameter keys (the inverse of {@link #fromParams}), for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(network.toMap());
        m.put("learningRate", learningRate);
        m.put("gamma", gamma);
        m.put("batchSize", batchSize);
        m.put("bufferCapacity", bufferCapacity);
        m.put("learningStarts", learningStarts);
        m.putAll(epsilon.toMap());
        m.put("targetUpdate", targetUpdate);
        m.put("tau", tau);
        m.put("targetUpdateEvery", targetUpdateEvery);
        m.put("doubleDqn", doubleDqn);
        m.put("loss", loss);
        m.put("huberDelta", huberDelta);
        m.put("actionLevels", actionLevels);
        m.put("maxGradNorm", maxGradNorm);
        m.putAll(ObservationNormalizer.settings(obsNorm, obsClip, obsOffset, obsScale));
        m.put("rewardNorm", rewardNorm);
        m.put("rewardScale", rewardScale);
        m.put("checkpointReplay", checkpointReplay);
        return m;
    }

    /** Normalisation settings as parameters, for {@link ObservationNormalizer#fromParams}. */
    Params normalizationParams() {
        return Params.of("dqn", ObservationNormalizer.settings(obsNorm, obsClip, obsOffset, obsScale));
    }
}
