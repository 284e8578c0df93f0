package org.hubprice.env.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hubprice.env.hub.HubPeriod;

/**
 * A newcomer's first look at the game: plays a few held-out days with fixed-markup policies
 * (every hub at the same multiplier, all days with the same seed and the evaluation battery
 * start, so the markups face identical arrivals) and checks every invariant of
 * {@link EnvInvariants} on every step. {@code hubprice env-check} prints the report.
 */
public final class EnvCheck {
    private EnvCheck() {}

    /**
     * One hub's day.
     *
     * @param agent agent name
     * @param profit sum of the 24 rewards, $
     * @param served EVs charged
     * @param balked EVs that balked at this hub
     * @param loadKwh energy served, kWh
     * @param revenue retail revenue, $
     * @param energyCost cost of the energy served, $
     * @param meanPrice load-weighted mean retail price, $/MWh (0 with no load)
     * @param unitCost cost of the energy served per MWh, $/MWh (0 with no load)
     * @param stations the hub's stations
     * @param peakServed the most EVs served in one period (at most {@code stations}; equal when the hub ran full)
     */
    public record HubDay(String agent, double profit, int served, int balked, double loadKwh, double revenue, double energyCost,
                         double meanPrice, double unitCost, int stations, int peakServed) {}

    /**
     * All hubs' day under one markup.
     *
     * @param markup the multiplier every hub posted
     * @param dayIndex the day's index
     * @param date the day's date
     * @param arrivals charge-seeking EVs of the day
     * @param lost EVs that found no station
     * @param hubs each hub's day
     */
    public record MarkupDay(double markup, int dayIndex, String date, int arrivals, int lost, List<HubDay> hubs) {}

    /**
     * The check's result.
     *
     * @param days results per markup and day, markups outermost
     * @param steps steps checked
     * @param violations violations per invariant ({@link EnvInvariants#NAMES})
     * @param firstViolation the first violation, or null
     */
    public record Report(List<MarkupDay> days, long steps, Map<String, Long> violations, String firstViolation) {
        /** Whether every invariant held on every step. */
        public boolean ok() {
            return violations.values().stream().allMatch(v -> v == 0);
        }
    }

    /**
     * Plays the first {@code dayCount} held-out days (all days when none are held out) at each markup.
     *
     * @param env the environment
     * @param markups multipliers, each inside the action space
     * @param dayCount days per markup, {@code >= 1}
     * @param seed the reset seed shared by every markup and day
     */
    public static Report run(HubPricingEnv env, List<Double> markups, int dayCount, long seed) {
        if (dayCount < 1) {
            throw new IllegalArgumentException("days = " + dayCount + " must be >= 1");
        }
        if (markups == null || markups.isEmpty()) {
            throw new IllegalArgumentException("markups are missing; give at least one multiplier, e.g. 1.0,1.5,2.0");
        }
        int[] pool = env.split().testCount() > 0 ? env.split().testDays() : java.util.stream.IntStream.range(0, env.days().size()).toArray();
        int[] dayIdx = Arrays.copyOf(pool, Math.min(dayCount, pool.length));
        EnvInvariants inv = new EnvInvariants(env);
        List<MarkupDay> out = new ArrayList<>();
        int h = env.hubCount();
        double[] actions = new double[h];
        for (double markup : markups) {
            Arrays.fill(actions, markup);
            for (int d : dayIdx) {
                env.resetFast(seed, ResetOptions.evaluationDay(d));
                double[] profit = new double[h];
                int[] served = new int[h];
                int[] balked = new int[h];
                int[] peak = new int[h];
                double[] load = new double[h];
                double[] revenue = new double[h];
                double[] cost = new double[h];
                int arrivals = 0;
                int lost = 0;
                boolean done = false;
                while (!done) {
                    done = env.stepFast(actions);
                    inv.check();
                    arrivals += env.lastArrivals();
                    lost += env.lastLost();
                    for (int i = 0; i < h; i++) {
                        HubPeriod p = env.period(i);
                        profit[i] += env.reward(i);
                        served[i] += p.assigned;
                        balked[i] += p.balked;
                        peak[i] = Math.max(peak[i], p.assigned);
                        load[i] += p.load;
                        revenue[i] += p.revenue;
                        cost[i] += p.energyCost;
                    }
                }
                List<HubDay> hubs = new ArrayList<>(h);
                for (int i = 0; i < h; i++) {
                    double mwh = load[i] / 1000.0;
                    hubs.add(new HubDay(HubPricingEnv.agentName(i), profit[i], served[i], balked[i], load[i], revenue[i], cost[i],
                            mwh > 0 ? revenue[i] / mwh : 0, mwh > 0 ? cost[i] / mwh : 0, env.hub(i).stations(), peak[i]));
                }
                out.add(new MarkupDay(markup, d, env.days().get(d).date().toString(), arrivals, lost, List.copyOf(hubs)));
            }
        }
        return new Report(List.copyOf(out), inv.steps(), inv.summary(), inv.firstViolation());
    }
}
