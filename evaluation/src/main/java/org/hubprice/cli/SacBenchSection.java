package org.hubprice.cli;

import java.util.Map;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.agents.sac.SacUpdateBenchmark;

/**
 * The SAC part of {@code hubprice bench agents}: one SAC gradient step (FF 2 x 256, batch 256,
 * hub-game spaces) against the 45 bare matrix products it computes, timed in alternating
 * rounds by {@link SacUpdateBenchmark}. Keys: {@code sacUpdateMicros}, {@code
 * sacGemmBoundMicros}, {@code sacRatio} (target: at most 3), {@code sacGemmsPerUpdate}.
 */
final class SacBenchSection implements AgentsBenchCommand.Section {
    /** Rounds of alternating timing; the medians over rounds are reported. */
    static final int ROUNDS = 5;

    @Override
    public void run(AgentsBenchCommand.Settings s, Map<String, Object> out) {
        SacUpdateBenchmark bench = new SacUpdateBenchmark(NetworkConfig.DEFAULT_HIDDEN, AgentsBenchCommand.BATCH,
                AgentsBenchCommand.OBS_DIM, 1, s.device());
        SacUpdateBenchmark.Result r = bench.run(s.warmup(), ROUNDS, Math.max(1, s.iterations() / ROUNDS));
        out.put("sacUpdateMicros", r.sacUpdateMicros());
        out.put("sacGemmBoundMicros", r.sacGemmBoundMicros());
        out.put("sacRatio", r.sacRatio());
        out.put("sacGemmsPerUpdate", r.gemmsPerUpdate());
    }
}
