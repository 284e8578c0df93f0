package org.hubprice.env.game;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.env.config.SplitConfig;
import org.hubprice.env.data.MarketDay;

/**
 * The environment's days of market data: their hourly DA and RT prices as plain arrays (read on
 * every step, so no object is touched there), their train/test split, and which day a reset
 * plays. Immutable.
 */
final class MarketCalendar {
    private final List<MarketDay> days;
    private final double[][] dayAhead;
    private final double[][] realTime;
    private final long[] epochDay;
    private final Map<LocalDate, Integer> dayByDate;
    private final DaySplit split;

    MarketCalendar(List<MarketDay> days, SplitConfig splitConfig) {
        this.days = List.copyOf(days);
        int n = this.days.size();
        dayAhead = new double[n][];
        realTime = new double[n][];
        epochDay = new long[n];
        Map<LocalDate, Integer> byDate = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            MarketDay m = this.days.get(d);
            dayAhead[d] = m.dayAhead();
            realTime[d] = m.realTime();
            epochDay[d] = m.date().toEpochDay();
            if (byDate.put(m.date(), d) != null) {
                throw new IllegalArgumentException("market data has the date " + m.date() + " twice (days " + byDate.get(m.date())
                        + " and " + d + "); each day must appear once");
            }
        }
        dayByDate = Collections.unmodifiableMap(byDate);
        split = DaySplit.of(this.days, splitConfig);
    }

    List<MarketDay> days() {
        return days;
    }

    DaySplit split() {
        return split;
    }

    /** Day {@code d}'s 24 DA prices, $/MWh: the calendar's own array, not a copy. */
    double[] dayAheadPrices(int d) {
        return dayAhead[d];
    }

    /** Day {@code d}'s 24 RT prices, $/MWh: the calendar's own array, not a copy. */
    double[] realTimePrices(int d) {
        return realTime[d];
    }

    /** Day {@code d}'s date as an epoch day: the key of its random streams (common random numbers by date). */
    long epochDay(int d) {
        return epochDay[d];
    }

    /** Every DA and RT price of the training days, DA then RT per hour: what the observation's price scale is taken from. */
    double[] trainingPrices() {
        int hours = HubPricingEnv.PERIODS;
        double[] prices = new double[split.trainingCount() * hours * 2];
        int k = 0;
        for (int j = 0; j < split.trainingCount(); j++) {
            int d = split.trainingDay(j);
            for (int h = 0; h < hours; h++) {
                prices[k++] = dayAhead[d][h];
                prices[k++] = realTime[d][h];
            }
        }
        return prices;
    }

    /**
     * The day a reset plays: the one {@code options} names (a training reset may not name a
     * held-out day), else one drawn from the reset seed's "day" stream among the held-out days
     * (evaluation) or the training days.
     */
    int choose(long seed, ResetOptions options) {
        Integer d = options.dayIndex();
        if (options.date() != null) {
            d = dayByDate.get(options.date());
            if (d == null) {
                throw new IllegalArgumentException("reset option day = " + options.date() + " is not in the market data ("
                        + days.get(0).date() + " .. " + days.get(days.size() - 1).date() + ", " + days.size() + " days)");
            }
        }
        if (d != null) {
            if (d < 0 || d >= days.size()) {
                throw new IllegalArgumentException("reset option day = " + d + " is outside the day indices [0, " + (days.size() - 1) + "]");
            }
            if (!options.evaluation() && split.isTest(d)) {
                throw new IllegalArgumentException("day " + d + " (" + days.get(d).date() + ") is held out for testing; a training reset "
                        + "may not use it. Maybe reset with mode=eval");
            }
            return d;
        }
        SplittableRandom r = Seeds.stream(seed, "day");
        if (options.evaluation()) {
            int[] test = split.testDays();
            if (test.length == 0) {
                throw new IllegalArgumentException("an evaluation reset without a day needs held-out days, but the split holds out none. "
                        + "Maybe give the day explicitly");
            }
            return test[r.nextInt(test.length)];
        }
        return split.trainingDay(r.nextInt(split.trainingCount()));
    }
}
