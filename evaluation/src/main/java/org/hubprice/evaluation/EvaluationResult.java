package org.hubprice.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Provenance;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.stats.Bootstrap;
import org.hubprice.evaluation.stats.Summary;

/**
 * The outcome of an evaluation: every day's paths and the summaries built from them.
 *
 * <p>{@link #summary()} is the content of {@code summary.json}:
 * <ul>
 *   <li>{@code delta}: the collusion index per day ({@code perDay}) and its {@code median},
 *       {@code mean}, quartiles, {@code iqr}, and percentile-bootstrap intervals over days
 *       ({@code ci95} for the median, the headline statistic; {@code ci95Mean} for the mean);</li>
 *   <li>{@code profit}: daily joint profit ($) under the learned policies, the competitive and
 *       the monopoly benchmark, with per-hub means;</li>
 *   <li>{@code markup}: price over unit cost of power, averaged over the hub-hours with load and a
 *       positive unit cost ({@code mean}, per hub, and {@code revenueOverCost}, total revenue
 *       over total cost of the power served);</li>
 *   <li>{@code prices}, {@code evs}, {@code monopoly}, {@code deviation}, {@code timing} and
 *       {@code provenance} (project, environment, policies, days, options).</li>
 * </ul>
 * Undefined numbers (a day whose benchmarks coincide) are JSON {@code null}.
 */
public final class EvaluationResult {
    private final Scenarios scenarios;
    private final Map<String, Object> environment;
    private final List<String> agents;
    private final List<Map<String, Object>> policies;
    private final EvaluationOptions options;
    private final DeviationSpec deviation;
    private final double competitiveMultiplier;
    private final List<DayResult> days;
    private final Map<String, Object> timing;
    private final Map<String, Object> extraProvenance = new LinkedHashMap<>();
    private final Map<String, Object> extraSections = new LinkedHashMap<>();

    EvaluationResult(Scenarios scenarios, Map<String, Object> environment, List<String> agents, List<Map<String, Object>> policies,
                     EvaluationOptions options, DeviationSpec deviation, double competitiveMultiplier, List<DayResult> days,
                     Map<String, Object> timing) {
        this.scenarios = scenarios;
        this.environment = environment;
        this.agents = List.copyOf(agents);
        this.policies = policies;
        this.options = options;
        this.deviation = deviation;
        this.competitiveMultiplier = competitiveMultiplier;
        this.days = List.copyOf(days);
        this.timing = timing;
    }

    /** Every evaluated day, in date order of the selection. */
    public List<DayResult> days() {
        return days;
    }

    /** Agent names {@code hub_0 ..}. */
    public List<String> agents() {
        return agents;
    }

    /** Number of hubs. */
    public int hubs() {
        return agents.size();
    }

    /** The options the evaluation ran with. */
    public EvaluationOptions options() {
        return options;
    }

    /** The deviation test as run (multiplier resolved), or null. */
    public DeviationSpec deviation() {
        return deviation;
    }

    /** The days and their source. */
    public Scenarios scenarios() {
        return scenarios;
    }

    /** The policies as described in the provenance, one per hub. */
    public List<Map<String, Object>> policies() {
        return policies;
    }

    /** Wall time and per-phase thread time. */
    public Map<String, Object> timing() {
        return timing;
    }

    /** Adds a section to the summary (the best-response analysis), placed before {@code timing}. */
    public void addSection(String key, Object value) {
        extraSections.put(key, value);
    }

    /** A section added with {@link #addSection}, or null. */
    public Object section(String key) {
        return extraSections.get(key);
    }

    /** Adds an entry to the provenance (the command line, the run directory). */
    public void addProvenance(String key, Object value) {
        extraProvenance.put(key, value);
    }

    /** {@code Δ_d} per day (NaN where the benchmarks coincide). */
    public double[] deltas() {
        double[] d = new double[days.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = days.get(k).delta();
        }
        return d;
    }

    /** The finite {@code Δ_d}. */
    public double[] definedDeltas() {
        return java.util.Arrays.stream(deltas()).filter(Double::isFinite).toArray();
    }

    /** Summary of the defined {@code Δ_d}. */
    public Summary deltaSummary() {
        return Summary.of(definedDeltas());
    }

    /** The percentile-bootstrap interval of the median {@code Δ} over days. */
    public double[] deltaMedianInterval() {
        double[] d = definedDeltas();
        return Bootstrap.medianInterval(d, options.bootstrapResamples(), options.confidence(), options.seed());
    }

    /** Daily joint profit of one profile per day: 0 learned, 1 competitive, 2 monopoly. */
    public double[] dailyProfit(int profile) {
        double[] p = new double[days.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = path(days.get(k), profile).totalProfit();
        }
        return p;
    }

    static DayPath path(DayResult d, int profile) {
        return switch (profile) {
            case 0 -> d.learned();
            case 1 -> d.competitive();
            case 2 -> d.monopoly();
            default -> d.deviation();
        };
    }

    /** Mean markup over every (day, hour, hub) with load and a positive unit cost, for one hub or all (-1). */
    public double meanMarkup(int hub) {
        double s = 0;
        long n = 0;
        for (DayResult d : days) {
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                for (int i = 0; i < hubs(); i++) {
                    if (hub >= 0 && i != hub) {
                        continue;
                    }
                    double m = d.learned().markup(t, i);
                    if (!Double.isNaN(m)) {
                        s += m;
                        n++;
                    }
                }
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /** Mean over days of hub i's (or every hub's, -1) mean price under the learned policies, $/MWh. */
    public double meanPrice(int hub) {
        double s = 0;
        int n = 0;
        for (DayResult d : days) {
            for (int i = 0; i < hubs(); i++) {
                if (hub < 0 || i == hub) {
                    s += d.learned().meanPrice(i);
                    n++;
                }
            }
        }
        return s / n;
    }

    /** The summary written as {@code summary.json}. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "hubprice evaluation");
        m.put("hubs", hubs());
        m.put("days", days.size());
        m.put("replications", options.replications());
        m.put("delta", deltaJson());
        m.put("profit", profitJson());
        m.put("markup", markupJson());
        m.put("prices", pricesJson());
        m.put("evs", evsJson());
        m.put("monopoly", monopolyJson());
        m.put("deviation", deviation == null ? null : DeviationReport.of(this).toMap());
        m.put("nash", NashSummary.of(this));
        m.putAll(extraSections);
        m.put("timing", timing);
        m.put("provenance", provenance());
        return m;
    }

    private Map<String, Object> deltaJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        Summary s = deltaSummary();
        double[] defined = definedDeltas();
        m.put("median", num(s.median()));
        m.put("mean", num(s.mean()));
        m.put("q1", num(s.q1()));
        m.put("q3", num(s.q3()));
        m.put("iqr", num(s.iqr()));
        m.put("min", num(s.min()));
        m.put("max", num(s.max()));
        m.put("std", num(s.std()));
        m.put("n", s.n());
        m.put("undefinedDays", days.size() - s.n());
        m.put("ci95", nums(deltaMedianInterval()));
        m.put("ci95Mean", nums(Bootstrap.meanInterval(defined, options.bootstrapResamples(), options.confidence(), options.seed())));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("method", "percentile bootstrap over days");
        b.put("ci95", "interval of the median");
        b.put("ci95Mean", "interval of the mean");
        b.put("confidence", options.confidence());
        b.put("resamples", options.bootstrapResamples());
        b.put("seed", options.seed());
        m.put("bootstrap", b);
        m.put("quantiles", "type 7 (linear interpolation)");
        List<Map<String, Object>> per = new ArrayList<>();
        for (DayResult d : days) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("date", d.date().toString());
            e.put("delta", num(d.delta()));
            per.add(e);
        }
        m.put("perDay", per);
        return m;
    }

    private Map<String, Object> profitJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        String[] names = {"learned", "competitive", "monopoly"};
        for (int p = 0; p < 3; p++) {
            double[] daily = dailyProfit(p);
            Summary s = Summary.of(daily);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("meanPerDay", s.mean());
            e.put("medianPerDay", s.median());
            e.put("q1PerDay", s.q1());
            e.put("q3PerDay", s.q3());
            List<Double> perHub = new ArrayList<>();
            for (int i = 0; i < hubs(); i++) {
                double x = 0;
                for (DayResult d : days) {
                    x += path(d, p).hubProfit(i);
                }
                perHub.add(x / days.size());
            }
            e.put("perHubMeanPerDay", perHub);
            m.put(names[p], e);
        }
        m.put("unit", "$ per day, all hubs together unless per hub; mean over replications, then over days");
        return m;
    }

    private Map<String, Object> markupJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", num(meanMarkup(-1)));
        List<Object> perHub = new ArrayList<>();
        for (int i = 0; i < hubs(); i++) {
            perHub.add(num(meanMarkup(i)));
        }
        m.put("perHub", perHub);
        double rev = 0;
        double cost = 0;
        for (DayResult d : days) {
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                for (int i = 0; i < hubs(); i++) {
                    rev += d.learned().revenue[t][i];
                    cost += d.learned().energyCost[t][i];
                }
            }
        }
        m.put("revenueOverCost", num(cost > 0 ? rev / cost : Double.NaN));
        m.put("definition", "price / unit cost of the power served (energy cost / load), averaged over every day, hour and hub "
                + "with load and a positive unit cost; learned policies");
        return m;
    }

    private Map<String, Object> pricesJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> price = new ArrayList<>();
        List<Double> mult = new ArrayList<>();
        for (int i = 0; i < hubs(); i++) {
            price.add(meanPrice(i));
            double s = 0;
            for (DayResult d : days) {
                s += d.learned().meanMultiplier(i);
            }
            mult.add(s / days.size());
        }
        m.put("meanPricePerHub", price);
        m.put("meanMultiplierPerHub", mult);
        double gap = 0;
        for (DayResult d : days) {
            gap += d.learned().meanPriceGap();
        }
        m.put("meanPriceGap", gap / days.size());
        m.put("unit", "$/MWh; price gap = mean over hours of (dearest − cheapest hub)");
        return m;
    }

    private Map<String, Object> evsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        String[] names = {"learned", "competitive", "monopoly"};
        for (int p = 0; p < 3; p++) {
            double served = 0;
            double balked = 0;
            double lost = 0;
            for (DayResult d : days) {
                DayPath x = path(d, p);
                for (int i = 0; i < hubs(); i++) {
                    served += x.served(i);
                    balked += x.balkedTotal(i);
                }
                lost += x.lostTotal();
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("servedPerDay", served / days.size());
            e.put("balkedPerDay", balked / days.size());
            e.put("lostPerDay", lost / days.size());
            m.put(names[p], e);
        }
        return m;
    }

    private Map<String, Object> monopolyJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", options.monopolySearch().id());
        m.put("searchUsed", days.isEmpty() ? null : days.get(0).monopolySearch().mode().id());
        m.put("competitiveMultiplier", competitiveMultiplier);
        double max = scenarios.config().pricing().maxMultiplier();
        int atCap = 0;
        int notConverged = 0;
        double evals = 0;
        double mean = 0;
        for (DayResult d : days) {
            MonopolySearch.Result r = d.monopolySearch();
            boolean all = true;
            for (double a : r.multipliers()) {
                all &= a == max;
                mean += a;
            }
            atCap += all ? 1 : 0;
            notConverged += r.converged() ? 0 : 1;
            evals += r.evaluations();
        }
        m.put("meanMultiplier", mean / (days.size() * (double) HubPricingEnv.PERIODS));
        m.put("daysAllAtCap", atCap);
        m.put("daysNotConverged", notConverged);
        m.put("meanEvaluationsPerDay", evals / days.size());
        List<Map<String, Object>> per = new ArrayList<>();
        for (DayResult d : days) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("date", d.date().toString());
            e.putAll(d.monopolySearch().toMap());
            per.add(e);
        }
        m.put("perDay", per);
        return m;
    }

    /** The provenance block: project versions, environment, policies, days, options and extras. */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", Provenance.collect());
        m.put("days", scenarios.describe());
        m.put("policies", policies);
        m.put("options", options.toMap());
        m.put("environment", environment);
        m.putAll(extraProvenance);
        return m;
    }

    /** NaN and infinities as JSON null. */
    static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    static List<Object> nums(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(num(x));
        }
        return out;
    }
}
