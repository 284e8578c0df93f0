package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.evaluation.study.TaskLock;
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

    @Option(names = "--replications", paramLabel = "R", description = "Demand draws per held-out day (default: as many as the run's own"
            + " evaluation drew, else 20).")
    Integer replications;

    @Option(names = "--eval-threads", paramLabel = "N", description = "Evaluation worker threads (default: one per core).")
    Integer evalThreads;

    @Option(names = "--update-threads", paramLabel = "N", description = "Threads updating the hubs side by side (default: one per core).")
    Integer updateThreads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"paper".equals(name)) {
            throw new IllegalArgumentException("study '" + name + "' is not known; studies: [paper]");
        }
        try {
            org.hubprice.evaluation.study.Cell.paper(cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cell: " + e.getMessage(), e);
        }
        TrainCommand.checkUpdateThreads(updateThreads);
        int threads = evalThreads != null ? evalThreads : TrainCommand.childUpdateThreads(null, 1, 1);
        org.hubprice.common.Check.inRange("--eval-threads", threads, 1, 1024);
        if (seed < 1 || seed > 100) {
            throw new IllegalArgumentException("--seed = " + seed + " is not a study seed; allowed: 1..100 (the study numbers its seeds from 1)");
        }
        Path source = from.toAbsolutePath().normalize();
        Path target = store.toAbsolutePath().normalize();
        String key = cell + "/seed-" + seed;
        if (source.equals(target)) {
            throw sameStore();
        }
        Path run = source.resolve("runs").resolve(key);
        if (!Files.isRegularFile(run.resolve(RunLayout.CONFIG_YAML))) {
            throw new IllegalArgumentException("--from " + from + " holds no run " + key + " (" + run.resolve(RunLayout.CONFIG_YAML)
                    + " is missing); give the store 'study paper' trained it in");
        }
        Path copy = target.resolve("runs").resolve(key);
        if ((Files.exists(copy) && Files.isSameFile(copy, run)) || (Files.exists(target) && Files.isSameFile(target, source))) {
            throw sameStore();
        }
        JsonNode trained = finishedRun(run, key);
        long had = trained.path("episodes").asLong();
        if (episodes <= had) {
            throw new IllegalArgumentException("--episodes = " + episodes + " must be more than the " + had + " episodes " + key + " has trained");
        }
        String digest = org.hubprice.agents.checkpoint.CheckpointDigests.sha256(run.resolve(RunLayout.CONFIG_YAML));
        // the copy trains on the market the run trained on: a PJM run's files are the plan's
        org.hubprice.env.config.MarketConfig market = org.hubprice.training.config.TrainingConfigs.load(run.resolve(RunLayout.CONFIG_YAML),
                List.of()).env().market();
        boolean pjm = market.source().equals("pjm");
        int draws = replications != null ? replications : ownReplications(run);
        StudyPlan plan = StudyPlan.paper(List.of(cell), (int) seed, episodes, draws, pjm ? "pjm" : "synthetic", pjm
                ? List.of(market.pjm().dayAheadFile(), market.pjm().realTimeFile()) : List.of());
        StudyPlan.Task task = plan.tasks().get((int) seed - 1);
        Path out = (results != null ? results : target.resolve("results").resolve("longer")).toAbsolutePath().normalize();
        checkNoOtherSummary(StudyTaskRunner.summaryFile(out, task), digest, episodes);
        try (TaskLock lock = TaskLock.acquire(target, task.key(), TaskLock.self())) {
            if (Files.exists(copy)) {
                checkOwnCopy(copy, run, digest, episodes);
            } else {
                copyRun(run, copy, java.util.Map.of("from", run.toString(), "configDigest", digest, "episodes", had));
            }
        }
        TrainCommand.setThreads(1);
        String outcome = StudyTaskRunner.run(plan, task.index(), target, out, false, threads, updateThreads);
        spec.commandLine().getOut().println("study continue: " + key + " from " + had + " to " + episodes + " episodes: " + outcome + "; run "
                + copy + ", summary " + StudyTaskRunner.summaryFile(out, task));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private IllegalArgumentException sameStore() {
        return new IllegalArgumentException("--store " + store + " is --from " + from + " (or the same directory through a link): the run at the"
                + " budget would be trained further in place. Give another --store for the copy");
    }

    /** The file in a copy that names the run it was copied from. */
    static final String ORIGIN = "continued-from.json";

    /** The run's summary, when it finished its budget with a final checkpoint (a run stopped otherwise would stop again at once). */
    private static JsonNode finishedRun(Path run, String key) throws java.io.IOException {
        Path summary = run.resolve(RunLayout.SUMMARY_JSON);
        if (!Files.isRegularFile(summary)) {
            throw new IllegalArgumentException("--from: " + key + " has not finished (" + summary + " is missing); finish it with 'study paper'"
                    + " first");
        }
        JsonNode trained = RunFiles.JSON.readTree(summary.toFile());
        String reason = trained.path("stopReason").asText();
        if (!reason.equals("MAX_EPISODES")) {
            throw new IllegalArgumentException("--from: " + key + " stopped for " + reason + " at " + trained.path("episodes").asLong() + " episodes,"
                    + " not at its budget (MAX_EPISODES); only a run that trained its whole budget can be continued");
        }
        Path last = new RunLayout(run).latestCheckpoint();
        if (last == null) {
            throw new IllegalArgumentException("--from: " + key + " has no checkpoint to resume from (" + run.resolve("checkpoints") + ")");
        }
        return trained;
    }

    /** The draws per day of the run's own evaluation, so that the continued run is evaluated the same way (20 without one). */
    private static int ownReplications(Path run) throws java.io.IOException {
        Path eval = run.resolve("eval").resolve("summary.json");
        return Files.isRegularFile(eval) ? RunFiles.JSON.readTree(eval.toFile()).path("replications").asInt(20) : 20;
    }

    /** Refuses a summary in the results of another budget or configuration: it would be taken for this run's and nothing trained. */
    private static void checkNoOtherSummary(Path summary, String digest, long episodes) throws java.io.IOException {
        if (!Files.isRegularFile(summary)) {
            return;
        }
        JsonNode s = RunFiles.JSON.readTree(summary.toFile());
        if (s.path("budgetEpisodes").asLong() != episodes || !s.path("configDigest").asText().equals(digest)) {
            throw new IllegalArgumentException("--results already holds " + summary + " (" + s.path("budgetEpisodes").asLong() + " episodes"
                    + (s.path("configDigest").asText().equals(digest) ? "" : ", another configuration") + "); give the continued runs' own"
                    + " --results (e.g. docs/results/longer), or continue to " + s.path("budgetEpisodes").asLong() + " episodes");
        }
    }

    /** Refuses an existing copy that another run made, or one already past {@code episodes}. */
    private static void checkOwnCopy(Path copy, Path run, String digest, long episodes) throws java.io.IOException {
        Path origin = copy.resolve(ORIGIN);
        JsonNode o = Files.isRegularFile(origin) ? RunFiles.JSON.readTree(origin.toFile()) : null;
        if (o == null || !o.path("from").asText().equals(run.toString()) || !o.path("configDigest").asText().equals(digest)) {
            throw new IllegalArgumentException("--store: " + copy + " exists but is not a copy of " + run + (o == null ? " (no " + ORIGIN + ")"
                    : " (it came from " + o.path("from").asText() + ")") + "; give another --store");
        }
        Path last = new RunLayout(copy).latestCheckpoint();
        if (last == null) {
            throw new IllegalArgumentException("--store: " + copy + " has lost its checkpoints; delete it and run the command again to copy the"
                    + " run afresh");
        }
        long at = RunFiles.JSON.readTree(last.resolve(RunLayout.TRAINER_STATE).toFile()).path("episodes").asLong();
        if (at > episodes) {
            throw new IllegalArgumentException("--episodes = " + episodes + " is fewer than the " + at + " episodes the copy " + copy
                    + " has trained already; give at least " + at);
        }
    }

    /**
     * Copies a run's training files (not its evaluations or caches) to {@code copy} with
     * {@code origin} as {@link #ORIGIN}, through a temporary sibling renamed at the end, so an
     * interrupted copy never looks like a run.
     */
    static void copyRun(Path run, Path copy, java.util.Map<String, Object> origin) throws java.io.IOException {
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
                if (Files.isSymbolicLink(p)) {
                    throw new IllegalArgumentException("--from: " + p + " is a symbolic link; copy the run by hand (links are not followed, so"
                            + " the copy could miss what they point to)");
                }
                Path to = tmp.resolve(rel.toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        RunFiles.writeJson(tmp.resolve(ORIGIN), origin);
        Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
