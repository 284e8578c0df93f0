package org.hubprice.training.validation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One policy's results on the validation days.
 *
 * @param profitPerDay per hub: profit summed over the validation days divided by their number ($ per day)
 * @param meanMultiplier per hub: mean price multiplier over all periods played
 * @param dailyTotals total profit of all hubs on each validation day, in slot order
 */
public record ValidationResult(double[] profitPerDay, double[] meanMultiplier, double[] dailyTotals) {
    public ValidationResult {
        profitPerDay = profitPerDay.clone();
        meanMultiplier = meanMultiplier.clone();
        dailyTotals = dailyTotals.clone();
    }

    /** Total profit of all hubs per day. */
    public double totalPerDay() {
        double s = 0;
        for (double p : profitPerDay) {
            s += p;
        }
        return s;
    }

    /** Days played. */
    public int days() {
        return dailyTotals.length;
    }

    @Override
    public double[] profitPerDay() {
        return profitPerDay.clone();
    }

    @Override
    public double[] meanMultiplier() {
        return meanMultiplier.clone();
    }

    @Override
    public double[] dailyTotals() {
        return dailyTotals.clone();
    }

    /** The JSON form. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalProfitPerDay", totalPerDay());
        m.put("profitPerDay", profitPerDay.clone());
        m.put("meanMultiplier", meanMultiplier.clone());
        m.put("dailyTotals", dailyTotals.clone());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationResult r && Arrays.equals(profitPerDay, r.profitPerDay) && Arrays.equals(meanMultiplier, r.meanMultiplier)
                && Arrays.equals(dailyTotals, r.dailyTotals);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(profitPerDay) * 31 + Arrays.hashCode(dailyTotals);
    }

    @Override
    public String toString() {
        return "ValidationResult[profitPerDay=" + Arrays.toString(profitPerDay) + ", meanMultiplier=" + Arrays.toString(meanMultiplier) + "]";
    }
}
