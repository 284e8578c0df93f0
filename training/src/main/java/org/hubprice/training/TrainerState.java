package org.hubprice.training;

import java.util.Map;

/**
 * The loop's own state in a checkpoint ({@code trainer-state.json}); together with the agents'
 * checkpoints it is everything a resumed run needs. Episode seeds are derived from the root
 * seed and the episode index, and the update schedule is a function of the episode and period
 * counters, so neither needs stored random state.
 *
 * @param episodes episodes completed
 * @param periods environment steps completed
 * @param trainingNanos training wall time so far, over every session
 * @param plateau the plateau rule's state
 * @param bestProfit highest validation profit (all hubs, per day) so far, or null
 * @param bestEpisode episode of {@code bestProfit}, or 0
 * @param lastValidationEpisode episode of the last validation pass, or 0
 * @param updates gradient steps run per hub
 * @param phaseNanos time per phase over every session
 * @param sessions sessions that contributed (1 for a run never resumed)
 * @param coreNanos training wall time times the threads that updated the hubs, over every
 *     session: the cores the run kept busy; null in checkpoints written before the hubs could
 *     update side by side, whose sessions all used one
 */
public record TrainerState(long episodes, long periods, long trainingNanos, PlateauDetector.State plateau, Double bestProfit, long bestEpisode,
                           long lastValidationEpisode, long[] updates, Map<String, Long> phaseNanos, int sessions, Long coreNanos) {}
