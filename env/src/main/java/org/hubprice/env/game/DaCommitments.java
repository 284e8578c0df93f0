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
 * The DA commitment of an environment configuration (MODEL.md section 4): given explicitly, or
 * solved once from the training days with the two-stage stochastic MILP and cached on disk.
 *
 * <p>Each training day contributes its 24 DA and RT prices and the expected load of one hub,
 * {@code E n[t] / H × (mean energy per EV)} capped at {@code S × (largest energy per EV)}
 * (41.14 kWh and 90 kWh by default). The cache key is the SHA-256 digest of every input of the
 * solve (the profiles bit for bit, the model settings, the solver), so a changed input never
 * reads a stale entry; an entry is written to a temporary file and moved into place atomically,
 * so concurrent runs never see half a file.
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

    /** The commitment of {@code config} for {@code days}; solves (and caches under {@code cacheDir}) only when needed. */
    public static double[] resolve(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        return resolveDetailed(config, days, cacheDir).commitment();
    }

    /** As {@link #resolve}, saying where the values came from. */
    public static Resolved resolveDetailed(EnvConfig config, List<MarketDay> days, Path cacheDir) {
        DaCommitmentSettings s = config.daCommitment();
        if (s.mode().equals("explicit")) {
            return new Resolved(s.valuesArray(), "explicit", null, null);
        }
        List<DayProfile> profiles = trainingProfiles(config, days);
        DaCommitmentConfig model = modelConfig(config);
        SolverBackend backend = Solvers.byName(config.power().solver());
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
     * The expected load of one hub per hour, kWh: {@code E n[t] / H × mean energy}, capped at
     * {@code S × largest energy} (a hub can serve at most S EVs an hour).
     */
    public static double[] expectedHubLoad(EnvConfig config) {
        DemandConfig demand = config.demand().toDemandConfig();
        ArrivalModel arrivals = new ArrivalModel(demand);
        EvEnergyModel energy = new EvEnergyModel(demand);
        int hubs = config.hubs().count();
        double cap = config.hubs().stations() * energy.maxEnergyKwh();
        double[] load = new double[HubPricingEnv.PERIODS];
        for (int t = 0; t < load.length; t++) {
            load[t] = Math.min(arrivals.expectedChargeSeekers(t) / hubs * energy.meanEnergyKwh(), cap);
        }
        return load;
    }

    /** One profile per training day of the configured split. */
    public static List<DayProfile> trainingProfiles(EnvConfig config, List<MarketDay> days) {
        DaySplit split = DaySplit.of(days, config.split());
        double[] load = expectedHubLoad(config);
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
