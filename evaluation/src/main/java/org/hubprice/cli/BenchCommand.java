package org.hubprice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hubprice bench ...}: benchmarks that report ratios measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that measure competing implementations in one run and print their ratios.")
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
