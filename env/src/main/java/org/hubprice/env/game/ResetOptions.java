package org.hubprice.env.game;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.common.ConfigValues;

/**
 * What a reset may fix; everything left null is drawn from the reset seed.
 *
 * <ul>
 *   <li>{@code evaluation}: false (training) draws the day among the training days and each
 *       hub's battery from {@code hubs.trainingStart}; true (evaluation) draws the day among the
 *       held-out days and starts every battery at {@code hubs.evaluationStart}, the same for
 *       every policy.</li>
 *   <li>{@code dayIndex} / {@code date}: a specific day (index into the environment's day list,
 *       or its date; at most one of the two). A training reset refuses a held-out day.</li>
 *   <li>{@code batteryEnergy} / {@code batteryCostBasis}: the start state, one value for every
 *       hub or one per hub.</li>
 * </ul>
 *
 * <p>The map form used by {@link org.hubprice.env.api.ParallelEnv#reset} has the keys
 * {@code mode} ("train" or "eval"), {@code day} (an Integer index, a {@link LocalDate} or an
 * ISO date string), {@code batteryEnergy} and {@code batteryCostBasis} (a Number, a
 * {@code double[]} or a List of Numbers).
 *
 * @param evaluation evaluation (true) or training (false) reset
 * @param dayIndex index of the day, or null
 * @param date date of the day, or null
 * @param batteryEnergy start energy, kWh: length 1 (all hubs) or H, or null
 * @param batteryCostBasis start cost basis, $/MWh: length 1 or H, or null
 */
public record ResetOptions(boolean evaluation, Integer dayIndex, LocalDate date, double[] batteryEnergy, double[] batteryCostBasis) {
    /** Keys of the map form. */
    public static final List<String> KEYS = List.of("mode", "day", "batteryEnergy", "batteryCostBasis");

    /** A training reset: random training day, random battery start. */
    public static final ResetOptions TRAINING = new ResetOptions(false, null, null, null, null);

    /** An evaluation reset: random held-out day, the fixed evaluation battery start. */
    public static final ResetOptions EVALUATION = new ResetOptions(true, null, null, null, null);

    public ResetOptions {
        if (dayIndex != null && date != null) {
            throw new IllegalArgumentException("reset options give both day index " + dayIndex + " and date " + date + "; give one");
        }
        batteryEnergy = batteryEnergy == null ? null : batteryEnergy.clone();
        batteryCostBasis = batteryCostBasis == null ? null : batteryCostBasis.clone();
    }

    /** An evaluation reset on day {@code index}. */
    public static ResetOptions evaluationDay(int index) {
        return new ResetOptions(true, index, null, null, null);
    }

    /** A training reset on day {@code index} (must be a training day). */
    public static ResetOptions trainingDay(int index) {
        return new ResetOptions(false, index, null, null, null);
    }

    /** This reset with every hub's battery starting at {@code energyKwh} and {@code costBasis}. */
    public ResetOptions withBattery(double energyKwh, double costBasis) {
        return new ResetOptions(evaluation, dayIndex, date, new double[] {energyKwh}, new double[] {costBasis});
    }

    /** Reads the map form; unknown keys and wrong types are errors naming the key. */
    public static ResetOptions fromMap(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return TRAINING;
        }
        Map<String, Object> rest = new LinkedHashMap<>(options);
        Object day = rest.remove("day"); // may be a LocalDate, which is no configuration value
        ConfigValues v = ConfigValues.of(rest, "reset option").onlyKeys(KEYS);
        boolean eval = switch (v.getString("mode", "train").toLowerCase(Locale.ROOT)) {
            case "train", "training" -> false;
            case "eval", "evaluation", "test" -> true;
            default -> throw new IllegalArgumentException("reset option mode = '" + options.get("mode") + "' is not known; use \"train\" or \"eval\"");
        };
        Integer index = null;
        LocalDate date = null;
        if (day instanceof Integer i) {
            index = i;
        } else if (day instanceof Long l && l == (int) (long) l) {
            index = (int) (long) l;
        } else if (day instanceof LocalDate d) {
            date = d;
        } else if (day instanceof String s) {
            try {
                date = LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("reset option day = '" + s + "' is not an ISO date (yyyy-MM-dd); give a date or an index");
            }
        } else if (day != null) {
            throw new IllegalArgumentException("reset option day has type " + day.getClass().getSimpleName()
                    + "; give an Integer index, a LocalDate or an ISO date string");
        }
        return new ResetOptions(eval, index, date, v.getDoubleList("batteryEnergy"), v.getDoubleList("batteryCostBasis"));
    }

    @Override
    public double[] batteryEnergy() {
        return batteryEnergy == null ? null : batteryEnergy.clone();
    }

    @Override
    public double[] batteryCostBasis() {
        return batteryCostBasis == null ? null : batteryCostBasis.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResetOptions r && evaluation == r.evaluation && java.util.Objects.equals(dayIndex, r.dayIndex)
                && java.util.Objects.equals(date, r.date) && Arrays.equals(batteryEnergy, r.batteryEnergy)
                && Arrays.equals(batteryCostBasis, r.batteryCostBasis);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(evaluation, dayIndex, date) * 31 + Arrays.hashCode(batteryEnergy);
    }

    @Override
    public String toString() {
        return "ResetOptions[" + (evaluation ? "eval" : "train") + ", day=" + (dayIndex != null ? dayIndex : date)
                + ", batteryEnergy=" + Arrays.toString(batteryEnergy) + ", batteryCostBasis=" + Arrays.toString(batteryCostBasis) + "]";
    }
}
