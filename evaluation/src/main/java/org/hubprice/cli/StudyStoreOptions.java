package org.hubprice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a study's runs and summaries live: {@code --store DIR} (runs, locks, errors) and {@code --results DIR} (summaries). */
final class StudyStoreOptions {
    @Option(names = "--store", defaultValue = "runs/study", paramLabel = "DIR",
            description = "The store: runs, checkpoints, locks, errors (default ${DEFAULT-VALUE}); a shared file system for several machines.")
    Path store;

    @Option(names = "--results", paramLabel = "DIR", description = "The summaries (default: STORE/results; the repository keeps them in docs/results).")
    Path results;

    /** The store, absolute. */
    Path store() {
        return store.toAbsolutePath().normalize();
    }

    /** The summaries' directory, absolute. */
    Path results() {
        return (results != null ? results : store.resolve("results")).toAbsolutePath().normalize();
    }
}
