package org.hubprice.evaluation;

import java.time.LocalDate;

/**
 * Everything measured on one evaluated day.
 *
 * @param dayIndex index of the day in the environment's days
 * @param date the day
 * @param learned the policies' play
 * @param competitive every hub at marginal cost ({@code π^C})
 * @param monopoly the monopoly schedule's play ({@code π^M})
 * @param monopolySearch how the monopoly schedule was found
 * @param deviation the play with the forced deviation, or null when the test is off
 */
public record DayResult(int dayIndex, LocalDate date, DayPath learned, DayPath competitive, DayPath monopoly,
                        MonopolySearch.Result monopolySearch, DayPath deviation) {

    /**
     * The collusion index {@code Δ_d = (π̄_d − π^C_d) / (π^M_d − π^C_d)} with replication means;
     * NaN when the benchmarks do not separate ({@code π^M_d − π^C_d <= 1e-9·max(1, |π^M_d|)}).
     */
    public double delta() {
        double c = competitive.totalProfit();
        double m = monopoly.totalProfit();
        if (!(m - c > 1e-9 * Math.max(1.0, Math.abs(m)))) {
            return Double.NaN;
        }
        return (learned.totalProfit() - c) / (m - c);
    }
}
