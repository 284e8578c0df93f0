package org.hubprice.training.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.config.TrainingConfigs;

/**
 * What a resumed run may change: only settings that do not alter what is learned (the
 * stopping rules, reporting, checkpoint and validation frequency). Anything else would make the
 * resumed part learn something other than the run that was stopped.
 */
public final class ResumePolicy {
    /** Settings a resumed run may change: they do not alter what is learned. */
    public static final List<String> RESUMABLE_CHANGES = List.of("description", "stopping.", "progress.", "checkpoint.every",
            "validation.every");

    private ResumePolicy() {}

    /**
     * The configuration of a resumed run: the run's own {@code config.yaml} with
     * {@code overrides}; when {@code configArg} is given it must resolve to the same
     * configuration.
     *
     * @param seed a {@code --seed}, or null; it must equal the run's seed
     * @throws IllegalArgumentException naming what differs and what to do
     */
    public static TrainingConfig resumeConfig(Path dir, String configArg, List<String> overrides, Long seed) {
        RunLayout.checkOutputDir(dir, true);
        Path file = new RunLayout(dir).file(RunLayout.CONFIG_YAML);
        TrainingConfig saved = TrainingConfigs.load(file, List.of());
        TrainingConfig resumed = TrainingConfigs.load(file, overrides);
        if (seed != null && seed != saved.seed()) {
            throw new IllegalArgumentException("--seed " + seed + " differs from the run's seed " + saved.seed()
                    + "; a resumed run keeps its seed. Maybe drop --seed");
        }
        checkChanges(saved, resumed);
        if (configArg != null) {
            TrainingConfig requested = TrainingConfigs.resolve(configArg, overrides);
            if (seed != null) {
                requested = requested.withSeed(seed);
            }
            List<String> diff = differences(requested.toMap(), resumed.toMap(), "");
            diff.removeIf(k -> k.equals("description"));
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("--resume: --config " + configArg + " differs from the run's configuration at " + diff
                        + ". Maybe drop --config (the run's " + RunLayout.CONFIG_YAML + " is used)");
            }
        }
        return resumed;
    }

    /**
     * Checks that {@code resumed} differs from {@code saved} only in {@link #RESUMABLE_CHANGES}.
     *
     * @throws IllegalArgumentException naming the keys that differ
     */
    public static void checkChanges(TrainingConfig saved, TrainingConfig resumed) {
        List<String> changed = differences(saved.toMap(), resumed.toMap(), "");
        changed.removeIf(ResumePolicy::resumable);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("--resume: --set changes " + changed + ", which would change what the resumed part learns; only "
                    + RESUMABLE_CHANGES + " may change. Maybe start a new run with another --out");
        }
    }

    /** Whether the dotted key {@code key} may differ in a resume. */
    static boolean resumable(String key) {
        return RESUMABLE_CHANGES.stream().anyMatch(a -> a.endsWith(".") ? key.startsWith(a) : key.equals(a));
    }

    /** The dotted keys at which two configuration maps differ (numbers compared as doubles). */
    static List<String> differences(Object a, Object b, String path) {
        List<String> out = new ArrayList<>();
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                out.addAll(differences(ma.get(k), mb.get(k), path.isEmpty() ? String.valueOf(k) : path + "." + k));
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                out.addAll(differences(la.get(i), lb.get(i), path + "[" + i + "]"));
            }
        } else if (!Objects.equals(normal(a), normal(b))) {
            out.add(path);
        }
        return out;
    }

    private static Object normal(Object v) {
        if (v instanceof double[] d) {
            return Arrays.toString(d);
        }
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }
}
