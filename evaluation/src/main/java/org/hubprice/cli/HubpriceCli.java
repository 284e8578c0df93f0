package org.hubprice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hubprice} command line. */
@Command(name = "hubprice", mixinStandardHelpOptions = true, versionProvider = HubpriceCli.Version.class,
        description = "Algorithmic pricing and tacit collusion among EV fast-charging hubs.",
        subcommands = {CommandLine.HelpCommand.class})
public final class HubpriceCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HubpriceCli());
        Commands.register(cl);
        cl.setExecutionExceptionHandler(HubpriceCli::handleFailure);
        cl.setParameterExceptionHandler(HubpriceCli::handleBadArguments);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Bad input found while running (config, files): one clear line, exit 2. */
    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                || e instanceof java.nio.file.NoSuchFileException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return 2;
    }

    /** Prints the project version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hubprice " + org.hubprice.common.Provenance.projectVersion()};
        }
    }
}
