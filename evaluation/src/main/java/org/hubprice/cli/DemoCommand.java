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
        description = {"The quick tour: computes the day-ahead commitment (cached), trains the 'demo' config (two small DQN hubs,",
            "a few minutes on 2 cores), and prints the training summary and where its outputs are.",
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

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = TrainingConfigs.named("demo", overrides);
        Path dir = out != null ? out : freeDirectory(DEFAULT_OUT);
        if (out == null && !dir.equals(DEFAULT_OUT)) {
            LOG.info("{} is taken; this demo writes to {} (choose with --out)", DEFAULT_OUT, dir);
        }
        org.hubprice.training.Trainer.checkOutputDir(dir, false);
        List<String> argv = new ArrayList<>(List.of("hubprice"));
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        TrainCommand.setThreads(threads);
        TrainingSummary s = TrainCommand.run(c, dir, device, false, quiet, argv);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(TrainCommand.json(s));
            w.flush();
            return 0;
        }
        TrainingReport.print(w, s);
        w.println();
        w.println("Look at " + dir.resolve("learning-curve.png") + " (daily profit and price multiplier per hub as training went on).");
        w.println("Train a paper pairing: hubprice train --config sac-ff_sac-ff --out runs/sac-ff   (list: hubprice configs)");
        w.flush();
        return 0;
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
