package org.hubprice.evaluation.days;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.data.PjmLoadResult;
import org.hubprice.env.game.DaCommitments;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.MarketSource;
import org.hubprice.env.game.ObservationScaling;

/**
 * The days of one evaluation and everything needed to build identical environments for them
 * on every worker thread: the configuration, the market days, the DA commitment and the
 * observation scaling of the configuration the agents were trained with.
 *
 * <p>{@code --days} chooses: {@code test} (the held-out days of the configuration's split, the
 * default), {@code train}, {@code all}, a scenario CSV ({@link ScenarioCsv}) or a PJM Data
 * Miner pair {@code DA.csv,RT.csv} (loaded as {@code market.source: pjm} loads, with the configuration's
 * {@code market.pjm.strict} and {@code pnodeId}; skipped days are named in one WARN line). For a
 * file the environment plays the file's days with the DA commitment and observation scaling of
 * the configuration's own data, so that agents see observations on the scale they were trained
 * on; every file day is evaluated, or with {@code test:FILE} ({@code train:FILE}) only the file's days on the
 * dates the configuration's split holds out (trains on), so that an evaluation on the file compares
 * day by day with one on the configuration's own days.
 */
public final class Scenarios {

    private final EnvConfig config;
    private final List<MarketDay> days;
    private final double[][] commitments;
    private final ObservationScaling normalizer;
    private final int[] selected;
    private final Map<String, Object> description;

    private Scenarios(EnvConfig config, List<MarketDay> days, double[][] commitments, ObservationScaling normalizer, int[] selected,
                      Map<String, Object> description) {
        this.config = config;
        this.days = List.copyOf(days);
        this.commitments = new double[commitments.length][];
        for (int i = 0; i < commitments.length; i++) {
            this.commitments[i] = commitments[i].clone();
        }
        this.normalizer = normalizer;
        this.selected = selected.clone();
        this.description = description;
        if (selected.length == 0) {
            throw new IllegalArgumentException("--days = " + description.get("days") + " selects no day. Maybe --days all");
        }
    }

    /**
     * The days {@code spec} selects for {@code config}.
     *
     * @param cacheDir the DA commitment cache (the configuration's {@code daCommitment.cacheDir} when null)
     * @throws IllegalArgumentException for an unknown keyword, a missing file or a broken day in a file
     */
    public static Scenarios of(EnvConfig config, String spec, Path cacheDir) {
        String s = spec == null ? "test" : spec.trim();
        Path cache = cacheDir != null ? cacheDir : config.daCommitment().cachePath();
        List<MarketDay> own = MarketSource.load(config.market());
        List<DaCommitments.Resolved> com = DaCommitments.resolvePerHubDetailed(config, own, cache);
        double[][] commitments = new double[com.size()][];
        List<String> sources = new java.util.ArrayList<>();
        for (int i = 0; i < commitments.length; i++) {
            commitments[i] = com.get(i).commitment();
            sources.add(com.get(i).source());
        }
        HubPricingEnv base = HubPricingEnv.builder().setConfig(config).optDays(own).optCommitments(commitments).build();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("days", s);
        d.put("commitmentSource", sources);
        String key = s.toLowerCase(Locale.ROOT);
        int[] pick;
        if (SPLIT_PARTS.containsKey(key)) {
            pick = splitPart(base, SPLIT_PARTS.get(key));
        } else if (key.equals("all")) {
            pick = new int[own.size()];
            for (int i = 0; i < pick.length; i++) {
                pick[i] = i;
            }
        } else {
            int colon = s.indexOf(':');
            String prefix = colon > 0 ? key.substring(0, colon) : "";
            if (SPLIT_PARTS.containsKey(prefix)) {
                return onSplitDates(config, s, SPLIT_PARTS.get(prefix), s.substring(colon + 1).trim(), base, commitments, d);
            }
            return fromFile(config, readFile(config, s, s, d), base, commitments, d);
        }
        d.put("source", "configuration market (" + config.market().source() + ")");
        return new Scenarios(config, own, commitments, base.normalizer(), pick, d);
    }

    /**
     * The names of the split's two parts, as a keyword ({@code test}) or a prefix
     * ({@code test:FILE}), to the part they name.
     */
    private static final Map<String, String> SPLIT_PARTS = Map.of("test", "test", "held-out", "test", "heldout", "test", "train", "train",
            "training", "train");

    /** The indices of the configuration's own days in split part {@code part} ({@code test} or {@code train}). */
    private static int[] splitPart(HubPricingEnv base, String part) {
        return part.equals("test") ? base.split().testDays() : base.split().trainingDays();
    }

    /**
     * The file's days on the dates the configuration's split holds out ({@code part} test) or trains
     * on (train): the same calendar days as an evaluation on the configuration's own days, so the
     * two compare day by day. Dates the file lacks are named in one WARN line and recorded.
     */
    private static Scenarios onSplitDates(EnvConfig config, String spec, String part, String file, HubPricingEnv base, double[][] commitments,
                                          Map<String, Object> d) {
        java.util.Set<java.time.LocalDate> dates = new java.util.TreeSet<>();
        for (int i : splitPart(base, part)) {
            dates.add(base.days().get(i).date());
        }
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("--days = '" + spec + "': the configuration's split has no " + part + " days (split."
                    + "testDaysPerSeason = 0?). Maybe give the file alone to evaluate all its days");
        }
        List<MarketDay> kept = readFile(config, file, spec, d).stream().filter(m -> dates.contains(m.date())).toList();
        java.util.Set<java.time.LocalDate> found = new java.util.TreeSet<>(kept.stream().map(MarketDay::date).toList());
        List<String> missing = dates.stream().filter(x -> !found.contains(x)).map(Object::toString).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("--days = '" + spec + "': the file has none of the configuration's " + dates.size() + " " + part
                    + " dates (" + dates.iterator().next() + " ..). Maybe give the file alone to evaluate all its days");
        }
        if (!missing.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(Scenarios.class).warn("--days {}: the file lacks {} of the {} {} dates, evaluated without them: {}",
                    spec, missing.size(), dates.size(), part, missing);
        }
        d.put("datesOf", "the configuration's " + part + " days");
        d.put("missingDates", missing);
        return fromFile(config, kept, base, commitments, d);
    }

    /**
     * The complete days of {@code spec}, a PJM pair {@code DA.csv,RT.csv} or a scenario CSV;
     * records the source in {@code d}. Errors quote the whole {@code --days} value {@code given}.
     */
    private static List<MarketDay> readFile(EnvConfig config, String spec, String given, Map<String, Object> d) {
        List<MarketDay> fileDays;
        try {
            if (spec.contains(",")) {
                String[] parts = spec.split(",", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("--days = '" + given + "': a PJM pair is DA.csv,RT.csv (two files)");
                }
                Path da = existing(parts[0].trim(), given);
                Path rt = existing(parts[1].trim(), given);
                PjmLoadResult r = org.hubprice.env.game.MarketSource.loadPjm(da, rt, config.market().pjm(), "--days");
                fileDays = r.days();
                d.put("source", "PJM Data Miner pair " + da + ", " + rt);
            } else {
                Path file = existing(spec, given);
                if (!ScenarioCsv.looksLikeScenarioFile(file)) {
                    throw new IllegalArgumentException("--days = '" + given + "' is a file but not a scenario CSV (header date,da_0..da_23,"
                            + "rt_0..rt_23). Maybe give a PJM Data Miner pair as DA.csv,RT.csv");
                }
                fileDays = ScenarioCsv.read(file);
                d.put("source", "scenario file " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --days " + given + ": " + e.getMessage(), e);
        }
        if (fileDays.isEmpty()) {
            throw new IllegalArgumentException("--days = '" + given + "' gives no complete day");
        }
        return fileDays;
    }

    private static Scenarios fromFile(EnvConfig config, List<MarketDay> fileDays, HubPricingEnv base, double[][] commitments,
                                      Map<String, Object> d) {
        // Every file day is evaluated; the split only decides which days a training reset may
        // draw, and none is drawn here, so hold out nothing (a short file could not be split).
        EnvConfig fileConfig = config.withOverrides("split.method=paper", "split.testDaysPerSeason=0");
        int[] pick = new int[fileDays.size()];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = i;
        }
        return new Scenarios(fileConfig, fileDays, commitments, base.normalizer(), pick, d);
    }

    /** {@code file} as a path, or an error quoting the whole {@code --days} value {@code given}. */
    private static Path existing(String file, String given) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            String where = " (working directory " + Path.of("").toAbsolutePath() + ")";
            throw new IllegalArgumentException(file.equals(given) ? "--days = '" + file + "' is not test, train, all or a readable file (or"
                    + " test:FILE, train:FILE)" + where : "--days = '" + given + "': '" + file + "' is not a readable file" + where
                    + "; give a PJM pair DA.csv,RT.csv or a scenario CSV");
        }
        return p;
    }

    /** A fresh environment over these days (one per worker thread; environments are not thread-safe). */
    public HubPricingEnv newEnvironment() {
        return HubPricingEnv.builder().setConfig(config).optDays(days).optCommitments(commitments).optNormalizer(normalizer).build();
    }

    /** The configuration the environments are built from. */
    public EnvConfig config() {
        return config;
    }

    /** Every market day the environments hold. */
    public List<MarketDay> days() {
        return days;
    }

    /** Indices (into {@link #days()}) of the evaluated days, increasing. */
    public int[] selected() {
        return selected.clone();
    }

    /** Each hub's DA commitment, {@code [hub][hour]} kWh (a copy). */
    public double[][] commitments() {
        double[][] c = new double[commitments.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = commitments[i].clone();
        }
        return c;
    }

    /** The observation scaling agents see. */
    public ObservationScaling normalizer() {
        return normalizer;
    }

    /** What was selected and from where, for the provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(description);
        m.put("evaluatedDays", selected.length);
        m.put("firstDay", days.get(selected[0]).date().toString());
        m.put("lastDay", days.get(selected[selected.length - 1]).date().toString());
        return m;
    }
}
