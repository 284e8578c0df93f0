package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.common.Provenance;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.DaCommitments;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.MarketSource;
import org.hubprice.env.game.ResetOptions;
import org.hubprice.models.milp.Solvers;
import org.hubprice.models.power.ClosedFormDispatcher;
import org.hubprice.models.power.PowerDispatcher;
import org.hubprice.models.power.PowerDispatchers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hubprice bench env}: environment periods per second (one period = every hub prices,
 * EVs choose, every hub dispatches) with the exact closed-form dispatcher and with the MILP
 * dispatcher, measured in one run on one thread, with their ratio.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Environment periods per second on one thread, all hubs, fixed-markup actions, training resets included:",
            "the closed-form dispatcher and the MILP dispatcher (fewer periods) in one run, and their ratio.",
            "Rates are per second of the thread's CPU time (so other load on a shared machine does not count);",
            "the per-wall-second rates are printed beside them."})
final class EnvBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EnvConfigOptions envOptions = new EnvConfigOptions();

    @Option(names = "--periods", defaultValue = "1000000", paramLabel = "N",
            description = "Timed periods with the closed-form dispatcher (default ${DEFAULT-VALUE}); a tenth more are played first to warm up.")
    long periods;

    @Option(names = "--milp-periods", defaultValue = "240", paramLabel = "N",
            description = "Timed periods with the MILP dispatcher (default ${DEFAULT-VALUE}); 24 are played first to warm up.")
    long milpPeriods;

    @Option(names = "--markup", split = ",", defaultValue = "1.3,1.6", paramLabel = "A,B,...",
            description = "Fixed multipliers, hub i plays the (i mod count)-th (default ${DEFAULT-VALUE}).")
    List<Double> markups;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (periods < 24 || milpPeriods < 1) {
            throw new IllegalArgumentException("--periods = " + periods + " must be >= 24 and --milp-periods = " + milpPeriods + " >= 1");
        }
        EnvConfig config = envOptions.load();
        List<MarketDay> days = MarketSource.load(config.market());
        double[][] commitment = DaCommitments.resolvePerHub(config, days, config.daCommitment().cachePath());
        String solver = config.power().solver();
        HubPricingEnv fast = build(config, days, commitment, new ClosedFormDispatcher());
        HubPricingEnv milp = build(config, days, commitment, PowerDispatchers.byName("milp", Solvers.byName(solver)));
        double[] actions = new double[fast.hubCount()];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = markups.get(i % markups.size());
        }

        run(fast, actions, Math.max(24, periods / 10), 1_000_000_000L);
        double[] fastTime = run(fast, actions, periods, 0);
        run(milp, actions, 24, 1_000_000_000L);
        double[] milpTime = run(milp, actions, milpPeriods, 0);
        double fastRate = periods / fastTime[0];
        double milpRate = milpPeriods / milpTime[0];
        double fastSeconds = fastTime[0];
        double milpSeconds = milpTime[0];

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dispatcherPeriodsPerSecond", fastRate);
            m.put("milpPeriodsPerSecond", milpRate);
            m.put("ratio", fastRate / milpRate);
            m.put("clock", cpuClock ? "thread CPU time" : "wall clock");
            m.put("dispatcherPeriodsPerWallSecond", periods / fastTime[1]);
            m.put("milpPeriodsPerWallSecond", milpPeriods / milpTime[1]);
            m.put("dispatcherPeriods", periods);
            m.put("dispatcherSeconds", fastSeconds);
            m.put("milpPeriods", milpPeriods);
            m.put("milpSeconds", milpSeconds);
            m.put("hubs", fast.hubCount());
            m.put("markups", actions);
            m.put("solver", solver);
            m.put("configDigest", config.digest());
            m.put("provenance", Provenance.collect());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "hubprice bench env: %d hubs, markups %s, one thread, rates per second of %s%n", fast.hubCount(),
                    java.util.Arrays.toString(actions), cpuClock ? "the thread's CPU time" : "wall clock");
            out.printf(Locale.ROOT, "  closed-form dispatcher: %,12.0f periods/s  (%,d periods in %.2f s; %,.0f per wall second)%n", fastRate,
                    periods, fastSeconds, periods / fastTime[1]);
            out.printf(Locale.ROOT, "  MILP dispatcher (%s): %,12.1f periods/s  (%,d periods in %.2f s; %,.1f per wall second)%n", solver,
                    milpRate, milpPeriods, milpSeconds, milpPeriods / milpTime[1]);
            out.printf(Locale.ROOT, "  ratio: %.0f x%n", fastRate / milpRate);
        }
        out.flush();
        return 0;
    }

    private static HubPricingEnv build(EnvConfig config, List<MarketDay> days, double[][] commitment, PowerDispatcher dispatcher) {
        return HubPricingEnv.builder().setConfig(config).optDays(days).optCommitments(commitment).optDispatcher(dispatcher).build();
    }

    /**
     * Plays {@code n} periods with training resets (seeds from {@code seedBase}); returns the
     * seconds taken, {@code {timing clock, wall clock}}. The timing clock is the thread's CPU
     * time where the JVM measures it (a shared machine's other load then does not count), else
     * the wall clock.
     */
    private double[] run(HubPricingEnv env, double[] actions, long n, long seedBase) {
        long seed = seedBase;
        long cpu0 = cpuClock ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        env.resetFast(seed++, ResetOptions.TRAINING);
        for (long k = 0; k < n; k++) {
            if (env.stepFast(actions)) {
                env.resetFast(seed++, ResetOptions.TRAINING);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double timed = cpuClock ? (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 : wall;
        return new double[] {timed, wall};
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
}
