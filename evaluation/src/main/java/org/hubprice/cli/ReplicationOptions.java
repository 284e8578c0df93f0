package org.hubprice.cli;

import picocli.CommandLine.Option;

/** How many draws, which seed, how many threads and bootstrap resamples: shared by {@code evaluate} and {@code best-response}. */
final class ReplicationOptions {
    @Option(names = "--replications", defaultValue = "20", paramLabel = "N", description = "Demand draws per day (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--seed", defaultValue = "0", description = "Root seed of the replications and the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core); results do not depend on it.")
    Integer threads;

    @Option(names = "--bootstrap", defaultValue = "10000", paramLabel = "N", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int bootstrap;

    /** The worker threads: as given, else one per core. */
    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
