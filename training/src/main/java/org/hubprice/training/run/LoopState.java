package org.hubprice.training.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.training.PhaseTimes;
import org.hubprice.training.PhaseTimes.Phase;
import org.hubprice.training.PlateauDetector;
import org.hubprice.training.TrainerState;
import org.hubprice.training.config.PlateauConfig;

/**
 * The loop's state, in one value: counters, the plateau rule, the best validation so far, time
 * and phases of earlier sessions. A checkpoint stores it as {@link TrainerState}; a resumed
 * session starts from that, so everything the loop decides (seeds, schedule, stopping) follows
 * from this value and the agents' own checkpoints.
 */
public final class LoopState {
    public long episodes;
    public long periods;
    public final long[] updates;
    public Double bestProfit;
    public long bestEpisode;
    public long lastValidationEpisode;
    /** Sessions that contributed, this one included. */
    public final int sessions;
    /** Training wall time of earlier sessions. */
    public final long previousTrainingNanos;
    /** Training wall time times update threads of earlier sessions (see {@link TrainerState#coreNanos}). */
    public final long previousCoreNanos;
    /** Phase times of earlier sessions. */
    public final PhaseTimes previousTimes = new PhaseTimes();
    public final PlateauDetector plateau;

    /** A fresh run's state, or a resumed one's from {@code saved} (null for a fresh run). */
    public LoopState(int agents, PlateauConfig plateauConfig, TrainerState saved) {
        updates = new long[agents];
        plateau = new PlateauDetector(plateauConfig);
        if (saved == null) {
            sessions = 1;
            previousTrainingNanos = 0;
            previousCoreNanos = 0;
            return;
        }
        episodes = saved.episodes();
        periods = saved.periods();
        previousTrainingNanos = saved.trainingNanos();
        // before update threads every session ran on one
        previousCoreNanos = saved.coreNanos() != null ? saved.coreNanos() : saved.trainingNanos();
        plateau.restore(saved.plateau());
        bestProfit = saved.bestProfit();
        bestEpisode = saved.bestEpisode();
        lastValidationEpisode = saved.lastValidationEpisode();
        if (saved.updates() != null && saved.updates().length == agents) {
            System.arraycopy(saved.updates(), 0, updates, 0, agents);
        }
        if (saved.phaseNanos() != null) {
            for (Phase p : Phase.values()) {
                previousTimes.add(p, saved.phaseNanos().getOrDefault(p.id(), 0L));
            }
        }
        sessions = saved.sessions() + 1;
    }

    /** Training wall time over every session, with {@code sessionNanos} of this one. */
    public long trainingNanos(long sessionNanos) {
        return previousTrainingNanos + sessionNanos;
    }

    /** Core time over every session, with {@code sessionNanos} of this one on {@code updateThreads} threads. */
    public long coreNanos(long sessionNanos, int updateThreads) {
        return previousCoreNanos + sessionNanos * updateThreads;
    }

    /**
     * The checkpoint form, with this session's {@code times} added to the earlier sessions' and
     * {@code coreNanos} the total so far (see {@link TrainerState#coreNanos}).
     */
    public TrainerState snapshot(long trainingNanos, long coreNanos, PhaseTimes times) {
        PhaseTimes all = new PhaseTimes();
        all.addAll(previousTimes);
        all.addAll(times);
        Map<String, Long> phases = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            phases.put(p.id(), all.nanos(p));
        }
        return new TrainerState(episodes, periods, trainingNanos, plateau.state(), bestProfit, bestEpisode, lastValidationEpisode,
                updates.clone(), phases, sessions, coreNanos);
    }
}
