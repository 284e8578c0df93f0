package org.hubprice.cli;

import picocli.CommandLine;

/**
 * The list of subcommands, one per line, so that adding a command touches one line here.
 */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        cl.addSubcommand("bench", new BenchCommand());
        CommandLine bench = cl.getSubcommands().get("bench");
        // Each command adds one line below: cl.addSubcommand(...) or bench.addSubcommand(...).
        bench.addSubcommand("agents", new AgentsBenchCommand());
    }
}
