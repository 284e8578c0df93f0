package org.hubprice.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;
import org.hubprice.training.output.CsvTable;
import org.hubprice.training.output.LearningCurve;
import org.hubprice.training.run.RunLayout;

/**
 * A training run directory written by {@code hubprice train}: its resolved configuration
 * ({@code config.yaml}), its checkpoints ({@code checkpoints/final|best|last}, each holding
 * {@code agents/hub_i}) and its learning curve ({@code learning-curve.png}, or
 * {@code metrics.csv} to draw one from).
 */
public final class RunDirectory {
    /** Checkpoint names a run may hold. */
    public static final List<String> CHECKPOINTS = List.of("final", "best", "last");

    private final Path dir;
    private final TrainingConfig config;

    private RunDirectory(Path dir, TrainingConfig config) {
        this.dir = dir;
        this.config = config;
    }

    /**
     * Opens the run in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a training run directory
     */
    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--run " + dir + " is not a directory (working directory " + Path.of("").toAbsolutePath() + ")");
        }
        Path yaml = dir.resolve(RunLayout.CONFIG_YAML);
        if (!Files.isRegularFile(yaml)) {
            throw new IllegalArgumentException("--run " + dir + " holds no " + RunLayout.CONFIG_YAML + "; it is not a run written by "
                    + "'hubprice train'. Maybe give --checkpoint HUB=PATH and --config instead");
        }
        return new RunDirectory(dir, TrainingConfigs.load(yaml, List.of()));
    }

    /** The run directory. */
    public Path directory() {
        return dir;
    }

    /** The run's training configuration. */
    public TrainingConfig config() {
        return config;
    }

    /** The environment configuration the run trained on, with {@code overrides} applied. */
    public EnvConfig envConfig(List<String> overrides) {
        return overrides.isEmpty() ? config.env() : config.env().withOverrides(overrides);
    }

    /**
     * The checkpoint directory {@code checkpoints/NAME}.
     *
     * @throws IllegalArgumentException for an unknown name or a checkpoint the run does not have
     */
    public Path checkpoint(String name) {
        if (!CHECKPOINTS.contains(name)) {
            throw new IllegalArgumentException("--which = '" + name + "' is not a checkpoint name; choose one of " + CHECKPOINTS);
        }
        Path p = dir.resolve(RunLayout.CHECKPOINTS).resolve(name);
        if (!Files.isDirectory(p)) {
            List<String> have = new ArrayList<>();
            for (String c : CHECKPOINTS) {
                if (Files.isDirectory(dir.resolve(RunLayout.CHECKPOINTS).resolve(c))) {
                    have.add(c);
                }
            }
            throw new IllegalArgumentException("--run " + dir + " has no checkpoints/" + name + " (it has " + (have.isEmpty() ? "none" : have)
                    + ")" + (have.isEmpty() ? "" : ". Maybe --which " + have.get(0)));
        }
        return p;
    }

    /**
     * The run's learning curve as a PNG: {@code learning-curve.png} when present, else one drawn
     * from {@code metrics.csv} into {@code scratch}; null when the run has neither.
     */
    public Path learningCurve(Path scratch) throws IOException {
        Path png = dir.resolve(RunLayout.CURVE_PNG);
        if (Files.isRegularFile(png)) {
            return png;
        }
        Path metrics = dir.resolve(RunLayout.METRICS_CSV);
        if (!Files.isRegularFile(metrics)) {
            return null;
        }
        return learningCurveFromMetrics(metrics, scratch);
    }

    /**
     * Draws the learning curve of a {@code metrics.csv} (columns episode, day, total_reward,
     * reward_hub_i..., multiplier_hub_i..., ...) with the training module's {@link LearningCurve}.
     * Returns null when the file has no complete row.
     */
    public static Path learningCurveFromMetrics(Path metrics, Path scratch) throws IOException {
        CsvTable table = CsvTable.read(metrics);
        List<String> hubs = table.suffixes("reward_");
        if (hubs.isEmpty() || table.header().size() < 3 + 2 * hubs.size()) {
            return null;
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < table.rows().size(); k++) {
            double[] r = new double[1 + 2 * hubs.size()];
            r[0] = table.number(k, 0);
            boolean ok = !Double.isNaN(r[0]);
            for (int j = 0; j < 2 * hubs.size(); j++) {
                r[1 + j] = table.number(k, 3 + j);
                ok &= !Double.isNaN(r[1 + j]) || "NaN".equals(table.rows().get(k)[3 + j]);
            }
            if (ok) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int n = hubs.size();
        LearningCurve curve = new LearningCurve(hubs, (long) rows.get(rows.size() - 1)[0]);
        double[] reward = new double[n];
        double[] mult = new double[n];
        for (double[] r : rows) {
            System.arraycopy(r, 1, reward, 0, n);
            System.arraycopy(r, 1 + n, mult, 0, n);
            curve.addEpisode((long) r[0], reward, mult);
        }
        Path png = scratch.resolve("learning-curve-from-metrics.png");
        curve.write(png);
        return Files.isRegularFile(png) ? png : null;
    }
}
