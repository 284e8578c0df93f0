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
        bench.addSubcommand("dispatch", new BenchDispatchCommand());
        cl.addSubcommand("commit-da", new CommitDaCommand());
        bench.addSubcommand("da-commit", new DaCommitBenchCommand());
        cl.addSubcommand("canonical", new CanonicalCommand());
        bench.addSubcommand("canonical-loop", new CanonicalLoopBench());
        cl.addSubcommand("env-check", new EnvCheckCommand());
        bench.addSubcommand("env", new EnvBenchCommand());
        cl.addSubcommand("train", new TrainCommand());
        cl.addSubcommand("configs", new ConfigsCommand());
        cl.addSubcommand("agents", new AgentsCommand());
        cl.addSubcommand("demo", new DemoCommand());
        cl.addSubcommand("evaluate", new EvaluateCommand());
        cl.addSubcommand("compare", new CompareCommand());
        cl.addSubcommand("best-response", new BestResponseCommand());
        bench.addSubcommand("agents", new AgentsBenchCommand());
        bench.addSubcommand("training", new TrainingBenchCommand());
        cl.addSubcommand("study", new StudyCommand());
        CommandLine study = cl.getSubcommands().get("study");
        study.addSubcommand("tasks", new StudyCommand.Tasks());
        study.addSubcommand("task", new StudyCommand.Task());
        study.addSubcommand("paper", new StudyCommand.Paper());
        study.addSubcommand("report", new StudyCommand.Report());
        study.addSubcommand("status", new StudyCommand.Status());
        study.addSubcommand("summarize", new StudySummarizeCommand());
        study.addSubcommand("continue", new StudyContinueCommand());
    }
}
