package org.hubprice.evaluation;

import java.time.LocalDate;
import org.hubprice.evaluation.equilibrium.NashPath;

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
 * @param nash the stage-game Nash benchmark's play ({@code π^N}), or null when it is off
 * @param nashPath the hourly stage-game equilibria behind it, or null
 */
public record DayResult(int dayIndex, LocalDate date, DayPath learned, DayPath competitive, DayPath monopoly,
                        MonopolySearch.Result monopolySearch, DayPath deviation, DayPath nash, NashPath nashPath) {

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

    /**
     * The collusion index against the stage-game Nash benchmark,
     * {@code Δ^N_d = (π̄_d − π^N_d) / (π^M_d − π^N_d)}: 0 = what one-shot competition under the
     * capacity limits already gives, 1 = monopoly. NaN without the benchmark or when
     * {@code π^M_d − π^N_d <= 1e-9·max(1, |π^M_d|)}; negative when the policies earn less than
     * the static equilibrium.
     */
    public double deltaNash() {
        if (nash == null) {
            return Double.NaN;
        }
        double n = nash.totalProfit();
        double m = monopoly.totalProfit();
        if (!(m - n > 1e-9 * Math.max(1.0, Math.abs(m)))) {
            return Double.NaN;
        }
        return (learned.totalProfit() - n) / (m - n);
    }
}
