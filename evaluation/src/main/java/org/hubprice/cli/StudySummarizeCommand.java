package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.evaluation.study.RunSummary;
import org.hubprice.evaluation.study.StudyPlan;
import org.hubprice.evaluation.study.TaskLock;
import org.hubprice.training.output.RunFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code study summarize NAME --store DIR [--results DIR]}: writes the summaries of finished
 * tasks again from their runs' training and evaluation files, so that a summary written before
 * the summary gained a field gets it without training or evaluating again. A task is left alone
 * when it has no summary yet, its store has no evaluation, its lock is held (it is running), the
 * store's run has another configuration than the one its summary describes, or writing it again
 * would change a value it already holds (another plan's options, another store): it only adds.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, description = {"Write the summaries of finished tasks again from their runs'"
        + " files in the store, without training or evaluating again (for summaries written before a field was added).",
    "Leaves alone tasks without a summary or evaluation, running tasks, and summaries of another configuration than the store's run."})
final class StudySummarizeCommand implements Callable<Integer> {
    @Mixin
    StudyPlanOptions.Named plan = new StudyPlanOptions.Named();

    @Mixin
    StudyStoreOptions where = new StudyStoreOptions();

    @CommandLine.Option(names = "--node-days", paramLabel = "DA.csv,RT.csv", description = {"Also play every finished run on these PJM"
            + " files' prices for its held-out dates (evaluate --days test:DA.csv,RT.csv into the run's " + RunSummary.NODE_DAYS_DIR
            + ", once) and add the result to its summary: with the pnode 48592 exports, this scores policies trained on the synthetic"
            + " year on the node's own days."})
    String nodeDays;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StudyPlan p = plan.plan();
        Path store = where.store();
        Path results = where.results();
        if (nodeDays != null) {
            if (p.market().equals("pjm")) {
                throw new IllegalArgumentException("--node-days scores runs trained on the synthetic year on the node's own days, but this study"
                        + " trains on PJM data already (--market pjm); leave --node-days out");
            }
            String[] f = nodeDays.split(",", -1);
            if (f.length != 2 || !Files.isRegularFile(Path.of(f[0].trim())) || !Files.isRegularFile(Path.of(f[1].trim()))) {
                throw new IllegalArgumentException("--node-days = '" + nodeDays + "' must name two readable files, DA.csv,RT.csv (PJM Data Miner"
                        + " exports; working directory " + Path.of("").toAbsolutePath() + ")");
            }
        }
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException("--results " + results + " is not a directory, so there is no summary to write again; give the"
                    + " summaries' directory (the repository's are in docs/results) and the --store that made them");
        }
        if (!Files.isDirectory(store.resolve("runs"))) {
            throw new IllegalArgumentException("--store " + store + " holds no runs (no " + store.resolve("runs") + "); give the store that"
                    + " 'study paper' trained in");
        }
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StudyPlan.Task t : p.tasks()) {
            String outcome;
            try {
                outcome = summarize(p, t, store, results, nodeDays);
            } catch (java.io.IOException | RuntimeException e) {
                // one damaged run must not keep the others from being summarised
                outcome = "failed: " + e.getMessage();
            }
            String kind = outcome.substring(0, outcome.indexOf(':'));
            counts.merge(kind, 1, Integer::sum);
            w.printf(Locale.ROOT, "%3d  %-26s %s%n", t.index(), t.key(), outcome);
        }
        w.println("in all: " + counts);
        w.flush();
        return 0;
    }

    /** What happened to one task's summary: {@code rewritten: ...}, {@code unchanged: ...} or {@code skipped: why}. */
    static String summarize(StudyPlan p, StudyPlan.Task t, Path store, Path results, String nodeDays) throws Exception {
        Path summary = StudyTaskRunner.summaryFile(results, t);
        Path runDir = store.resolve("runs").resolve(t.key()).toAbsolutePath().normalize();
        Path evalDir = runDir.resolve("eval");
        if (!Files.isRegularFile(summary)) {
            return "skipped: no summary yet (the task has not finished)";
        }
        if (!Files.isRegularFile(evalDir.resolve("summary.json"))) {
            return "skipped: the store has no evaluation of this run (" + evalDir.resolve("summary.json") + " is missing)";
        }
        try (TaskLock lock = TaskLock.acquire(store, t.key(), TaskLock.self())) {
            JsonNode old = RunFiles.JSON.readTree(summary.toFile());
            String digest = org.hubprice.agents.checkpoint.CheckpointDigests.sha256(runDir.resolve(
                    org.hubprice.training.run.RunLayout.CONFIG_YAML));
            if (!old.path("configDigest").asText().equals(digest)) {
                return "skipped: " + summary + " describes configuration " + old.path("configDigest").asText() + " but the store's run "
                        + runDir + " has " + digest + "; give the store that made the summary";
            }
            if (nodeDays != null) {
                evaluateOnNodeDays(runDir, evalDir, nodeDays);
            }
            Map<String, Object> fresh = RunSummary.build(p, t, runDir, evalDir);
            // through text, as the file holds it: a tree made from the map types its numbers differently (long against int)
            JsonNode now = RunFiles.JSON.readTree(RunFiles.JSON.writeValueAsString(fresh));
            java.util.List<String> changed = new java.util.ArrayList<>();
            changedValues(old, now, "", changed);
            if (!changed.isEmpty()) {
                return "skipped: writing " + summary + " again would change " + changed.subList(0, Math.min(5, changed.size()))
                        + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "") + "; summarize only adds fields. Give the"
                        + " plan options (--episodes, --market, --replications, ...) and the store that made it"
                        + (changed.stream().anyMatch(k -> k.startsWith("heldOutNodeDays")) ? ", and --node-days with the files of the run's "
                        + RunSummary.NODE_DAYS_DIR : "");
            }
            if (old.equals(now)) {
                return "unchanged: " + summary;
            }
            RunFiles.writeJson(summary, fresh);
            return "rewritten: " + summary;
        } catch (TaskLock.HeldException e) {
            return "skipped: running (" + e.getMessage() + ")";
        }
    }

    /**
     * Plays the run on the node's days into its {@link RunSummary#NODE_DAYS_DIR}, unless that holds
     * an evaluation of these files with the draws of the run's own evaluation already.
     */
    private static void evaluateOnNodeDays(Path runDir, Path evalDir, String nodeDays) throws Exception {
        Path node = runDir.resolve(RunSummary.NODE_DAYS_DIR);
        JsonNode own = RunFiles.JSON.readTree(evalDir.resolve("summary.json").toFile());
        String spec = "test:" + nodeDays;
        if (Files.isRegularFile(node.resolve("summary.json"))) {
            JsonNode done = RunFiles.JSON.readTree(node.resolve("summary.json").toFile());
            if (done.path("provenance").path("days").path("days").asText().equals(spec) && RunSummary.samePolicies(own, done)) {
                return;
            }
        }
        RunFiles.deleteRecursively(node);
        // the same draws per day as the run's own evaluation, so that their days pair up
        StudyTasks.inProcess(new java.util.ArrayList<>(java.util.List.of("evaluate", "--run", runDir.toString(), "--days", spec,
                "--replications", Integer.toString(own.path("replications").asInt()), "--out", node.toString())));
    }

    /**
     * Adds to {@code out} the paths of values that {@code old} holds and {@code now} lacks or
     * holds differently; fields only {@code now} has, and values where {@code old} has null, are
     * additions, not changes, and so is the evaluation's commit. Arrays of the same length are
     * compared element by element (their objects may gain fields).
     */
    static void changedValues(JsonNode old, JsonNode now, String path, java.util.List<String> out) {
        if (old.isNull() || path.equals("machine.gitCommit")) {
            // a null was not measured, so a value now is an addition; the commit names the code of the evaluation, which a
            // run evaluated again (to add what the summary lacks) has from a newer commit
            return;
        }
        if (old.isObject() && now.isObject()) {
            var fields = old.fieldNames();
            while (fields.hasNext()) {
                String k = fields.next();
                changedValues(old.get(k), now.path(k), path.isEmpty() ? k : path + "." + k, out);
            }
        } else if (old.isArray() && now.isArray() && old.size() == now.size()) {
            for (int i = 0; i < old.size(); i++) {
                changedValues(old.get(i), now.get(i), path + "[" + i + "]", out);
            }
        } else if (!old.equals(now)) {
            out.add(path);
        }
    }
}
