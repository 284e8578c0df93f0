package org.hubprice.env.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hubprice.common.Check;

/**
 * {@code hubs}: the competing hubs. They share one battery design and one battery start rule;
 * their station counts are either all {@code stations} or, with {@code stationsPerHub}, one
 * count per hub (heterogeneous hubs).
 *
 * @param count number of hubs H, in [1, 64]
 * @param stations charging stations per hub S, in [1, 100000]; used by every hub when
 *                 {@code stationsPerHub} is null
 * @param stationsPerHub optional per-hub station counts: null (every hub has {@code stations}),
 *                       or exactly {@code count} entries, each in [1, 100000]
 * @param battery battery limits of every hub
 * @param trainingStart distribution of the battery state at the start of a training day,
 *                      within the battery's [minimum, capacity]
 * @param evaluationStart the fixed battery state at the start of every evaluation day
 */
public record HubsConfig(int count, int stations,
                         // Left out of YAML, maps and the digest when null, so configurations
                         // without it keep their digests (and checkpoints their provenance).
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> stationsPerHub, BatteryConfig battery, TrainingStart trainingStart,
                         BatteryStart evaluationStart) {
    /** Most stations one hub may have. */
    public static final int MAX_STATIONS = 100_000;

    public HubsConfig {
        Check.inRange("hubs.count", count, 1, 64);
        Check.inRange("hubs.stations", stations, 1, MAX_STATIONS);
        if (stationsPerHub != null) {
            if (stationsPerHub.size() != count) {
                throw new IllegalArgumentException("hubs.stationsPerHub has " + stationsPerHub.size() + " entries " + stationsPerHub
                        + " but hubs.count = " + count + "; give exactly one station count per hub. Maybe set hubs.count="
                        + stationsPerHub.size() + ", or give " + count + " counts, or set hubs.stationsPerHub: null to give every hub "
                        + "hubs.stations");
            }
            for (int i = 0; i < count; i++) {
                Integer s = stationsPerHub.get(i);
                if (s == null) {
                    throw new IllegalArgumentException("hubs.stationsPerHub[" + i + "] is null; give a whole number of stations in [1, "
                            + MAX_STATIONS + "]");
                }
                Check.inRange("hubs.stationsPerHub[" + i + "]", s, 1, MAX_STATIONS);
            }
            stationsPerHub = List.copyOf(stationsPerHub);
        }
        Validate.present("hubs.battery", battery);
        Validate.present("hubs.trainingStart", trainingStart);
        Validate.present("hubs.trainingStart.energyKwh", trainingStart.energyKwh())
                .check("hubs.trainingStart.energyKwh", battery.minimumKwh(), battery.capacityKwh());
        Validate.present("hubs.trainingStart.costBasis", trainingStart.costBasis())
                .check("hubs.trainingStart.costBasis", -PricingConfig.MAX_PRICE, PricingConfig.MAX_PRICE);
        Validate.present("hubs.evaluationStart", evaluationStart);
        Check.inRange("hubs.evaluationStart.energyKwh", evaluationStart.energyKwh(), battery.minimumKwh(), battery.capacityKwh());
        Check.inRange("hubs.evaluationStart.costBasis", evaluationStart.costBasis(), -PricingConfig.MAX_PRICE, PricingConfig.MAX_PRICE);
    }

    /**
     * Identical hubs: every hub has {@code stations} ({@code stationsPerHub} null). Kept so that
     * code written before per-hub station counts still compiles.
     */
    public HubsConfig(int count, int stations, BatteryConfig battery, TrainingStart trainingStart, BatteryStart evaluationStart) {
        this(count, stations, null, battery, trainingStart, evaluationStart);
    }

    /**
     * The stations of hub {@code hub}: {@code stationsPerHub[hub]} when given, else {@code stations}.
     *
     * @throws IllegalArgumentException when {@code hub} is not in [0, count)
     */
    public int stationsOf(int hub) {
        if (hub < 0 || hub >= count) {
            throw new IllegalArgumentException("hub = " + hub + " is outside the hubs [0, " + (count - 1) + "] (hubs.count = " + count + ")");
        }
        return stationsPerHub == null ? stations : stationsPerHub.get(hub);
    }

    /** Every hub's stations, in hub order (a fresh array). */
    public int[] stationsArray() {
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = stationsOf(i);
        }
        return s;
    }

    /** Whether every hub has the same number of stations (always so without {@code stationsPerHub}). */
    public boolean identicalStations() {
        for (int i = 1; i < count; i++) {
            if (stationsOf(i) != stationsOf(0)) {
                return false;
            }
        }
        return true;
    }
}
