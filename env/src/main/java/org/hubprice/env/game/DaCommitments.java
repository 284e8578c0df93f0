package org.hubprice.env.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.hubprice.env.config.DaCommitmentSettings;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.demand.ArrivalModel;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.EvEnergyModel;
import org.hubprice.models.dacommit.DaCommitmentConfig;
import org.hubprice.models.dacommit.DaCommitmentModel;
import org.hubprice.models.dacommit.DaCommitmentResult;
import org.hubprice.models.dacommit.DayProfile;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.milp.SolverBackend;
import org.hubprice.models.milp.Solvers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DA commitment of an environment configuration (docs/model.md section 4): given explicitly, or
 * solved once from the training days with the two-stage stochastic MILP and cached on disk.
 *
 * <p>Each training day contributes its 24 DA and RT prices and the expected load of one hub
 * ({@link #expectedHubLoads}). For identical hubs that is {@code E n[t] / H × (mean energy per EV)}
 * capped at {@code S × (largest energy per EV)} (41.14 kWh and 90 kWh by default), and every hub
 * uses the one solution. With {@code hubs.stationsPerHub} the expected EVs are water-filled over
 * the hubs up to each hub's stations, so hubs may expect different loads; "for heterogeneous hubs
 * each hub solves its own" (docs/model.md section 4): there is one solve, and one cache entry, per
 * distinct load profile, and hubs with equal profiles share it ({@link #resolvePerHub}).
 *
 * <p>The cache key is the SHA-256 digest of every input of the solve (the profiles bit for bit,
 * the model settings, the solver), so a changed input never reads a stale entry; an entry is
 * written to a temporary file and moved into place atomically, so concurrent runs never see
 * half a file. Identical hubs give bit-identical profiles to those of the single-load rule,
 * hence the same keys and entries.
 */
public final class DaCommitments {
    private static final Logger LOG = LoggerFactory.getLogger(DaCommitments.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Bumped when the meaning of a cached entry changes. */
    private static final String FORMAT = "hubprice-da-commitment-v1";

    private DaCommitments() {}

    /**
     * Where a commitment came from.
     *
     * @param commitment the 24 hourly energies, kWh
     * @param source {@code explicit}, {@code cache} or {@code solved}
     * @param key the cache key (SHA-256 hex), or null for {@code explicit}
     * @param file the cache file, or null
     */
    public record Resolved(double[] commitment, String source, String key, Path file) {
        public Resolved {
            commitment = commitment.clone();
        }

        @Override
        public double[] commitment() {
            return commitment.clone();
        }
    }

    /**
     * The commitment of {@code config} for {@code days} when every hub uses the same one (identical
     * hubs, explicit values, or per-hub stations that still give every hub the same expected
     * load); solves (and caches under {@code cacheDir}) only when needed.
     *
     * @throws IllegalArgumentException when the hubs expect different loads; use {@link #resolvePerHub}
     */
    public static double[] resolve(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        return resolveDetailed(config, days, cacheDir).commitment();
    }

    /** As {@link #resolve}, saying where the values came from. */
    public static Resolved resolveDetailed(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        DaCommitmentSettings s = config.daCommitment();
        if (s.mode().equals("explicit")) {
            return new Resolved(s.valuesArray(), "explicit", null, null);
        }
        double[][] loads = expectedHubLoads(config);
        return resolveLoad(config, days, sharedLoad(config, loads), cacheDir);
    }

    /**
     * Every hub's commitment, {@code [hub][hour]} in kWh: one solve per distinct expected load
     * profile (hubs with bit-identical profiles share the solve and its cache entry); explicit
     * values go to every hub.
     */
    public static double[][] resolvePerHub(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        List<Resolved> r = resolvePerHubDetailed(config, days, cacheDir);
        double[][] c = new double[r.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.get(i).commitment();
        }
        return c;
    }

    /**
     * As {@link #resolvePerHub}, saying where each hub's values came from: entry i is hub i's;
     * hubs that share a solve share the same {@link Resolved} instance.
     */
    public static List<Resolved> resolvePerHubDetailed(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        int h = config.hubs().count();
        DaCommitmentSettings s = config.daCommitment();
        if (s.mode().equals("explicit")) {
            return Collections.nCopies(h, new Resolved(s.valuesArray(), "explicit", null, null));
        }
        double[][] loads = expectedHubLoads(config);
        Resolved[] byHub = new Resolved[h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < i && byHub[i] == null; j++) {
                // Arrays.equals on doubles compares bit patterns: equal profiles give equal keys.
                if (Arrays.equals(loads[i], loads[j])) {
                    byHub[i] = byHub[j];
                }
            }
            if (byHub[i] == null) {
                byHub[i] = resolveLoad(config, days, loads[i], cacheDir);
            }
        }
        return List.of(byHub);
    }

    /** Solves (or reads from the cache) the commitment of one hub whose expected hourly load is {@code load}. */
    private static Resolved resolveLoad(EnvConfig config, List<MarketDay> days, double[] load, Path cacheDir) {
        List<DayProfile> profiles = trainingProfiles(config, days, load);
        DaCommitmentConfig model = modelConfig(config);
        SolverBackend backend = Dispatchers.configuredSolver(config.power().solver());
        String key = key(profiles, model, backend.name());
        Path file = cacheDir.resolve("da-commitment-" + key + ".json");
        double[] cached = read(file, key);
        if (cached != null) {
            LOG.info("DA commitment read from cache {}", file);
            return new Resolved(cached, "cache", key, file);
        }
        LOG.info("solving the DA commitment for {} training days with {} (once per configuration; cached in {})", profiles.size(),
                backend.name(), cacheDir);
        DaCommitmentResult r = new DaCommitmentModel().solve(profiles, model, backend);
        write(file, key, r, profiles.size());
        return new Resolved(r.commitment(), "solved", key, file);
    }

    /** The model settings of {@code config}: {@code daCommitment.*} and the hubs' battery. */
    public static DaCommitmentConfig modelConfig(EnvConfig config) {
        DaCommitmentSettings s = config.daCommitment();
        return DaCommitmentConfig.builder().optPsi(s.psi()).optBattery(config.hubs().battery().limits()).optMinChargeKw(s.minChargeKw())
                .optMinDischargeKw(s.minDischargeKw()).optInitialBatteryKwh(s.initialBatteryKwh()).optCommitmentCapKwh(s.capKwh())
                .optScenarios(s.scenarios()).optSeed(s.seed()).optSolveOptions(SolveOptions.DEFAULT.withTimeLimit(s.timeLimitSeconds()))
                .build();
    }

    /**
     * The expected load of one hub per hour, kWh, when every hub expects the same load: for
     * identical hubs {@code E n[t] / H × mean energy}, capped at {@code S × largest energy} (a
     * hub can serve at most S EVs an hour).
     *
     * @throws IllegalArgumentException when {@code hubs.stationsPerHub} gives the hubs different
     *                                  loads; use {@link #expectedHubLoads}
     */
    public static double[] expectedHubLoad(EnvConfig config) {
        return sharedLoad(config, expectedHubLoads(config));
    }

    /**
     * The expected load of each hub per hour, {@code [hub][hour]} in kWh. The expected
     * charge-seeking EVs of the hour are spread over the hubs by {@link #spreadOverHubs} (evenly
     * up to each hub's stations, which is what the choice model does when every hub posts the
     * same price), times the mean energy per EV, capped at {@code S_i × largest energy}. For
     * identical hubs this is bit for bit {@code min(E n[t] / H × mean energy, S × largest energy)}.
     */
    public static double[][] expectedHubLoads(EnvConfig config) {
        DemandConfig demand = config.demand().toDemandConfig();
        ArrivalModel arrivals = new ArrivalModel(demand);
        EvEnergyModel energy = new EvEnergyModel(demand);
        int[] stations = config.hubs().stationsArray();
        int h = stations.length;
        double[][] load = new double[h][HubPricingEnv.PERIODS];
        double[] share = new double[h];
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            spreadOverHubs(arrivals.expectedChargeSeekers(t), stations, share);
            for (int i = 0; i < h; i++) {
                load[i][t] = Math.min(share[i] * energy.meanEnergyKwh(), stations[i] * energy.maxEnergyKwh());
            }
        }
        return load;
    }

    /**
     * Spreads {@code evs} expected EVs over hubs with {@code stations[i]} stations, writing each
     * hub's share into {@code out}.
     * <ul>
     *   <li>{@code evs <= Σ S}: water-filling, as the choice model does at equal prices. Every hub
     *       gets the same level λ, except hubs with fewer stations than λ, which get their
     *       stations; λ is such that the shares sum to {@code evs}.</li>
     *   <li>{@code evs > Σ S} (every hub full): the shares are proportional to the stations,
     *       {@code evs × S_i / Σ S}, which continues the first case ({@code S_i} at
     *       {@code evs = Σ S}) and, for identical hubs, is {@code evs / H}: the DA model then
     *       sees the same load, capped at {@code S × largest energy}, as it always has.</li>
     * </ul>
     * For identical hubs every share is computed as {@code evs / H}, bit for bit.
     *
     * @param evs expected EVs, finite and {@code >= 0}
     * @param stations each hub's stations, each {@code >= 1}
     * @param out each hub's share, same length as {@code stations}
     */
    public static void spreadOverHubs(double evs, int[] stations, double[] out) {
        if (!(evs >= 0) || !Double.isFinite(evs)) {
            throw new IllegalArgumentException("evs = " + evs + " must be a finite number >= 0");
        }
        if (stations == null || stations.length == 0 || out == null || out.length != stations.length) {
            throw new IllegalArgumentException("stations has " + (stations == null ? "no" : stations.length) + " entries and out "
                    + (out == null ? "none" : out.length) + "; give one entry per hub (at least one) in both");
        }
        long total = 0;
        for (int i = 0; i < stations.length; i++) {
            if (stations[i] < 1) {
                throw new IllegalArgumentException("stations[" + i + "] = " + stations[i] + " must be >= 1");
            }
            total += stations[i];
        }
        int h = stations.length;
        if (evs > total) {
            for (int i = 0; i < h; i++) {
                // total / S_i is exactly H for identical hubs, so the share is exactly evs / H.
                out[i] = evs / ((double) total / stations[i]);
            }
            return;
        }
        // Water-filling. A hub with fewer stations than the current level stays full at any
        // later (higher) level, so all such hubs are fixed at once; each round fixes at least
        // one hub or ends.
        Arrays.fill(out, Double.NaN);
        double remaining = evs;
        int open = h;
        while (open > 0) {
            double level = remaining / open;
            int fixed = 0;
            for (int i = 0; i < h; i++) {
                if (Double.isNaN(out[i]) && stations[i] < level) {
                    out[i] = stations[i];
                    remaining -= stations[i];
                    fixed++;
                }
            }
            if (fixed == 0) {
                for (int i = 0; i < h; i++) {
                    if (Double.isNaN(out[i])) {
                        out[i] = level;
                    }
                }
                return;
            }
            open -= fixed;
        }
    }

    /** The one load every hub expects, or an error naming the key that makes them differ. */
    private static double[] sharedLoad(EnvConfig config, double[][] loads) {
        for (int i = 1; i < loads.length; i++) {
            if (!Arrays.equals(loads[i], loads[0])) {
                throw new IllegalArgumentException("hubs.stationsPerHub = " + config.hubs().stationsPerHub() + " gives hub_0 and hub_" + i
                        + " different expected loads, so each has its own DA commitment. Maybe use DaCommitments.resolvePerHub / "
                        + "expectedHubLoads, or HubPricingEnv.Builder.optCommitments");
            }
        }
        return loads[0];
    }

    /** One profile per training day of the configured split, with the load every hub expects ({@link #expectedHubLoad}). */
    public static List<DayProfile> trainingProfiles(EnvConfig config, List<MarketDay> days) {
        return trainingProfiles(config, days, expectedHubLoad(config));
    }

    /** One profile per training day of the configured split, with the expected hourly load {@code load} (24 kWh values). */
    public static List<DayProfile> trainingProfiles(EnvConfig config, List<MarketDay> days, double[] load) {
        DaySplit split = DaySplit.of(days, config.split());
        List<DayProfile> profiles = new ArrayList<>(split.trainingCount());
        for (int k = 0; k < split.trainingCount(); k++) {
            MarketDay d = days.get(split.trainingDay(k));
            profiles.add(new DayProfile(d.dayAhead(), d.realTime(), load));
        }
        return profiles;
    }

    static String key(List<DayProfile> profiles, DaCommitmentConfig model, String solver) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            md.update(solver.getBytes(StandardCharsets.UTF_8));
            md.update(JSON.writeValueAsBytes(model.toMap()));
            ByteBuffer buf = ByteBuffer.allocate(8 * 72);
            for (DayProfile p : profiles) {
                buf.clear();
                for (double v : p.toVector()) {
                    buf.putLong(Double.doubleToLongBits(v));
                }
                md.update(buf.array(), 0, buf.position());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot compute the DA commitment cache key", e);
        }
    }

    private static double[] read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (!key.equals(n.path("key").asText()) || !n.path("commitment").isArray() || n.path("commitment").size() != HubPricingEnv.PERIODS) {
                LOG.warn("ignoring the DA commitment cache entry {}: its key or shape does not match; solving again", file);
                return null;
            }
            double[] c = new double[HubPricingEnv.PERIODS];
            for (int t = 0; t < c.length; t++) {
                JsonNode v = n.path("commitment").get(t);
                c[t] = v.isNumber() ? v.asDouble() : Double.NaN;
                if (!(c[t] >= 0) || !Double.isFinite(c[t])) {
                    LOG.warn("ignoring the DA commitment cache entry {}: value {} is not a finite energy >= 0; solving again", file, t);
                    return null;
                }
            }
            return c;
        } catch (IOException e) {
            LOG.warn("ignoring the unreadable DA commitment cache entry {} ({}); solving again", file, e.getMessage());
            return null;
        }
    }

    private static void write(Path file, String key, DaCommitmentResult r, int trainingDays) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("key", key);
        ArrayNode c = n.putArray("commitment");
        for (double v : r.commitment()) {
            c.add(v);
        }
        n.put("expectedObjective", r.expectedObjective());
        n.put("solver", r.solver());
        n.put("solveSeconds", r.solveSeconds());
        n.put("trainingDays", trainingDays);
        n.put("created", Instant.now().toString());
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "da-commitment-", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), n);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.info("DA commitment cached in {} (solved in {} s)", file, String.format(Locale.ROOT, "%.2f", r.solveSeconds()));
        } catch (IOException e) {
            // A read-only or full disk costs a re-solve next time, never the run.
            LOG.warn("could not cache the DA commitment in {} ({}); it will be solved again next time", file, e.getMessage());
        }
    }
}
