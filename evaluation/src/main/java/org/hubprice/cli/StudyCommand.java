package org.hubprice.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.evaluation.study.StudyReport;
import org.hubprice.evaluation.study.TaskLock;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.seeds.ChildTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code hubprice study ...}: the paper's study: its tasks, one task, the whole study on this machine, and the results page. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"The paper's study: eight cells (six pairings, no-balking, demand+50), several seeds each, trained and evaluated;",
            "results as small JSON summaries and a page generated from them.", "",
            "  hubprice study paper --store runs/study --results docs/results   # everything, one task per core, resumable",
            "  hubprice study report --results docs/results --out docs           # docs/RESULTS.md and docs/results.html",
            "  hubprice study tasks paper                                        # the task list (JSON lines)",
            "  hubprice study task paper --index 3 --store runs/study            # one task, idempotent",
            "  hubprice study summarize paper --store runs/study                 # finished tasks' summaries again, from their files",
            "  hubprice study continue paper --cell C --seed S --episodes E --from runs/study --store runs/longer   # one run trained further"})
final class StudyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code study tasks NAME}: index, cell, seed and configuration digest of every task. */
    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "Print the study's tasks as JSON lines (index, cell, seed, configuration"
            + " digest).")
    static final class Tasks implements Callable<Integer> {
        @Mixin
        StudyPlanOptions.Named plan = new StudyPlanOptions.Named();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            StudyPlan p = plan.plan();
            PrintWriter w = spec.commandLine().getOut();
            for (StudyPlan.Task t : p.tasks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", t.index());
                m.put("cell", t.cell().id());
                m.put("seed", t.seed());
                m.put("configDigest", sha256(TrainingConfigs.resolve(t.cell().id(), p.trainingOverrides()).withSeed(t.seed()).toYaml()));
                w.println(RunFiles.JSON.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            }
            w.flush();
            return 0;
        }

        private static String sha256(String s) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** {@code study task NAME --index I --store DIR}: one task, idempotent and resumable. */
    @Command(name = "task", mixinStandardHelpOptions = true, description = "Run one task: train (or resume) one seed of one cell, evaluate it with"
            + " best responses, write its summary. A finished task returns at once.")
    static final class Task implements Callable<Integer> {
        @Mixin
        StudyPlanOptions.Named plan = new StudyPlanOptions.Named();

        @Option(names = "--index", required = true, paramLabel = "I", description = "The task (see 'study tasks').")
        int index;

        @Mixin
        StudyStoreOptions where = new StudyStoreOptions();

        @Option(names = "--eval-threads", defaultValue = "1", paramLabel = "N", description = "Evaluation worker threads (default ${DEFAULT-VALUE}).")
        int evalThreads;

        @Option(names = "--update-threads", paramLabel = "N", description = "Threads updating the hubs side by side (default: one per core).")
        Integer updateThreads;

        @Option(names = "--progress-lines", hidden = true, description = "Print 'hubprice-progress EPISODES MAX' lines on standard output.")
        boolean progressLines;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TrainCommand.checkUpdateThreads(updateThreads);
            StudyPlan p = plan.plan();
            TrainCommand.setThreads(1);
            Path r = where.results();
            String outcome = StudyTaskRunner.run(p, index, where.store(), r, progressLines, evalThreads, updateThreads);
            if (!progressLines) {
                spec.commandLine().getOut().println("task " + index + " (" + p.task(index).key() + "): " + outcome + "; summary "
                        + StudyTaskRunner.summaryFile(r, p.task(index)));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** {@code study paper}: every unfinished task on this machine, one per core. */
    @Command(name = "paper", mixinStandardHelpOptions = true, description = "Train and evaluate the paper's study on this machine: tasks side by side"
            + " (one per core), finished ones skipped, unfinished ones resumed; one progress display with the time left.")
    static final class Paper implements Callable<Integer> {
        @Mixin
        StudyPlanOptions o = new StudyPlanOptions();

        @Option(names = "--parallel", paramLabel = "P", description = "Tasks at a time (default: one per core).")
        Integer parallel;

        @Option(names = "--update-threads", paramLabel = "N",
                description = "Threads per task updating its hubs side by side (default: the cores per task, at least 1).")
        Integer updateThreads;

        @Mixin
        StudyStoreOptions where = new StudyStoreOptions();

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            o.name = "paper";
            StudyPlan plan = o.plan();
            int p = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
            if (p < 1) {
                throw new IllegalArgumentException("--parallel = " + p + " must be >= 1");
            }
            TrainCommand.checkUpdateThreads(updateThreads);
            Path s = where.store();
            Path r = where.results();
            Files.createDirectories(s.resolve("logs"));
            List<StudyPlan.Task> tasks = plan.tasks();
            // a task another worker holds exits with HELD_EXIT_CODE: skipped here, not failed
            ChildTasks children = new ChildTasks(p, tasks.size(), plan.episodes(), quiet, "tasks", java.util.Set.of(TaskLock.HELD_EXIT_CODE));
            List<ChildTasks.Job> jobs = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            List<StudyPlan.Task> pending = new ArrayList<>();
            for (StudyPlan.Task t : tasks) {
                if (Files.isRegularFile(StudyTaskRunner.summaryFile(r, t))) {
                    children.alreadyDone(t.index());
                } else {
                    pending.add(t);
                }
            }
            pending = plan.runOrder(pending, t -> StudyStatus.episodes(s.resolve("runs").resolve(t.key())));
            int atATime = Math.min(p, Math.max(1, pending.size()));
            // each task updates its hubs on the cores the tasks at a time leave it ('study task' runs one engine thread per operation)
            int lanes = TrainCommand.childUpdateThreads(updateThreads, atATime, 1);
            // the evaluation after training uses the task's share of the cores too (its results do not depend on the thread count)
            int evalThreads = TrainCommand.childUpdateThreads(null, atATime, 1);
            for (StudyPlan.Task t : pending) {
                List<String> args = new ArrayList<>(List.of("study", "task"));
                args.addAll(o.args());
                args.addAll(List.of("--index", Integer.toString(t.index()), "--store", s.toString(), "--results", r.toString(), "--progress-lines",
                        "--update-threads", Integer.toString(lanes), "--eval-threads", Integer.toString(evalThreads)));
                Path log = logFile(s, t);
                jobs.add(new ChildTasks.Job("task " + t.index() + " (" + t.key() + ")", () -> new ProcessBuilder(ChildJvm.command(args))
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start()));
                slots.add(t.index());
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("study paper: " + tasks.size() + " tasks, " + jobs.size() + " to run, " + atATime + " at a time, each updating its hubs on "
                    + lanes + (lanes == 1 ? " thread" : " threads") + " and evaluating on " + evalThreads + "; order: " + pending.stream().map(t -> Integer.toString(t.index()))
                    .collect(java.util.stream.Collectors.joining(" ")) + " (started ones first, then every cell's first seed, then the second"
                    + " ones, ...); runs in " + s + ", summaries in " + r + ", logs in " + s.resolve("logs"));
            w.flush();
            List<ChildTasks.Result> outcome = children.run(jobs, slots.stream().mapToInt(Integer::intValue).toArray());
            int failed = 0;
            for (int k = 0; k < outcome.size(); k++) {
                if (outcome.get(k).status() == ChildTasks.Status.FAILED) {
                    failed++;
                    System.err.println("error: " + outcome.get(k).message() + "; its log: " + logFile(s, pending.get(k)));
                }
            }
            List<String> skipped = ChildTasks.labels(jobs, outcome, ChildTasks.Status.SKIPPED);
            List<String> stopped = ChildTasks.labels(jobs, outcome, ChildTasks.Status.STOPPED);
            w.println("study paper: " + (jobs.size() - failed - skipped.size() - stopped.size()) + " of " + jobs.size() + " tasks finished"
                    + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped (another worker runs them: " + String.join(", ", skipped) + ")")
                    + (stopped.isEmpty() ? "" : ", " + stopped.size() + " stopped or not started (run the command again to resume them from their"
                    + " checkpoints)") + (failed > 0 ? ", " + failed + " failed (see the errors above; running again retries them)" : "")
                    + ". The page: hubprice study report --results " + r);
            w.flush();
            // stopped tasks are not finished: a script must not read the study as complete
            return failed == 0 && stopped.isEmpty() ? 0 : 1;
        }
    }

    /** Where a task's child JVM writes its log. */
    static Path logFile(Path store, StudyPlan.Task t) {
        return store.resolve("logs").resolve(t.key().replace('/', '_') + ".log");
    }

    /**
     * {@code study status NAME --store DIR}: done, running (with the heartbeat's age), stale, failed
     * (with the last error), trained (no summary yet), interrupted, waiting.
     */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where every task of the study stands in a store: done, running (owner,"
            + " heartbeat age), stale (a lock without a heartbeat: the next worker takes it over), failed (last error), trained (its budget, but no summary in --results), interrupted (episodes so far) or"
            + " not started.")
    static final class Status implements Callable<Integer> {
        @Mixin
        StudyPlanOptions.Named plan = new StudyPlanOptions.Named();

        @Mixin
        StudyStoreOptions where = new StudyStoreOptions();

        @Option(names = "--json", description = "One JSON object per task, one per line.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            StudyPlan p = plan.plan();
            Path r = where.results();
            Path store = where.store();
            PrintWriter w = spec.commandLine().getOut();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (StudyPlan.Task t : p.tasks()) {
                Map<String, Object> m = StudyStatus.of(p, t, store, r);
                counts.merge((String) m.get("status"), 1, Integer::sum);
                if (json) {
                    w.println(RunFiles.JSON.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                } else {
                    w.printf(java.util.Locale.ROOT, "%3d  %-26s %-12s %s%n", t.index(), t.key(), m.get("status"), m.getOrDefault("detail", ""));
                }
            }
            if (!json) {
                w.println("in all: " + counts);
            }
            w.flush();
            return 0;
        }
    }

    /** {@code study report}: the results page from the summaries, regenerated bit for bit. */
    @Command(name = "report", mixinStandardHelpOptions = true, description = "Write RESULTS.md and results.html from the summaries.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--results", paramLabel = "DIR", description = "The summaries (default docs/results, or STORE/results with --store).")
        Path results;

        @Option(names = "--store", paramLabel = "DIR", description = "A study store: aggregate whatever has finished in STORE/results.")
        Path store;

        @Option(names = "--out", defaultValue = "docs", paramLabel = "DIR", description = "Where RESULTS.md and results.html go (default"
                + " ${DEFAULT-VALUE}).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (results != null && store != null) {
                throw new IllegalArgumentException("give --results or --store, not both (--store DIR reads DIR/results)");
            }
            Path in = results != null ? results : store != null ? store.resolve("results") : Path.of("docs", "results");
            StudyReport report = StudyReport.read(in);
            List<Path> written = report.write(out);
            spec.commandLine().getOut().println("study report: " + report.runs() + " runs in " + report.cells() + " cells; wrote " + written);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
