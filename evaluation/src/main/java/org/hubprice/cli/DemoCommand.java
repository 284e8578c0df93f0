package org.hubprice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hubprice.training.TrainingSummary;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hubprice demo}: the quick tour. Computes the DA commitment (cached), trains the
 * {@code demo} config and prints where to look. When {@code runs/demo} already holds
 * something, the demo writes to the first free {@code runs/demo-2}, {@code runs/demo-3}, ...
 * instead of refusing (an explicit {@code --out} that is taken is refused, as by {@code train}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The quick tour: computes the day-ahead commitment (cached), trains the 'demo' config (two small SAC hubs,",
            "a few minutes on 2 cores), evaluates them on the held-out days, and prints where the outputs are.",
            "Writes to runs/demo, or to runs/demo-2, runs/demo-3, ... when that is taken (choose with --out)."})
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    static final Path DEFAULT_OUT = Path.of("runs", "demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/demo, or the first free runs/demo-N).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting of the demo config (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "auto|cpu|gpu", description = "Where networks run (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "PyTorch threads per operation (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print the run summary as one JSON object on standard output.")
    boolean json;

    @Option(names = "--replications", defaultValue = "5", paramLabel = "N",
            description = "Demand draws per held-out day in the evaluation after training (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--no-eval", description = "Skip the held-out evaluation after training.")
    boolean noEval;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = TrainingConfigs.named("demo", overrides);
        Path dir = out != null ? out : freeDirectory(DEFAULT_OUT);
        if (out == null && !dir.equals(DEFAULT_OUT)) {
            LOG.info("{} is taken; this demo writes to {} (choose with --out)", DEFAULT_OUT, dir);
        }
        org.hubprice.training.run.RunLayout.checkOutputDir(dir, false);
        List<String> argv = new ArrayList<>(List.of("hubprice"));
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        TrainCommand.setThreads(threads);
        TrainingSummary s = TrainCommand.run(c, dir, device, false, quiet, argv);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            int rc = noEval ? 0 : evaluate(dir, new PrintWriter(java.io.Writer.nullWriter()));
            w.println(TrainCommand.json(s));
            w.flush();
            return rc;
        }
        TrainingReport.print(w, s);
        w.println();
        int rc = noEval ? 0 : evaluate(dir, w);
        if (!noEval) {
            w.println();
            w.println("Held-out evaluation: " + dir.resolve("eval").resolve("report.html") + " (summary.json, days.csv, hours.csv beside it).");
        }
        w.println("Look at " + dir.resolve("learning-curve.png") + " (daily profit and price multiplier per hub as training went on).");
        w.println("Train a paper pairing: hubprice train --config sac-ff_sac-ff --out runs/sac-ff   (list: hubprice configs)");
        w.flush();
        return rc;
    }

    /**
     * Evaluates the run's final checkpoints on the held-out days through the {@code evaluate}
     * command itself, so the demo and a user's own evaluation write the same files.
     */
    private int evaluate(Path dir, PrintWriter w) {
        LOG.info("evaluating the trained hubs on the held-out days ({} replications per day)", replications);
        CommandLine ev = new CommandLine(new EvaluateCommand());
        ev.setOut(w);
        ev.setErr(spec.commandLine().getErr());
        ev.setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler());
        int rc = ev.execute("--run", dir.toString(), "--replications", Integer.toString(replications), "--device", device);
        w.flush();
        if (rc != 0) {
            LOG.error("the held-out evaluation failed (exit code {}); the trained run in {} is intact", rc, dir);
        }
        return rc;
    }

    /** {@code base} when free (absent or empty), else the first free {@code base-2}, {@code base-3}, ... */
    static Path freeDirectory(Path base) throws java.io.IOException {
        if (!TrainCommand.nonEmpty(base)) {
            return base;
        }
        for (int k = 2; ; k++) {
            Path p = base.resolveSibling(base.getFileName() + "-" + k);
            if (!TrainCommand.nonEmpty(p)) {
                return p;
            }
        }
    }
}
