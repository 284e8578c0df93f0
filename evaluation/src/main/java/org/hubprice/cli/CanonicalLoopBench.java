package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.common.Provenance;
import org.hubprice.env.bertrand.BertrandGame;
import org.hubprice.evaluation.canonical.CanonicalConfig;
import org.hubprice.evaluation.canonical.SessionResult;
import org.hubprice.evaluation.canonical.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hubprice bench canonical-loop}: Q-learning periods per second of the fast tabular loop
 * against the generic {@code ParallelEnv}/{@code Agent} loop on the Calvano baseline, measured
 * in one run on one thread, with their ratio.
 */
@Command(name = "canonical-loop", mixinStandardHelpOptions = true,
        description = "Periods per second of the fast tabular-q loop vs the generic ParallelEnv/Agent loop "
                + "on the Calvano et al. baseline (one thread, same seed, fixed number of periods), and their ratio.")
final class CanonicalLoopBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--periods", defaultValue = "2000000", description = "periods per measured run (default: ${DEFAULT-VALUE})")
    long periods;

    @Option(names = "--repeats", defaultValue = "3", description = "measured runs per loop; the best is reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--json", description = "print one JSON object to standard output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (periods < 1000 || repeats < 1) {
            throw new IllegalArgumentException("--periods = " + periods + " must be >= 1000 and --repeats = " + repeats + " >= 1");
        }
        // No session may converge: both loops then run exactly `periods` periods.
        CanonicalConfig.Builder base = CanonicalConfig.builder().optConvergencePeriods(1_000_000_000_000_000L);
        CanonicalConfig fast = base.optMaxPeriods(periods).optGeneric(false).build();
        CanonicalConfig generic = base.optMaxPeriods(periods).optGeneric(true).build();
        BertrandGame game = new BertrandGame(fast.game());
        AgentFactory factory = AgentRegistry.load().get(fast.agent());
        double fastRate = measure(fast, game, factory);
        double genericRate = measure(generic, game, factory);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "canonical-loop");
            m.put("periods", periods);
            m.put("repeats", repeats);
            m.put("fastPeriodsPerCpuSecond", fastRate);
            m.put("genericPeriodsPerCpuSecond", genericRate);
            m.put("ratio", fastRate / genericRate);
            m.put("provenance", Provenance.collect());
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "Calvano baseline, %,d periods per run, best of %d, one thread (CPU time):%n", periods, repeats);
            out.printf(Locale.ROOT, "  fast tabular loop     %8.2f M periods/s%n", fastRate / 1e6);
            out.printf(Locale.ROOT, "  generic Agent loop    %8.2f M periods/s%n", genericRate / 1e6);
            out.printf(Locale.ROOT, "  ratio fast/generic    %8.1f%n", fastRate / genericRate);
        }
        out.flush();
        return 0;
    }

    /** Best periods per CPU second (wall time where CPU time is unavailable) after one warm-up run. */
    private double measure(CanonicalConfig config, BertrandGame game, AgentFactory factory) {
        Sessions.run(config, game, factory, 0, 1);
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            SessionResult s = Sessions.run(config, game, factory, 0, 2 + r);
            long nanos = s.cpuNanos() > 0 ? s.cpuNanos() : s.wallNanos();
            best = Math.max(best, s.periods() / (nanos / 1e9));
        }
        return best;
    }
}
