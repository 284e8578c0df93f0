package org.hubprice.models.power.bench;

import java.util.Arrays;
import java.util.Objects;
import org.hubprice.common.Check;
import org.hubprice.models.power.DispatchResult;
import org.hubprice.models.power.PowerDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times a fast dispatcher against a MILP dispatcher on the same instances in one run.
 *
 * <p>How the fast one is timed, and why: a call takes nanoseconds, so it is measured over
 * many passes through all instances after a warm-up long enough for the JIT to compile the
 * loop (by default one second of passes), in several rounds whose median is reported so
 * that one noisy round (other processes on the machine) does not skew the figure. Every
 * result feeds a checksum that is returned, so the JIT cannot drop the calls as dead code.
 * The MILP dispatcher takes milliseconds per call, so one pass over all instances after a
 * short warm-up (native libraries loaded, model building compiled) is timed directly. The
 * MILP's profits are recorded during its pass and compared with the fast dispatcher's
 * afterwards, so the benchmark also reports how far the two are apart.
 */
public final class DispatchBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchBenchmark.class);

    private DispatchBenchmark() {}

    /**
     * @param fastWarmupSeconds minimum warm-up of the fast dispatcher, {@code > 0}
     * @param fastRoundSeconds minimum duration of one timed round of the fast dispatcher, {@code > 0}
     * @param fastRounds timed rounds of the fast dispatcher (the median is reported), {@code >= 1}
     * @param milpWarmupSolves MILP solves before its timed pass, {@code >= 0}
     */
    public record Settings(double fastWarmupSeconds, double fastRoundSeconds, int fastRounds, int milpWarmupSolves) {
        /** 1 s warm-up, 5 rounds of at least 0.3 s, 50 MILP warm-up solves. */
        public static final Settings DEFAULT = new Settings(1.0, 0.3, 5, 50);

        public Settings {
            Check.positive("fastWarmupSeconds", fastWarmupSeconds);
            Check.positive("fastRoundSeconds", fastRoundSeconds);
            Check.positive("fastRounds", fastRounds);
            Check.nonNegative("milpWarmupSolves", milpWarmupSolves);
        }
    }

    /**
     * @param instances how many instances both dispatchers solved
     * @param fastNsPerSolve median ns per call of the fast dispatcher
     * @param milpNsPerSolve ns per call of the MILP dispatcher
     * @param speedupRatio {@code milpNsPerSolve / fastNsPerSolve}
     * @param fastCalls timed calls of the fast dispatcher (all rounds)
     * @param maxProfitDifference largest |profit difference| between the two, $
     * @param checksum sum of every fast result (defeats dead-code elimination; no meaning)
     */
    public record Result(int instances, double fastNsPerSolve, double milpNsPerSolve, double speedupRatio,
                         long fastCalls, double maxProfitDifference, double checksum) {}

    /** Runs both dispatchers on all of {@code inst}. */
    public static Result run(DispatchInstances inst, PowerDispatcher fast, PowerDispatcher milp, Settings settings) {
        Objects.requireNonNull(inst, "inst");
        Objects.requireNonNull(fast, "fast");
        Objects.requireNonNull(milp, "milp");
        Objects.requireNonNull(settings, "settings");
        int n = inst.size();
        DispatchResult out = new DispatchResult();

        double checksum = 0;
        long warmStart = System.nanoTime();
        long warmPasses = 0;
        while (System.nanoTime() - warmStart < settings.fastWarmupSeconds() * 1e9) {
            checksum += pass(inst, fast, out);
            warmPasses++;
        }
        // Passes per round so that a round lasts at least fastRoundSeconds, from the warm-up's pace.
        double nsPerPass = (System.nanoTime() - warmStart) / (double) warmPasses;
        long passesPerRound = Math.max(1, (long) Math.ceil(settings.fastRoundSeconds() * 1e9 / nsPerPass));
        double[] roundNs = new double[settings.fastRounds()];
        for (int r = 0; r < roundNs.length; r++) {
            long t0 = System.nanoTime();
            for (long p = 0; p < passesPerRound; p++) {
                checksum += pass(inst, fast, out);
            }
            roundNs[r] = (System.nanoTime() - t0) / (double) (passesPerRound * n);
        }
        Arrays.sort(roundNs);
        double fastNs = roundNs[roundNs.length / 2];
        LOG.info("closed form: {} warm-up passes, {} rounds x {} passes x {} instances, rounds {} ns/solve",
                warmPasses, roundNs.length, passesPerRound, n, Arrays.toString(roundNs));

        for (int i = 0; i < Math.min(settings.milpWarmupSolves(), n); i++) {
            inst.dispatch(milp, i, out);
        }
        double[] milpProfit = new double[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inst.dispatch(milp, i, out);
            milpProfit[i] = out.profit;
        }
        double milpNs = (System.nanoTime() - t0) / (double) n;
        LOG.info("milp: {} solves, {} ns/solve", n, milpNs);

        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            inst.dispatch(fast, i, out);
            maxDiff = Math.max(maxDiff, Math.abs(out.profit - milpProfit[i]));
        }
        return new Result(n, fastNs, milpNs, milpNs / fastNs, passesPerRound * n * roundNs.length, maxDiff, checksum);
    }

    /** One pass over all instances; returns the sum of results so that none can be skipped. */
    private static double pass(DispatchInstances inst, PowerDispatcher d, DispatchResult out) {
        double s = 0;
        for (int i = 0, n = inst.size(); i < n; i++) {
            inst.dispatch(d, i, out);
            s += out.profit + out.batteryEnergyAfter;
        }
        return s;
    }
}
