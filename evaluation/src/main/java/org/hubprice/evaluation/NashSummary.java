package org.hubprice.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.stats.Bootstrap;
import org.hubprice.evaluation.stats.Summary;

/**
 * The {@code nash} block of {@code summary.json}: the stage-game Nash benchmark {@code π^N}, the
 * collusion index against it {@code Δ^N = (π̄ − π^N)/(π^M − π^N)} with the same statistics as
 * {@code Δ}, how many hours had a mixed equilibrium, and the mean equilibrium multiplier per hour
 * and hub over the days.
 */
public final class NashSummary {
    /** The convention, stated once for the JSON, the report and the README. */
    public static final String CONVENTION = "each hour's one-shot pricing game on the price grid, with the hour's expected charge-seeking EVs "
            + "(choice rules applied to their mean), the mean energy per EV, the hub's DA commitment and its battery state on the Nash path "
            + "itself (batteries start at the evaluation start and roll forward through each hour's equilibrium; mixed hours by the "
            + "probability-weighted battery); equilibrium by iterated best response from marginal-cost pricing, else the pure "
            + "equilibrium with the highest joint profit, else a mixed one (Lemke-Howson; fictitious play for more than two hubs); "
            + "pi^N is that price path played in the simulator on the same replications (mixed hours drawn per replication)";

    private NashSummary() {}

    /** {@code Δ^N_d} per day (NaN where undefined). */
    public static double[] deltas(EvaluationResult r) {
        double[] d = new double[r.days().size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = r.days().get(k).deltaNash();
        }
        return d;
    }

    /** The block, or null when the benchmark was off. */
    public static Map<String, Object> of(EvaluationResult r) {
        if (!r.options().nash() || r.days().isEmpty()) {
            return null;
        }
        double[] all = deltas(r);
        double[] defined = java.util.Arrays.stream(all).filter(Double::isFinite).toArray();
        Summary s = Summary.of(defined);
        EvaluationOptions o = r.options();
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("median", EvaluationResult.num(s.median()));
        delta.put("mean", EvaluationResult.num(s.mean()));
        delta.put("q1", EvaluationResult.num(s.q1()));
        delta.put("q3", EvaluationResult.num(s.q3()));
        delta.put("n", s.n());
        delta.put("undefinedDays", all.length - s.n());
        delta.put("ci95", EvaluationResult.nums(Bootstrap.medianInterval(defined, o.bootstrapResamples(), o.confidence(), o.seed())));
        delta.put("definition", "(pi - pi^N) / (pi^M - pi^N) per day, replication means");

        int h = r.hubs();
        double profit = 0;
        double[] perHub = new double[h];
        int mixedHours = 0;
        int daysWithMixed = 0;
        double maxRegret = 0;
        double[][] mult = new double[HubPricingEnv.PERIODS][h];
        List<Map<String, Object>> perDay = new ArrayList<>();
        for (DayResult d : r.days()) {
            profit += d.nash().totalProfit();
            for (int i = 0; i < h; i++) {
                perHub[i] += d.nash().hubProfit(i);
            }
            int mixed = d.nashPath().mixedHours();
            mixedHours += mixed;
            daysWithMixed += mixed > 0 ? 1 : 0;
            maxRegret = Math.max(maxRegret, d.nashPath().maxRegret());
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                for (int i = 0; i < h; i++) {
                    mult[t][i] += d.nashPath().meanMultiplier(t, i) / r.days().size();
                }
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("date", d.date().toString());
            e.put("deltaNash", EvaluationResult.num(d.deltaNash()));
            e.put("profit", d.nash().totalProfit());
            e.put("mixedHours", mixed);
            e.put("path", d.nashPath().toMap());
            perDay.add(e);
        }
        int n = r.days().size();
        List<Double> hubProfit = new ArrayList<>();
        for (double v : perHub) {
            hubProfit.add(v / n);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deltaNash", delta);
        m.put("profitMeanPerDay", profit / n);
        m.put("perHubProfitMeanPerDay", hubProfit);
        m.put("mixedHours", mixedHours);
        m.put("hoursTotal", n * HubPricingEnv.PERIODS);
        m.put("daysWithMixedHours", daysWithMixed);
        m.put("maxRegret", maxRegret);
        m.put("meanMultiplierPerHour", mult);
        m.put("convention", CONVENTION);
        m.put("perDay", perDay);
        return m;
    }
}
