package org.hubprice.evaluation.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hubprice.env.bertrand.BertrandGame;
import org.hubprice.env.bertrand.Equilibrium;

/**
 * The results of an experiment: every session and the summaries Calvano et al. (2020) report.
 * {@code Δ}, the cycle statistics and the average impulse response are taken over the sessions
 * that converged (over all sessions when none did); {@link #deltaAllSessions()} includes the
 * others, analysed from the state where they were stopped.
 *
 * @param config the experiment
 * @param game the precomputed game (benchmarks, grid)
 * @param rootSeed the seed every session seed was split from
 * @param threads worker threads used
 * @param sessions every session, in index order
 * @param wallNanos wall-clock time of the whole experiment
 */
public record CanonicalReport(CanonicalConfig config, BertrandGame game, long rootSeed, int threads, List<SessionResult> sessions,
                              long wallNanos) {
    public CanonicalReport {
        sessions = List.copyOf(sessions);
    }

    /** The sessions the summaries are taken over (the converged ones, or all when none converged). */
    public List<SessionResult> summarised() {
        List<SessionResult> conv = sessions.stream().filter(SessionResult::converged).toList();
        return conv.isEmpty() ? sessions : conv;
    }

    public Equilibrium nash() {
        return game.nash();
    }

    public Equilibrium monopoly() {
        return game.monopoly();
    }

    /** {@code Δ} over the converged sessions. */
    public Stats delta() {
        return Stats.of(summarised().stream().mapToDouble(SessionResult::delta).toArray());
    }

    /** {@code Δ} over every session, converged or not. */
    public Stats deltaAllSessions() {
        return Stats.of(sessions.stream().mapToDouble(SessionResult::delta).toArray());
    }

    /** Average price over the cycle (mean over firms) per summarised session. */
    public Stats cyclePrice() {
        return Stats.of(summarised().stream().mapToDouble(r -> mean(r.cycle().meanPrice())).toArray());
    }

    public double convergedShare() {
        return sessions.isEmpty() ? Double.NaN : (double) sessions.stream().filter(SessionResult::converged).count() / sessions.size();
    }

    /** Periods to convergence over the converged sessions (NaN statistics when none converged). */
    public Stats periodsToConvergence() {
        return Stats.of(sessions.stream().filter(SessionResult::converged).mapToDouble(SessionResult::periods).toArray());
    }

    /** Number of summarised sessions per cycle length. */
    public SortedMap<Integer, Integer> cycleLengths() {
        SortedMap<Integer, Integer> m = new TreeMap<>();
        for (SessionResult r : summarised()) {
            m.merge(r.cycle().length(), 1, Integer::sum);
        }
        return m;
    }

    /** Periods played in all sessions together. */
    public long totalPeriods() {
        return sessions.stream().mapToLong(SessionResult::periods).sum();
    }

    /** Learning throughput of the whole run: periods per wall-clock second, all threads together. */
    public double periodsPerSecond() {
        return totalPeriods() / (wallNanos / 1e9);
    }

    /** Throughput of one thread: periods per second of session time. */
    public double periodsPerSecondPerThread() {
        long busy = sessions.stream().mapToLong(SessionResult::wallNanos).sum();
        return totalPeriods() / (busy / 1e9);
    }

    /** Learning throughput per CPU second (NaN where CPU time is not measured): the machine-load-independent figure. */
    public double periodsPerCpuSecond() {
        if (sessions.stream().anyMatch(r -> r.cpuNanos() < 0)) {
            return Double.NaN;
        }
        long cpu = sessions.stream().mapToLong(SessionResult::cpuNanos).sum();
        return totalPeriods() / (cpu / 1e9);
    }

    /** Mean over summarised sessions of the impulse-response price of firm {@code i} at period τ+1: {@code [τ][i]}. */
    public double[][] meanImpulse(java.util.function.Function<ImpulseResponse, double[][]> part) {
        List<SessionResult> rs = summarised();
        int periods = config.impulsePeriods();
        int n = game.firms();
        double[][] out = new double[periods][n];
        for (SessionResult r : rs) {
            double[][] v = part.apply(r.impulse());
            for (int t = 0; t < periods; t++) {
                for (int i = 0; i < n; i++) {
                    out[t][i] += v[t][i] / rs.size();
                }
            }
        }
        return out;
    }

    /** Everything as nested maps and lists, ready for JSON. */
    public Map<String, Object> toJsonMap(Map<String, Object> provenance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("game", "calvano-bertrand-logit");
        m.put("nashPrice", nash().meanPrice());
        m.put("monopolyPrice", monopoly().meanPrice());
        m.put("nashProfit", nash().meanProfit());
        m.put("monopolyProfit", monopoly().meanProfit());
        m.put("nashPrices", nash().prices());
        m.put("monopolyPrices", monopoly().prices());
        m.put("nashProfits", nash().profits());
        m.put("monopolyProfits", monopoly().profits());
        m.put("priceGrid", game.priceGrid());
        m.put("sessions", sessions.size());
        m.put("delta", delta().toMap());
        m.put("deltaAllSessions", deltaAllSessions().toMap());
        m.put("cyclePrice", cyclePrice().toMap());
        m.put("convergedShare", convergedShare());
        Stats p = periodsToConvergence();
        m.put("meanPeriodsToConvergence", p.mean());
        m.put("periodsToConvergence", p.toMap());
        Map<String, Integer> cl = new LinkedHashMap<>();
        cycleLengths().forEach((k, v) -> cl.put(String.valueOf(k), v));
        m.put("cycleLengths", cl);
        Map<String, Object> ir = new LinkedHashMap<>();
        ir.put("deviatingFirm", config.deviatingFirm());
        ir.put("deviation", config.deviationPrice() < 0 ? "static best response" : config.deviationPrice());
        ir.put("note", "period 1 is the deviation period; rows are periods, columns firms; means over the summarised sessions");
        ir.put("price", meanImpulse(ImpulseResponse::price));
        ir.put("undisturbedPrice", meanImpulse(ImpulseResponse::undisturbedPrice));
        ir.put("profit", meanImpulse(ImpulseResponse::profit));
        ir.put("undisturbedProfit", meanImpulse(ImpulseResponse::undisturbedProfit));
        List<SessionResult> rs = summarised();
        ir.put("meanDeviationGain", rs.stream().mapToDouble(r -> r.impulse().deviationGain()).average().orElse(Double.NaN));
        ir.put("shareDeviationProfitable", rs.stream().filter(r -> r.impulse().deviationGain() > 0).count() / (double) rs.size());
        ir.put("shareBackInCycle", rs.stream().filter(r -> r.impulse().returnPeriod() > 0).count() / (double) rs.size());
        m.put("impulseResponse", ir);
        Map<String, Object> perf = new LinkedHashMap<>();
        perf.put("threads", threads);
        perf.put("wallSeconds", wallNanos / 1e9);
        perf.put("totalPeriods", totalPeriods());
        perf.put("periodsPerSecond", periodsPerSecond());
        perf.put("periodsPerSecondPerThread", periodsPerSecondPerThread());
        perf.put("periodsPerCpuSecond", periodsPerCpuSecond());
        perf.put("cpuSeconds", sessions.stream().mapToLong(SessionResult::cpuNanos).sum() / 1e9);
        perf.put("meanSessionSeconds", sessions.stream().mapToLong(SessionResult::wallNanos).average().orElse(Double.NaN) / 1e9);
        perf.put("fastPath", Sessions.fastPath(config));
        m.put("performance", perf);
        List<Map<String, Object>> per = new ArrayList<>();
        for (SessionResult r : sessions) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("index", r.index());
            s.put("seed", r.seed());
            s.put("converged", r.converged());
            s.put("periods", r.periods());
            s.put("delta", r.delta());
            s.put("cycleLength", r.cycle().length());
            s.put("cycleMeanPrice", r.cycle().meanPrice());
            s.put("cycleMeanProfit", r.cycle().meanProfit());
            s.put("deviationGain", r.impulse().deviationGain());
            s.put("wallSeconds", r.wallNanos() / 1e9);
            s.put("cpuSeconds", r.cpuNanos() / 1e9);
            per.add(s);
        }
        m.put("perSession", per);
        Map<String, Object> prov = new LinkedHashMap<>(provenance);
        prov.put("rootSeed", rootSeed);
        prov.put("sessionSeeds", "Seeds.derive(rootSeed, \"canonical-session\", index)");
        prov.put("config", config.toMap());
        m.put("provenance", prov);
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x / v.length;
        }
        return s;
    }
}
