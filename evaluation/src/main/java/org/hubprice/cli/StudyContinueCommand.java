package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code study continue NAME --cell C --seed S --episodes E --from STORE --store NEW}: trains a
 * finished study run further, on a copy, so the run at the study's budget (and its summary) stays
 * as it was. The copy resumes from the run's final checkpoint; only the stopping rule and the
 * validation and checkpoint frequencies change. It is evaluated as a study task is, and its summary
 * goes to {@code RESULTS/CELL/seed-S.json} (by default {@code NEW/results/longer}; the repository
 * keeps them in {@code docs/results/longer}, which the page sets beside the runs at the budget).
 * Interrupted, the same command resumes the copy.
 */
@Command(name = "continue", mixinStandardHelpOptions = true, description = {"Train one finished study run further, on a copy in another store, and"
        + " evaluate and summarise it as a study task (the run at the budget is left as it was). Run it again to resume.",
    "  hubprice study continue paper --cell sac-ff_sac-ff --seed 1 --episodes 200000 --from runs/study --store runs/longer"
        + " --results docs/results/longer"})
final class StudyContinueCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The study: paper.")
    String name;

    @Option(names = "--cell", required = true, paramLabel = "CELL", description = "The run's cell, e.g. sac-ff_sac-ff.")
    String cell;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The run's seed.")
    long seed;

    @Option(names = "--episodes", required = true, paramLabel = "E", description = "The new budget: more than the run has trained.")
    long episodes;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The store that holds the finished run (STORE/runs/CELL/seed-S).")
    Path from;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Where the copy trains (another store than --from).")
    Path store;

    @Option(names = "--results", paramLabel = "DIR", description = "Where the summary goes (default: STORE/results/longer).")
    Path results;

    @Option(names = "--replications", defaultValue = "20", paramLabel = "R", description = "Demand draws per held-out day (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--eval-threads", defaultValue = "1", paramLabel = "N", description = "Evaluation worker threads (default ${DEFAULT-VALUE}).")
    int evalThreads;

    @Option(names = "--update-threads", paramLabel = "N", description = "Threads updating the hubs side by side (default: one per core).")
    Integer updateThreads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"paper".equals(name)) {
            throw new IllegalArgumentException("study '" + name + "' is not known; studies: [paper]");
        }
        TrainCommand.checkUpdateThreads(updateThreads);
        if (seed < 1 || seed > 100) {
            throw new IllegalArgumentException("--seed = " + seed + " is not a study seed; allowed: 1..100 (the study numbers its seeds from 1)");
        }
        org.hubprice.evaluation.study.Cell.paper(cell);
        Path source = from.toAbsolutePath().normalize();
        Path target = store.toAbsolutePath().normalize();
        if (source.equals(target)) {
            throw new IllegalArgumentException("--store " + store + " is --from: the run at the budget would be trained further in place. Give"
                    + " another --store for the copy");
        }
        Path run = source.resolve("runs").resolve(cell + "/seed-" + seed);
        if (!Files.isRegularFile(run.resolve(RunLayout.CONFIG_YAML))) {
            throw new IllegalArgumentException("--from " + from + " holds no run " + cell + "/seed-" + seed + " (" + run.resolve(RunLayout.CONFIG_YAML)
                    + " is missing); give the store 'study paper' trained it in");
        }
        // the copy trains on the market the run trained on: a PJM run's files are the plan's
        org.hubprice.env.config.MarketConfig market = org.hubprice.training.config.TrainingConfigs.load(run.resolve(RunLayout.CONFIG_YAML),
                List.of()).env().market();
        boolean pjm = market.source().equals("pjm");
        StudyPlan plan = StudyPlan.paper(List.of(cell), (int) seed, episodes, replications, pjm ? "pjm" : "synthetic", pjm
                ? List.of(market.pjm().dayAheadFile(), market.pjm().realTimeFile()) : List.of());
        StudyPlan.Task task = plan.tasks().get((int) seed - 1);
        Path summary = run.resolve(RunLayout.SUMMARY_JSON);
        if (!Files.isRegularFile(summary)) {
            throw new IllegalArgumentException("--from " + from + " holds no finished run " + task.key() + " (" + summary + " is missing);"
                    + " give the store 'study paper' trained it in");
        }
        JsonNode trained = RunFiles.JSON.readTree(summary.toFile());
        long had = trained.path("episodes").asLong();
        if ("INTERRUPTED".equals(trained.path("stopReason").asText())) {
            throw new IllegalArgumentException(task.key() + " in --from " + from + " was interrupted at " + had + " episodes; finish it with"
                    + " 'study paper' (or 'study task') first");
        }
        if (episodes <= had) {
            throw new IllegalArgumentException("--episodes = " + episodes + " must be more than the " + had + " episodes " + task.key()
                    + " has trained");
        }
        Path copy = target.resolve("runs").resolve(task.key());
        if (!Files.exists(copy)) {
            copyRun(run, copy);
        }
        TrainCommand.setThreads(1);
        Path out = (results != null ? results : target.resolve("results").resolve("longer")).toAbsolutePath().normalize();
        String outcome = StudyTaskRunner.run(plan, task.index(), target, out, false, evalThreads, updateThreads);
        spec.commandLine().getOut().println("study continue: " + task.key() + " from " + had + " to " + episodes + " episodes: " + outcome
                + "; run " + copy + ", summary " + StudyTaskRunner.summaryFile(out, task));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Copies a run's training files (not its evaluations or caches) to {@code copy}, through a
     * temporary sibling renamed at the end, so an interrupted copy never looks like a run.
     */
    static void copyRun(Path run, Path copy) throws java.io.IOException {
        Path tmp = copy.resolveSibling("." + copy.getFileName() + ".copying");
        RunFiles.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        try (Stream<Path> all = Files.walk(run)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = run.relativize(p);
                String top = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                if (top.startsWith("eval") || top.startsWith(".")) {
                    continue;
                }
                Path to = tmp.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
