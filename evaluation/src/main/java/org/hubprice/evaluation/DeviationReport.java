package org.hubprice.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.game.HubPricingEnv;

/**
 * The deviation test averaged over the evaluated days: each hub's hourly price and profit with
 * the forced deviation and without it (the learned path on the same draws), and what follows
 * from them: the deviating hub's gain or loss, the rivals' response in the next hour, and the
 * hour from which every price is back on the undisturbed path.
 *
 * @param hub the deviating hub
 * @param hour the deviation hour
 * @param multiplier the forced multiplier
 * @param priceUndisturbed {@code [t][i]} mean price, $/MWh, without the deviation
 * @param priceDeviation {@code [t][i]} mean price with it
 * @param multiplierUndisturbed {@code [t][i]} mean multiplier without the deviation
 * @param multiplierDeviation {@code [t][i]} mean multiplier with it
 * @param profitUndisturbed {@code [t][i]} mean profit, $, without the deviation
 * @param profitDeviation {@code [t][i]} mean profit with it
 */
public record DeviationReport(int hub, int hour, double multiplier, double[][] priceUndisturbed, double[][] priceDeviation,
                              double[][] multiplierUndisturbed, double[][] multiplierDeviation, double[][] profitUndisturbed,
                              double[][] profitDeviation) {
    /** Prices closer than this ($/MWh) count as back on the undisturbed path. */
    public static final double SAME_PRICE = 1e-9;

    /** The report of {@code r}'s deviation test; throws when the test was off. */
    public static DeviationReport of(EvaluationResult r) {
        DeviationSpec spec = r.deviation();
        if (spec == null) {
            throw new IllegalStateException("the evaluation ran without the deviation test");
        }
        int h = r.hubs();
        int periods = HubPricingEnv.PERIODS;
        double[][][] a = new double[6][periods][h];
        for (DayResult d : r.days()) {
            for (int t = 0; t < periods; t++) {
                for (int i = 0; i < h; i++) {
                    a[0][t][i] += d.learned().price(t, i);
                    a[1][t][i] += d.deviation().price(t, i);
                    a[2][t][i] += d.learned().multiplier(t, i);
                    a[3][t][i] += d.deviation().multiplier(t, i);
                    a[4][t][i] += d.learned().profit(t, i);
                    a[5][t][i] += d.deviation().profit(t, i);
                }
            }
        }
        double k = 1.0 / r.days().size();
        for (double[][] x : a) {
            for (double[] row : x) {
                for (int i = 0; i < h; i++) {
                    row[i] *= k;
                }
            }
        }
        return new DeviationReport(spec.hub(), spec.hour(), spec.multiplier(), a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    /** Number of hubs. */
    public int hubs() {
        return priceUndisturbed[0].length;
    }

    /** Profit change of hub i (deviation minus undisturbed) summed over hours {@code from..23}, $ per day. */
    public double profitChange(int i, int from) {
        double s = 0;
        for (int t = from; t < HubPricingEnv.PERIODS; t++) {
            s += profitDeviation[t][i] - profitUndisturbed[t][i];
        }
        return s;
    }

    /** Price change of hub i in hour t (deviation minus undisturbed), $/MWh. */
    public double priceChange(int t, int i) {
        return priceDeviation[t][i] - priceUndisturbed[t][i];
    }

    /**
     * The first hour after the deviation from which every hub's mean price equals the
     * undisturbed one for the rest of the day, or -1 when prices still differ at hour 23.
     */
    public int returnHour() {
        int periods = HubPricingEnv.PERIODS;
        int back = -1;
        for (int t = periods - 1; t > hour; t--) {
            boolean same = true;
            for (int i = 0; i < hubs(); i++) {
                same &= Math.abs(priceChange(t, i)) <= SAME_PRICE;
            }
            if (!same) {
                break;
            }
            back = t;
        }
        return back;
    }

    /** The largest gap, over hubs, between the mean price with and without the deviation in hour {@code t} ($/MWh). */
    public double largestPriceGap(int t) {
        double g = 0;
        for (int i = 0; i < hubs(); i++) {
            g = Math.max(g, Math.abs(priceChange(t, i)));
        }
        return g;
    }

    /** As an ordered map for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hub", HubPricingEnv.agentName(hub));
        m.put("hour", hour);
        m.put("multiplier", multiplier);
        int next = Math.min(hour + 1, HubPricingEnv.PERIODS - 1);
        List<Map<String, Object>> hubs = new ArrayList<>();
        for (int i = 0; i < hubs(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("hub", HubPricingEnv.agentName(i));
            e.put("role", i == hub ? "deviator" : "rival");
            e.put("priceChangeAtDeviation", priceChange(hour, i));
            e.put("priceChangeNextHour", hour + 1 < HubPricingEnv.PERIODS ? priceChange(next, i) : null);
            e.put("multiplierChangeNextHour", hour + 1 < HubPricingEnv.PERIODS
                    ? multiplierDeviation[next][i] - multiplierUndisturbed[next][i] : null);
            e.put("profitChangeAtDeviation", profitDeviation[hour][i] - profitUndisturbed[hour][i]);
            e.put("profitChangeAfterDeviation", profitChange(i, hour + 1));
            e.put("profitChangeRestOfDay", profitChange(i, hour));
            hubs.add(e);
        }
        m.put("hubs", hubs);
        Map<String, Object> verdict = new LinkedHashMap<>();
        double gainNow = profitDeviation[hour][hub] - profitUndisturbed[hour][hub];
        double total = profitChange(hub, hour);
        verdict.put("gainAtDeviation", gainNow);
        verdict.put("changeAfterDeviation", profitChange(hub, hour + 1));
        verdict.put("deviationPays", total > 0);
        double rival = 0;
        int rivals = 0;
        for (int i = 0; i < hubs(); i++) {
            if (i != hub) {
                for (int t = hour + 1; t < HubPricingEnv.PERIODS; t++) {
                    rival += priceChange(t, i);
                    rivals++;
                }
            }
        }
        verdict.put("rivalMeanPriceChangeAfter", rivals > 0 ? rival / rivals : null);
        verdict.put("reading", total > 0 ? "the deviation pays over the rest of the day: no punishment outweighs the one-shot gain"
                : "the deviation does not pay over the rest of the day: what follows it costs the deviator more than it gained");
        m.put("verdict", verdict);
        int back = returnHour();
        m.put("pricesBackOnPathFromHour", back >= 0 ? back : null);
        m.put("pricesBackOnPathTolerance", SAME_PRICE);
        m.put("note", "means over days and replications; undisturbed = the learned policies on the same draws");
        return m;
    }
}
