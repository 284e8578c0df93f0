package org.hubprice.training;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.config.TrainingConfig;

/** The settings of {@link Trainer.Builder}: {@code setX} for the required ones, {@code optX} for the rest. */
abstract class TrainerBuilderOptions<B extends TrainerBuilderOptions<B>> {
    TrainingConfig config;
    Path dir;
    String device = "cpu";
    int updateThreads = AUTO;
    boolean resume;
    boolean quiet;
    boolean stopOnSignal;
    Function<TrainingConfig, VectorEnv> envFactory;
    AgentRegistry registry;
    List<String> command = List.of();
    LongConsumer episodeListener;
    Consumer<Path> onStart;
    Map<String, Object> runtime = Map.of();
    PrintStream progressLines;

    /** {@link #optUpdateThreads}: one thread per core, up to one per hub. */
    static final int AUTO = 0;

    abstract B self();

    /** The resolved configuration (required). */
    public B setConfig(TrainingConfig config) {
        this.config = config;
        return self();
    }

    /** The run directory (required). */
    public B setOutputDir(Path dir) {
        this.dir = dir;
        return self();
    }

    /** Runtime settings to record in {@code run.json} (thread counts, ...). */
    public B optRuntime(Map<String, Object> runtime) {
        this.runtime = runtime == null ? Map.of() : new LinkedHashMap<>(runtime);
        return self();
    }

    /** Called with the run directory once it exists, before anything is written into it (the CLI starts copying the log to {@code train.log} here). */
    public B optOnStart(Consumer<Path> onStart) {
        this.onStart = onStart;
        return self();
    }

    /** {@code cpu} (default), {@code gpu}, {@code gpu:N} or {@code auto}; passed to every agent. */
    public B optDevice(String device) {
        this.device = device == null ? "cpu" : device;
        return self();
    }

    /**
     * Threads that update the hubs' agents side by side (default {@code 0}: {@link
     * Trainer#defaultUpdateThreads()}, one per core with one engine thread per operation, at most
     * one per hub). The results do not depend on it; {@code 1} keeps a run on one core, as when
     * several runs share the machine.
     */
    public B optUpdateThreads(int threads) {
        this.updateThreads = checkUpdateThreads(threads);
        return self();
    }

    static int checkUpdateThreads(int threads) {
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("update threads = " + threads + " must be in [1, 1024], or 0 for one per core up to one per hub");
        }
        return threads;
    }

    /** Continue the run in the output directory from its latest checkpoint. */
    public B optResume(boolean resume) {
        this.resume = resume;
        return self();
    }

    /** No progress bar (it is also off when standard input/output is not a terminal). */
    public B optQuiet(boolean quiet) {
        this.quiet = quiet;
        return self();
    }

    /** On SIGINT/SIGTERM, finish the episode and write a checkpoint before the JVM exits (for the CLI). */
    public B optStopOnSignal(boolean stopOnSignal) {
        this.stopOnSignal = stopOnSignal;
        return self();
    }

    /** The environment for a configuration (default: the hub pricing game, {@link Trainer#hubGame}). */
    public B optEnvFactory(Function<TrainingConfig, VectorEnv> envFactory) {
        this.envFactory = envFactory;
        return self();
    }

    /** Where agent names are looked up (default: {@link AgentRegistry#load()}). */
    public B optRegistry(AgentRegistry registry) {
        this.registry = registry;
        return self();
    }

    /** The command line, recorded in {@code run.json}. */
    public B optCommand(List<String> command) {
        this.command = command == null ? List.of() : List.copyOf(command);
        return self();
    }

    /** Called with the number of completed episodes after each episode's metrics are written, before validation and checkpoints. */
    public B optEpisodeListener(LongConsumer listener) {
        this.episodeListener = listener;
        return self();
    }

    /** Where to print machine-readable progress lines ({@code hubprice-progress EPISODES MAX}) for a parent process, or null. */
    public B optProgressLines(PrintStream lines) {
        this.progressLines = lines;
        return self();
    }
}
