package org.hubprice.cli;

import picocli.CommandLine;

/**
 * The list of subcommands, one per line, so that adding a command touches one line here.
 */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        // (each command adds one line below)
    }
}
