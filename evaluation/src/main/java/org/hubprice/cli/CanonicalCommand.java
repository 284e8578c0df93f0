package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.common.Provenance;
import org.hubprice.env.bertrand.BertrandConfig;
import org.hubprice.env.bertrand.Equilibrium;
import org.hubprice.evaluation.canonical.CanonicalConfig;
import org.hubprice.evaluation.canonical.CanonicalReport;
import org.hubprice.evaluation.canonical.CanonicalRunner;
import org.hubprice.evaluation.canonical.ImpulseResponse;
import org.hubprice.evaluation.canonical.Sessions;
import org.hubprice.evaluation.canonical.Stats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubprice canonical}: the Calvano et al. (2020) Bertrand game, many learning sessions, collusion index. */
@Command(name = "canonical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs independent learning sessions of the canonical repeated Bertrand game with logit demand of "
                + "Calvano, Calzolari, Denicolò & Pastorello (2020, AER) and reports the collusion index "
                + "Delta = (profit - Nash)/(monopoly - Nash) over the converged limit cycles, convergence, cycle lengths "
                + "and the response to a one-period deviation.",
                "",
                "--set keys. Game: n, a, c (one value or one per firm, comma-separated), a0, mu, delta, m, xi, k. "
                + "Runner: convergencePeriods (100000), maxPeriods (1e9), checkEvery (generic loop, 1000), "
                + "observation (index|levels|one-hot), impulsePeriods (25), deviatingFirm (0), deviationPrice (best|index). "
                + "Any other key goes to the learner (tabular-q: alpha (0.15), beta (4e-6), qInit).",
                "",
                "Baseline:   hubprice canonical --sessions 100",
                "Myopic:     hubprice canonical --sessions 100 --set delta=0 --set k=0 --set alpha=0.25"})
final class CanonicalCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CanonicalCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sessions", defaultValue = "100", description = "number of independent sessions (default: ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a game, runner or learner parameter (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--agent", defaultValue = "tabular-q", description = "learner used by every firm (default: ${DEFAULT-VALUE})")
    String agent;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "root seed; session seeds are split from it (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--generic", description = "drive tabular-q through the generic ParallelEnv/Agent loop instead of its fast path")
    boolean generic;

    @Option(names = "--json", description = "print one JSON object to standard output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CanonicalConfig.Builder b = CanonicalConfig.builder().optAgent(agent).optGeneric(generic);
        settings.forEach(b::set);
        CanonicalConfig config = b.build();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        LOG.info("canonical: {} sessions of {} on {} thread(s), seed {}, {} loop", sessions, config.agent(), workers, seed,
                Sessions.fastPath(config) ? "fast tabular" : "generic");
        AtomicInteger done = new AtomicInteger();
        CanonicalReport report = CanonicalRunner.run(config, sessions, workers, seed, AgentRegistry.load(), r ->
                LOG.info(String.format(Locale.ROOT, "session %d (%d/%d done): %s after %,d periods, Delta = %.3f, cycle length %d, %.2f s",
                        r.index(), done.incrementAndGet(), sessions, r.converged() ? "converged" : "NOT converged", r.periods(),
                        r.delta(), r.cycle().length(), r.wallNanos() / 1e9)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report.toJsonMap(Provenance.collect())));
        } else {
            printText(out, report);
        }
        out.flush();
        return 0;
    }

    private static void printText(PrintWriter out, CanonicalReport r) {
        CanonicalConfig c = r.config();
        BertrandConfig g = c.game();
        out.printf(Locale.ROOT, "Calvano et al. (2020) logit Bertrand game: n=%d, a=%s, c=%s, a0=%s, mu=%s, delta=%s, m=%d, xi=%s, k=%d%n",
                g.n(), java.util.Arrays.toString(g.a()), java.util.Arrays.toString(g.c()), g.a0(), g.mu(), g.delta(), g.m(), g.xi(), g.k());
        out.printf(Locale.ROOT, "learner: %s %s (%s loop); %d sessions, root seed %d, %d thread(s)%n", c.agent(), c.resolvedAgentParams(),
                Sessions.fastPath(c) ? "fast tabular" : "generic", r.sessions().size(), r.rootSeed(), r.threads());
        out.println();
        out.printf(Locale.ROOT, "%-10s %10s %10s%n", "", "price", "profit");
        printBenchmark(out, "Nash", r.nash());
        printBenchmark(out, "monopoly", r.monopoly());
        out.println();
        Stats d = r.delta();
        long conv = r.sessions().stream().filter(s -> s.converged()).count();
        out.printf(Locale.ROOT, "collusion index Delta: mean %.4f, std %.4f (stderr %.4f, median %.4f, min %.4f, max %.4f; %d %s sessions)%n",
                d.mean(), d.std(), d.stderr(), d.median(), d.min(), d.max(), d.n(), conv > 0 ? "converged" : "(none converged: all)");
        if (conv < r.sessions().size()) {
            Stats all = r.deltaAllSessions();
            out.printf(Locale.ROOT, "  Delta over all %d sessions: mean %.4f, std %.4f%n", all.n(), all.mean(), all.std());
        }
        out.printf(Locale.ROOT, "converged: %d of %d sessions (%.1f %%)%n", conv, r.sessions().size(), 100 * r.convergedShare());
        Stats p = r.periodsToConvergence();
        out.printf(Locale.ROOT, "periods to convergence: mean %,.0f (median %,.0f, min %,.0f, max %,.0f)%n", p.mean(), p.median(), p.min(), p.max());
        StringBuilder cl = new StringBuilder();
        r.cycleLengths().forEach((len, count) -> cl.append(cl.length() == 0 ? "" : ", ").append(len).append(": ").append(count));
        out.println("cycle lengths (length: sessions): " + cl);
        out.printf(Locale.ROOT, "average price over the cycle: %.4f (std %.4f)%n", r.cyclePrice().mean(), r.cyclePrice().std());
        out.println();
        int firm = c.deviatingFirm();
        out.printf(Locale.ROOT, "impulse response: firm %d deviates in period 1 to %s; then greedy play (mean over sessions)%n", firm,
                c.deviationPrice() < 0 ? "its static best response" : "price index " + c.deviationPrice());
        double[][] price = r.meanImpulse(ImpulseResponse::price);
        double[][] base = r.meanImpulse(ImpulseResponse::undisturbedPrice);
        double[][] profit = r.meanImpulse(ImpulseResponse::profit);
        double[][] baseProfit = r.meanImpulse(ImpulseResponse::undisturbedProfit);
        int other = firm == 0 ? 1 : 0;
        out.printf(Locale.ROOT, "%6s %12s %12s %12s %12s %12s %12s%n", "period", "price " + firm, "price " + other, "undisturbed",
                "profit " + firm, "profit " + other, "undisturbed");
        for (int t = 0; t < price.length; t++) {
            out.printf(Locale.ROOT, "%6d %12.4f %12.4f %12.4f %12.4f %12.4f %12.4f%n", t + 1, price[t][firm], price[t][other], base[t][firm],
                    profit[t][firm], profit[t][other], baseProfit[t][firm]);
        }
        double gain = r.summarised().stream().mapToDouble(s -> s.impulse().deviationGain()).average().orElse(Double.NaN);
        long profitable = r.summarised().stream().filter(s -> s.impulse().deviationGain() > 0).count();
        out.printf(Locale.ROOT, "deviation gain (discounted, %d periods): mean %.4f; profitable in %d of %d sessions%n", price.length, gain,
                profitable, r.summarised().size());
        out.println();
        double cpu = r.sessions().stream().mapToLong(s -> s.cpuNanos()).sum() / 1e9;
        out.printf(Locale.ROOT, "performance: %.1f s wall on %d thread(s), %.1f s CPU; %,.0f periods; %.2f M periods/s overall, "
                        + "%.2f M periods/s per thread, %.2f M periods per CPU second; %.3f s wall per session (one thread)%n",
                r.wallNanos() / 1e9, r.threads(), cpu, (double) r.totalPeriods(), r.periodsPerSecond() / 1e6, r.periodsPerSecondPerThread() / 1e6,
                r.periodsPerCpuSecond() / 1e6, r.sessions().stream().mapToLong(s -> s.wallNanos()).average().orElse(0) / 1e9);
    }

    private static void printBenchmark(PrintWriter out, String label, Equilibrium e) {
        out.printf(Locale.ROOT, "%-10s %10.4f %10.4f%n", label, e.meanPrice(), e.meanProfit());
        if (e.prices().length > 0 && !allEqual(e.prices())) {
            out.printf(Locale.ROOT, "%-10s %s / %s%n", "  per firm", java.util.Arrays.toString(e.prices()), java.util.Arrays.toString(e.profits()));
        }
    }

    private static boolean allEqual(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
