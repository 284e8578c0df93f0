package org.hubprice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The study's tasks for other runners (a Spark job, a scheduler's worker): {@link #run} is
 * {@code hubprice study task ARGS...} in this JVM, failing with its error message, so every
 * runner executes exactly what the command line does.
 */
public final class StudyTasks {
    private StudyTasks() {}

    /**
     * Runs {@code hubprice study task ARGS...} here.
     *
     * @throws IllegalStateException with the command's error output when it fails
     */
    public static void run(List<String> args) {
        List<String> all = new ArrayList<>(List.of("study", "task"));
        all.addAll(args);
        inProcess(all);
    }

    /**
     * Runs {@code hubprice ARGS...} in this JVM, its standard output discarded.
     *
     * @throws IllegalStateException with the command's error output when it fails
     */
    static void inProcess(List<String> all) {
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = HubpriceCli.commandLine();
        cl.setOut(new PrintWriter(java.io.Writer.nullWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(all.toArray(new String[0]));
        if (code != 0) {
            // the command's own "error: " prefix would nest inside this message
            throw new IllegalStateException("hubprice " + String.join(" ", all) + " failed (exit " + code + "): "
                    + err.toString().trim().replaceFirst("^error: ", ""));
        }
    }

    /** The indices of the tasks of the study given by {@code planArgs} (the options of {@code study tasks}). */
    public static List<Integer> indices(List<String> planArgs) {
        StudyPlanOptions.Named o = new StudyPlanOptions.Named();
        new picocli.CommandLine(o).parseArgs(planArgs.toArray(new String[0]));
        List<Integer> out = new ArrayList<>();
        o.plan().tasks().forEach(t -> out.add(t.index()));
        return out;
    }
}
