package org.hubprice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Provenance;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.Trainer;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.RunFiles;
import org.hubprice.training.run.ResumePolicy;
import org.hubprice.training.run.RunLayout;
import org.hubprice.training.seeds.SeedList;
import org.hubprice.training.seeds.SeedRuns;

/**
 * {@code train --seeds A..B --out DIR [--parallel P]}: one configuration, many seeds, each
 * member trained by a child {@code hubprice train --seed N --out DIR/seed-N} process. The set's
 * resolved configuration is {@code DIR/config.yaml} and its record {@code DIR/seeds-run.json};
 * {@code --resume} finishes the unfinished members.
 */
final class TrainSeeds {
    static final String RECORD = "seeds-run.json";

    private TrainSeeds() {}

    /** Runs the seed set; returns the exit code (1 when a member failed). */
    static int run(String spec, String configArg, List<String> overrides, Path out, boolean resume, Integer parallel, int threads,
                   Integer updateThreads, String device, boolean quiet, boolean json, PrintWriter stdout, List<String> argv) throws Exception {
        Path dir = out.toAbsolutePath().normalize();
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("--parallel = " + parallel + " must be >= 1 (default: one member per core)");
        }
        List<Long> seeds;
        TrainingConfig c;
        Map<String, Object> record;
        if (resume) {
            Path rec = dir.resolve(RECORD);
            if (!Files.isRegularFile(rec)) {
                throw new IllegalArgumentException("--resume --seeds: " + out + " holds no seed set (no " + RECORD + "). Maybe another --out,"
                        + " or drop --resume to start one");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = RunFiles.JSON.readValue(rec.toFile(), LinkedHashMap.class);
            record = saved;
            List<Long> savedSeeds = new ArrayList<>();
            for (Object o : (List<?>) saved.get("seeds")) {
                savedSeeds.add(((Number) o).longValue());
            }
            seeds = spec == null ? savedSeeds : SeedList.parse(spec);
            if (!seeds.equals(savedSeeds)) {
                throw new IllegalArgumentException("--seeds " + spec + " differs from the set's seeds " + savedSeeds + ". Maybe drop --seeds with"
                        + " --resume");
            }
            TrainingConfig before = TrainingConfigs.load(dir.resolve(RunLayout.CONFIG_YAML), List.of());
            c = TrainingConfigs.load(dir.resolve(RunLayout.CONFIG_YAML), overrides);
            ResumePolicy.checkChanges(before, c);
            if (!overrides.isEmpty()) {
                // members that start afresh read this file: they get the same (resumable) changes as the resumed ones
                RunFiles.writeString(dir.resolve(RunLayout.CONFIG_YAML), "# Resolved configuration of this seed set; member seed-N trains it"
                        + " with seed N.\n" + c.toYaml());
            }
        } else {
            if (configArg == null) {
                throw new IllegalArgumentException("--config is missing; give a named config " + TrainingConfigs.NAMES + " or a YAML file");
            }
            seeds = SeedList.parse(spec);
            c = TrainingConfigs.resolve(configArg, overrides);
            RunLayout.checkOutputDir(dir, false);
            // everything the members would refuse is refused here, before anything is written: the environment (data, DA
            // commitment, solved once and cached for the members) and every hub's agent and parameters
            try (VectorEnv env = Trainer.hubGame(c)) {
                Trainer.checkAgents(c, env);
            }
            Files.createDirectories(dir);
            RunFiles.writeString(dir.resolve(RunLayout.CONFIG_YAML), "# Resolved configuration of this seed set; member seed-N trains it with"
                    + " seed N.\n" + c.toYaml());
            record = new LinkedHashMap<>();
            record.put("kind", "hubprice seed set");
            record.put("config", configArg);
            record.put("overrides", overrides);
            record.put("seeds", seeds);
            record.put("started", Instant.now().toString());
            record.put("command", argv);
            record.put("provenance", Provenance.collect());
            RunFiles.writeJson(dir.resolve(RECORD), record);
        }
        int p = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        // the members run --threads engine threads per operation, min(p, seeds) at a time
        int lanes = TrainCommand.childUpdateThreads(updateThreads, Math.min(p, seeds.size()), threads);
        if (resume) {
            // Solve (or find cached) the DA commitment once, so the members do not all solve it at once.
            HubPricingEnv.create(c.env()).close();
        }
        List<String> childOverrides = resume ? overrides : List.of();
        SeedRuns runs = new SeedRuns(dir, seeds, p, c.stopping().maxEpisodes(),
                (seed, member, resumeMember, log) -> start(seed, member, resumeMember, log, dir, childOverrides, threads, lanes, device), quiet);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kind", "hubprice seed set");
        header.put("config", record.get("config"));
        header.put("configDigest", c.env().digest());
        header.put("maxEpisodes", c.stopping().maxEpisodes());
        SeedRuns.Outcome o = runs.run(header);
        if (json) {
            stdout.println(RunFiles.JSON.writeValueAsString(o.aggregate()));
        } else {
            stdout.println("seed set " + dir + ": " + o.status());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> agg = (Map<String, Map<String, Object>>) o.aggregate().get("aggregate");
            stdout.println("final validation across finished seeds: quick collusion index " + describe(agg.get("collusionIndexQuick"), "%.3f")
                    + "; total profit per day " + describe(agg.get("totalProfitPerDay"), "%.2f"));
            stdout.println("files: " + dir.resolve("seeds.json") + ", " + dir.resolve("seeds-curve.png") + ", members in " + dir + "/seed-N");
        }
        stdout.flush();
        for (String f : o.failures()) {
            System.err.println("error: " + f);
        }
        // a stopped member is not finished either: the same non-zero code as a failure, so a script does not read the set as complete
        return o.failures().isEmpty() && !o.status().containsValue("stopped") ? 0 : 1;
    }

    /** {@code IQM x [lo, hi] (n seeds)} of one aggregate entry. */
    private static String describe(Map<String, Object> m, String format) {
        if (m == null || !(m.get("iqm") instanceof Number iqm)) {
            return "n/a (no finished seed)";
        }
        List<?> ci = (List<?>) m.get("ci95");
        return "IQM " + String.format(java.util.Locale.ROOT, format, iqm.doubleValue()) + " [" + String.format(java.util.Locale.ROOT, format,
                ((Number) ci.get(0)).doubleValue()) + ", " + String.format(java.util.Locale.ROOT, format, ((Number) ci.get(1)).doubleValue())
                + "] over " + m.get("n") + " seeds";
    }

    /** Starts {@code hubprice train} for one member in a child JVM with this JVM's settings. */
    private static Process start(long seed, Path member, boolean resume, Path log, Path dir, List<String> overrides, int threads, int lanes,
                                 String device)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("train");
        if (resume) {
            cmd.add("--resume");
            for (String o : overrides) {
                cmd.add("--set");
                cmd.add(o);
            }
        } else {
            cmd.addAll(List.of("--config", dir.resolve(RunLayout.CONFIG_YAML).toString(), "--seed", Long.toString(seed)));
        }
        cmd.addAll(List.of("--out", member.toString(), "--quiet", "--progress-lines", "--threads", Integer.toString(threads), "--update-threads",
                Integer.toString(lanes), "--device", device));
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(cmd));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }
}
