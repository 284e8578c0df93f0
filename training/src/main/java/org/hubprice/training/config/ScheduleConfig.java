package org.hubprice.training.config;

import java.util.List;
import org.hubprice.common.Check;

/**
 * {@code schedule}: when each hub's agent learns. Time is counted in {@code unit}s: episodes
 * (an update after each day) or periods (an update after each hour). The reference code runs
 * 2 gradient steps per episode after 15 episodes: {@code unit: episode, warmup: 15,
 * gradientSteps: 2, every: 1}.
 *
 * <p>Hub {@code i} runs {@code gradientSteps} updates at unit {@code u} (0-based) when
 * {@code u >= warmup + offset_i} and {@code (u - warmup - offset_i) mod every == 0}.
 * {@code synchronous}: every offset is 0, so all hubs update at the same step.
 * {@code asynchronous}: hub i uses {@code offsets[i]} (default {@code i}), so with
 * {@code every: 2} two hubs take turns, and with larger {@code every} any staggering can be set.
 *
 * @param unit {@code episode} or {@code period}
 * @param warmup units before the first update, {@code >= 0}
 * @param gradientSteps updates per scheduled unit, in [1, 100000]
 * @param every units between updates of a hub, {@code >= 1}
 * @param mode {@code synchronous} or {@code asynchronous}
 * @param offsets per hub, with {@code asynchronous}: each in [0, every); {@code null} = 0, 1, 2, ...
 */
public record ScheduleConfig(String unit, long warmup, int gradientSteps, long every, String mode, List<Integer> offsets) {
    public static final List<String> UNITS = List.of("episode", "period");
    public static final List<String> MODES = List.of("synchronous", "asynchronous");

    public ScheduleConfig {
        unit = Check.oneOf("schedule.unit", unit == null ? "" : unit, UNITS);
        mode = Check.oneOf("schedule.mode", mode == null ? "" : mode, MODES);
        Check.atLeast("schedule.warmup", warmup, 0);
        Check.inRange("schedule.gradientSteps", gradientSteps, 1, 100_000);
        Check.atLeast("schedule.every", every, 1);
        if (offsets != null) {
            if (mode.equals("synchronous")) {
                throw new IllegalArgumentException("schedule.offsets is given but schedule.mode = synchronous updates every hub at the same"
                        + " step. Maybe schedule.mode=asynchronous, or remove the offsets");
            }
            offsets = List.copyOf(offsets);
            for (int i = 0; i < offsets.size(); i++) {
                int o = offsets.get(i);
                if (o < 0 || o >= every) {
                    throw new IllegalArgumentException("schedule.offsets[" + i + "] = " + o + " is outside the allowed range [0, "
                            + (every - 1) + "] (below schedule.every = " + every + ")");
                }
            }
        }
    }

    /** The reference schedule: 2 gradient steps per episode after 15 episodes, all hubs together. */
    public static ScheduleConfig reference() {
        return new ScheduleConfig("episode", 15, 2, 1, "synchronous", null);
    }

    /** Whether updates follow periods (else episodes). */
    public boolean perPeriod() {
        return unit.equals("period");
    }

    /** The offset of hub {@code hub} (0 when synchronous). */
    public long offset(int hub) {
        if (mode.equals("synchronous")) {
            return 0;
        }
        return offsets != null ? offsets.get(hub) : hub;
    }

    /** Checks the offsets against the number of hubs. */
    void checkHubs(int hubs) {
        if (offsets != null && offsets.size() != hubs) {
            throw new IllegalArgumentException("schedule.offsets has " + offsets.size() + " values but there are " + hubs
                    + " hubs (env.hubs.count); give one offset per hub");
        }
        if (mode.equals("asynchronous") && offsets == null && hubs - 1 >= every) {
            throw new IllegalArgumentException("schedule.mode = asynchronous gives hub i the offset i, but schedule.every = " + every
                    + " leaves no turn for hub " + (hubs - 1) + ". Maybe schedule.every=" + hubs + " (hubs take turns) or explicit schedule.offsets");
        }
    }

    /**
     * Gradient steps hub {@code hub} runs at unit {@code u}: {@link #gradientSteps} or 0. A pure
     * function of the unit index, so a resumed run follows the schedule from where it stopped.
     */
    public int stepsAt(int hub, long u) {
        long start = warmup + offset(hub);
        if (u < start) {
            return 0;
        }
        return (u - start) % every == 0 ? gradientSteps : 0;
    }
}
