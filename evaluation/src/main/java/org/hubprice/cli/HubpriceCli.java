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

    /** Every command takes it (inherited); only the error handler reads it. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the full stack trace as well as the one-line message.")
    boolean verbose;

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

    /**
     * Bad input found while running (config, files, a damaged checkpoint): one clear line, exit 2;
     * with {@code --verbose} the stack trace follows. A study task another worker holds: one
     * line, exit {@code TaskLock.HELD_EXIT_CODE}. Anything else is a bug: the trace, exit 1.
     */
    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof org.hubprice.evaluation.study.TaskLock.HeldException held) {
            // another worker runs the task: not bad input, not a bug; 'study paper' counts it as skipped
            err.println("error: " + held.getMessage());
            err.flush();
            return org.hubprice.evaluation.study.TaskLock.HELD_EXIT_CODE;
        }
        Throwable bad = badInput(e);
        if (bad != null) {
            err.println("error: " + bad.getMessage());
            if (verbose(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** The bad-input exception {@code e} is or wraps (a worker thread's failure arrives wrapped), or null. */
    private static Throwable badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException
                    || t instanceof java.nio.file.NoSuchFileException) {
                return t;
            }
            boolean wrapper = t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException
                    || t instanceof java.lang.reflect.InvocationTargetException;
            if (!wrapper) {
                return null;
            }
        }
        return null;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
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
