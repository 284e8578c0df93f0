package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.common.Provenance;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.RunLayout;
import org.hubprice.training.seeds.SeedList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hubprice bench training}: episodes per second of a training configuration (default
 * {@code sac-ff_sac-ff} on the reference schedule), measured in one run for one training
 * process alone on one core, the same with its hubs updated side by side on every core
 * ({@code --update-threads}), two processes side by side (one core each), and
 * {@code train --seeds} with one member per core, each a real {@code train} in its own JVM.
 * Speeds are the training loop's own (episodes over the session's training time, from each
 * run's {@code run-summary.json}), so JVM start-up and environment set-up are left out; the
 * phase shares (environment, actions, updates) come from
 * the run alone.
 */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Training speed: one run alone (on one core, and with its hubs updated on every core), two side by side, and"
                + " --seeds with one member per core, in one run.")
final class TrainingBenchCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "sac-ff_sac-ff", description = "Named config or YAML file (default ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--episodes", defaultValue = "300", description = "Episodes per run (default ${DEFAULT-VALUE}; updates start after the"
            + " schedule's warm-up).")
    long episodes;

    @Option(names = "--parallel", description = "Members of the --seeds part (default: one per core).")
    Integer parallel;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the runs in DIR (default: a temporary directory, deleted).")
    Path keep;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (episodes < 20 || episodes > 1_000_000) {
            throw new IllegalArgumentException("--episodes = " + episodes + " is outside the allowed range [20, 1000000]; Maybe 300");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int p = parallel != null ? parallel : cores;
        if (p < 1) {
            throw new IllegalArgumentException("--parallel = " + p + " must be >= 1");
        }
        Path root = keep != null ? keep.toAbsolutePath().normalize() : Files.createTempDirectory("hubprice-bench-training");
        if (keep != null) {
            RunLayout.checkOutputDir(root, false);
            Files.createDirectories(root);
        }
        List<String> common = List.of("--config", config, "--quiet", "--device", "cpu", "--threads", "1", "--set",
                "stopping.maxEpisodes=" + episodes, "--set", "validation.every=" + episodes, "--set", "checkpoint.every=" + episodes, "--set",
                "progress.logEvery=" + episodes, "--set", "progress.plotEvery=" + episodes);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", config);
        out.put("episodesPerRun", episodes);
        out.put("cores", cores);
        out.put("loadBefore", load());
        try {
            // warm the DA-commitment cache so no part pays for solving it
            run(List.of(child(common, 1, root.resolve("warm"), List.of("--set", "stopping.maxEpisodes=1"))));
            List<String> oneCore = List.of("--update-threads", "1");
            run(List.of(child(common, 1, root.resolve("alone"), oneCore)));
            Map<String, Object> alone = part(List.of(root.resolve("alone")));
            run(List.of(child(common, 1, root.resolve("alone-hubs"), List.of("--update-threads", Integer.toString(cores)))));
            Map<String, Object> aloneHubs = part(List.of(root.resolve("alone-hubs")));
            List<ProcessBuilder> two = List.of(child(common, 1, root.resolve("side-1"), oneCore), child(common, 2, root.resolve("side-2"), oneCore));
            run(two);
            Map<String, Object> side = part(List.of(root.resolve("side-1"), root.resolve("side-2")));
            List<String> seedArgs = new ArrayList<>(List.of("train"));
            seedArgs.addAll(common);
            seedArgs.addAll(List.of("--seeds", "1.." + p, "--parallel", Integer.toString(p), "--out", root.resolve("seeds").toString()));
            long t0 = System.nanoTime();
            run(List.of(new ProcessBuilder(ChildJvm.command(seedArgs))));
            double seedsWall = (System.nanoTime() - t0) / 1e9;
            List<Path> members = new ArrayList<>();
            for (int s = 1; s <= p; s++) {
                members.add(root.resolve("seeds").resolve(SeedList.memberDir(s)));
            }
            Map<String, Object> seeds = part(members);
            seeds.put("commandWallSeconds", seedsWall);
            out.put("alone", alone);
            out.put("aloneHubsSideBySide", aloneHubs);
            out.put("sideBySide", side);
            out.put("seeds", seeds);
            double a = (double) alone.get("episodesPerSecond");
            Map<String, Object> ratios = new LinkedHashMap<>();
            ratios.put("hubsSideBySideOverAlone", (double) aloneHubs.get("episodesPerSecond") / a);
            ratios.put("sideBySideOverAlone", (double) side.get("episodesPerSecond") / a);
            ratios.put("seedsOverAlone", (double) seeds.get("episodesPerSecond") / a);
            out.put("ratios", ratios);
            out.put("loadAfter", load());
            out.put("provenance", Provenance.collect());
        } finally {
            if (keep == null) {
                RunFiles.deleteRecursively(root);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(RunFiles.JSON.writeValueAsString(out));
        } else {
            w.println(table(out));
        }
        w.flush();
        return 0;
    }

    private static ProcessBuilder child(List<String> common, long seed, Path dir, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(common);
        args.addAll(extra);
        args.addAll(List.of("--seed", Long.toString(seed), "--out", dir.toString()));
        return new ProcessBuilder(ChildJvm.command(args));
    }

    /** Starts every process at once and waits for all; fails with the first one's error output. */
    private static void run(List<ProcessBuilder> builders) throws IOException, InterruptedException {
        List<Process> ps = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        for (ProcessBuilder b : builders) {
            Path err = Files.createTempFile("hubprice-bench", ".err");
            errs.add(err);
            ps.add(b.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start());
        }
        for (int k = 0; k < ps.size(); k++) {
            int code = ps.get(k).waitFor();
            String err = Files.readString(errs.get(k));
            Files.deleteIfExists(errs.get(k));
            if (code != 0) {
                throw new IllegalStateException("a benchmark run failed (exit " + code + "): " + err.lines().reduce((x, y) -> y).orElse(""));
            }
        }
    }

    /** Summed episodes per second of the runs in {@code dirs}, and the first run's phase shares. */
    private static Map<String, Object> part(List<Path> dirs) throws IOException {
        double eps = 0;
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> each = new ArrayList<>();
        for (Path d : dirs) {
            JsonNode t = RunFiles.JSON.readTree(d.resolve(RunLayout.SUMMARY_JSON).toFile()).path("timing");
            double e = t.path("sessionEpisodes").asDouble() / t.path("sessionSeconds").asDouble();
            each.add(e);
            eps += e;
            if (!m.containsKey("phases")) {
                Map<String, Object> ph = new LinkedHashMap<>();
                for (String k : List.of("environment", "actionSelection", "observe", "updates", "validation", "checkpoints", "output")) {
                    ph.put(k, t.path("phases").path(k).path("share").asDouble());
                }
                m.put("phases", ph);
                m.put("secondsPer1000Episodes", t.path("secondsPer1000Episodes").asDouble());
            }
        }
        m.put("runs", dirs.size());
        m.put("episodesPerSecond", eps);
        m.put("episodesPerSecondEach", each);
        return m;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> out) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %d episodes per run, %d cores, load %.2f -> %.2f%n", out.get("config"), out.get("episodesPerRun"),
                out.get("cores"), out.get("loadBefore"), out.get("loadAfter")));
        for (String k : List.of("alone", "aloneHubsSideBySide", "sideBySide", "seeds")) {
            Map<String, Object> m = (Map<String, Object>) out.get(k);
            sb.append(String.format(Locale.ROOT, "%-19s %d run(s): %.2f episodes/s %s%n", k, m.get("runs"), m.get("episodesPerSecond"),
                    m.get("episodesPerSecondEach")));
        }
        Map<String, Object> alone = (Map<String, Object>) out.get("alone");
        sb.append("phases of the run alone (share of its session): ").append(alone.get("phases")).append('\n');
        sb.append("ratios: ").append(out.get("ratios"));
        return sb.toString();
    }
}
