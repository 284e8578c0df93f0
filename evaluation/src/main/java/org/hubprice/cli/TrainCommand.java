package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.common.Check;
import org.hubprice.training.Trainer;
import org.hubprice.training.TrainingSummary;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code hubprice train}: trains one agent per hub on a named or file configuration. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains one agent per hub. Writes to --out DIR: run.json (configuration, seeds, provenance), config.yaml,",
            "metrics.csv (per episode), validation.csv, learning-curve.png, train.log, run-summary.json and checkpoints/",
            "(last: periodic; final; best: highest validation profit). Ctrl-C stops after the episode with a checkpoint;",
            "--resume continues a stopped run (same final parameters as a run never stopped, same seed, CPU).",
            "Named configs: see 'hubprice configs'; agent names: see 'hubprice agents'."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME|FILE", description = "A named config (hubprice configs) or a YAML file. Required unless --resume.")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting (repeatable): stopping.maxEpisodes=500, agents[1].agent=dqn, agents[*].params.hidden=[64,64],"
                    + " env.demand.demandMultiplier=1.5.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory: new (or empty), or an existing run with --resume.")
    Path out;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where networks run (default ${DEFAULT-VALUE}: the GPU when PyTorch sees one). Exact resume is guaranteed on the CPU.")
    String device;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed (overrides the config's 'seed').")
    Long seed;

    @Option(names = "--resume", description = "Continue the run in --out from its latest checkpoint.")
    boolean resume;

    @Option(names = "--quiet", description = "No progress bar (it is also off when the output is not a terminal).")
    boolean quiet;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "PyTorch threads per operation (default ${DEFAULT-VALUE}: fastest for these small networks, robust on a busy machine,"
                    + " and reproducible; a resumed run must use the same N for identical results).")
    int threads;

    @Option(names = "--update-threads", paramLabel = "N",
            description = "Threads updating the hubs' agents side by side (default: one per core, at most one per hub; with --seeds, the"
                    + " cores per member). Results do not depend on it.")
    Integer updateThreads;

    @Option(names = "--json", description = "Print the run summary as one JSON object on standard output.")
    boolean json;

    @Option(names = "--seeds", paramLabel = "A..B|A,B,...",
            description = "Train one member per seed (e.g. 1..8) into --out DIR/seed-N, side by side; DIR/seeds.json gives the across-seed"
                    + " interquartile mean and bootstrap interval of the validation collusion index and profit, DIR/seeds-curve.png every"
                    + " seed's curve with the band. With --resume: finish the unfinished members.")
    String seeds;

    @Option(names = "--parallel", paramLabel = "P",
            description = "With --seeds: members trained at a time (default: one per core, each with --threads engine threads).")
    Integer parallel;

    @Option(names = "--progress-lines", hidden = true, description = "Print 'hubprice-progress EPISODES MAX' lines on standard output (for --seeds).")
    boolean progressLines;

    @Override
    public Integer call() throws Exception {
        String d = device.trim().toLowerCase(Locale.ROOT);
        if (!(d.equals("auto") || d.equals("cpu") || d.equals("gpu") || d.matches("gpu:\\d+"))) {
            throw new IllegalArgumentException("--device = '" + device + "' is not known; allowed: auto, cpu, gpu, gpu:N");
        }
        checkUpdateThreads(updateThreads);
        if (parallel != null && seeds == null) {
            throw new IllegalArgumentException("--parallel needs --seeds (it sets how many members train at a time). Maybe add --seeds 1..N,"
                    + " or drop --parallel");
        }
        List<String> argv = new ArrayList<>(List.of("hubprice"));
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        if (seeds != null || (resume && Files.isRegularFile(out.resolve(TrainSeeds.RECORD)))) {
            if (seed != null) {
                throw new IllegalArgumentException("--seed " + seed + " and --seeds both given; --seeds names every member's seed. Maybe drop --seed");
            }
            setThreads(threads);
            return TrainSeeds.run(seeds, config, overrides, out, resume, parallel, threads, updateThreads, d, quiet, json, spec.commandLine().getOut(),
                    argv);
        }
        TrainingConfig c;
        if (resume) {
            c = org.hubprice.training.run.ResumePolicy.resumeConfig(out, config, overrides, seed);
        } else {
            if (config == null) {
                throw new IllegalArgumentException("--config is missing; give a named config " + TrainingConfigs.NAMES
                        + " or a YAML file (or --resume to continue the run in --out)");
            }
            c = TrainingConfigs.resolve(config, overrides);
            if (seed != null) {
                c = c.withSeed(seed);
            }
            org.hubprice.training.run.RunLayout.checkOutputDir(out, false);
        }
        setThreads(threads);
        TrainingSummary s = run(c, out, d, resume, quiet, argv, progressLines, null, updateThreads);
        if (json) {
            spec.commandLine().getOut().println(json(s));
            spec.commandLine().getOut().flush();
        } else {
            TrainingReport.print(spec.commandLine().getOut(), s);
        }
        return 0;
    }

    /**
     * Sets PyTorch's intra-op and inter-op thread counts, read by DJL when the engine starts
     * (so this must run before any network is built; a value already given with
     * {@code -Dai.djl.pytorch.num_threads} wins). On 2 shared cores, 1 thread made updates of
     * these small networks 10 to 50 times faster than 2 (threads spin-waiting for a busy core).
     */
    static void setThreads(int threads) {
        Check.inRange("--threads", threads, 1, 1024);
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /** Runs a trainer with the run's log copied to DIR/train.log and Ctrl-C handled. */
    static TrainingSummary run(TrainingConfig c, Path out, String device, boolean resume, boolean quiet, List<String> argv) throws Exception {
        return run(c, out, device, resume, quiet, argv, false);
    }

    static TrainingSummary run(TrainingConfig c, Path out, String device, boolean resume, boolean quiet, List<String> argv, boolean progressLines)
            throws Exception {
        return run(c, out, device, resume, quiet, argv, progressLines, null, null);
    }

    /** Refuses an {@code --update-threads} value outside [1, 1024] (null: not given) before anything starts. */
    static void checkUpdateThreads(Integer given) {
        if (given != null) {
            Check.inRange("--update-threads", given, 1, 1024, "Maybe leave it out: one per core, at most one per hub");
        }
    }

    /**
     * The {@code --update-threads} of runs started in child processes, {@code sharing} at a time
     * with {@code engineThreads} engine threads per operation: {@code given}, or the cores each
     * such run has.
     */
    static int childUpdateThreads(Integer given, int sharing, int engineThreads) {
        checkUpdateThreads(given);
        return given != null ? given : Trainer.defaultUpdateThreads(sharing, engineThreads);
    }

    /**
     * As above, with {@code listener} called with the episode count after each episode (null:
     * none) and the hubs updated on {@code updateThreads} threads (null: the trainer's default,
     * one per core with one engine thread per operation).
     */
    static TrainingSummary run(TrainingConfig c, Path out, String device, boolean resume, boolean quiet, List<String> argv, boolean progressLines,
                               java.util.function.LongConsumer listener, Integer updateThreads) throws Exception {
        Path dir = out.toAbsolutePath().normalize();
        RunLog[] log = new RunLog[1];
        try {
            Map<String, Object> runtime = new LinkedHashMap<>();
            runtime.put("pytorchThreads", System.getProperty("ai.djl.pytorch.num_threads"));
            runtime.put("pytorchInteropThreads", System.getProperty("ai.djl.pytorch.num_interop_threads"));
            Trainer.Builder builder = Trainer.builder().optRuntime(runtime).setConfig(c).setOutputDir(dir).optDevice(device).optResume(resume)
                    .optQuiet(quiet).optStopOnSignal(true).optCommand(argv).optProgressLines(progressLines ? System.out : null)
                    .optEpisodeListener(listener).optOnStart(p -> log[0] = RunLog.attach(p.resolve("train.log")));
            if (updateThreads != null) {
                builder.optUpdateThreads(updateThreads);
            }
            Trainer trainer = builder.build();
            if (progressLines) {
                stopWhenParentGoes(trainer);
            }
            return trainer.run();
        } finally {
            if (log[0] != null) {
                log[0].close();
            }
        }
    }

    /**
     * A child training process (one that reports progress lines to a parent) stops after its
     * episode, with a checkpoint, when its standard input closes: the parent that holds the other
     * end has died, and an orphan must not go on writing into a run the next attempt resumes.
     */
    private static void stopWhenParentGoes(org.hubprice.training.Trainer trainer) {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; only the end of the stream matters
                }
            } catch (java.io.IOException e) {
                // a broken pipe also means the parent is gone
            }
            trainer.requestStop();
        }, "hubprice-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    static String json(TrainingSummary s) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outputDir", s.outputDir().toString());
        m.put("stopReason", s.stopReason().name());
        m.putAll(s.details());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }

    /** Whether {@code dir} exists and has anything in it. */
    static boolean nonEmpty(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
