package org.hubprice.env.data;

import java.time.LocalDate;
import java.util.Objects;
import org.hubprice.common.Check;

/**
 * One calendar day of wholesale prices: 24 hourly day-ahead and 24 hourly real-time prices
 * in $/MWh (hour 0 = 00:00–01:00 local time). Arrays are copied in and out.
 */
public record MarketDay(LocalDate date, double[] dayAhead, double[] realTime) {
    public static final int HOURS = 24;

    public MarketDay {
        Objects.requireNonNull(date, "date");
        dayAhead = Check.finiteArray("dayAhead prices of " + date, dayAhead, HOURS).clone();
        realTime = Check.finiteArray("realTime prices of " + date, realTime, HOURS).clone();
    }

    @Override
    public double[] dayAhead() {
        return dayAhead.clone();
    }

    @Override
    public double[] realTime() {
        return realTime.clone();
    }

    /** Day-ahead price of hour {@code h} without copying. */
    public double dayAhead(int h) {
        return dayAhead[h];
    }

    /** Real-time price of hour {@code h} without copying. */
    public double realTime(int h) {
        return realTime[h];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketDay m && date.equals(m.date) && java.util.Arrays.equals(dayAhead, m.dayAhead)
                && java.util.Arrays.equals(realTime, m.realTime);
    }

    @Override
    public int hashCode() {
        return date.hashCode();
    }

    @Override
    public String toString() {
        return "MarketDay[" + date + "]";
    }
}
