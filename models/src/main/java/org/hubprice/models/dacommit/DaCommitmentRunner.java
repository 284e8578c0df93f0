package org.hubprice.models.dacommit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.common.Provenance;
import org.hubprice.models.milp.SolverBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reusable core of {@code hubprice commit-da}: solve the commitment for a list of training
 * days, summarise it (table, CSV, JSON with provenance) and save it. The environment calls it
 * with real training days; the command line with days from a CSV file or synthetic days.
 *
 * <p>Files written by {@link Outcome#save(Path)}: {@code commitment.csv} ({@code hour,commitment_kwh},
 * 24 rows) and {@code commitment.json} (the commitment, expected objective, solver, solve time,
 * k, seed, scenario probabilities, configuration and provenance). Each is written to a
 * temporary file and renamed into place, so a reader never sees half a file.
 */
public final class DaCommitmentRunner {
    /** Name of the CSV file written by {@link Outcome#save}. */
    public static final String CSV_FILE = "commitment.csv";
    /** Name of the JSON file written by {@link Outcome#save}. */
    public static final String JSON_FILE = "commitment.json";

    private static final Logger LOG = LoggerFactory.getLogger(DaCommitmentRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DaCommitmentConfig config;
    private final SolverBackend backend;
    private final DaCommitmentModel model = new DaCommitmentModel();

    /**
     * @param config commitment settings (k and seed included)
     * @param backend the MILP solver
     */
    public DaCommitmentRunner(DaCommitmentConfig config, SolverBackend backend) {
        if (config == null) {
            throw new IllegalArgumentException("config is missing. Maybe DaCommitmentConfig.DEFAULT?");
        }
        if (backend == null) {
            throw new IllegalArgumentException("backend is missing. Maybe Solvers.byName(\"scip\")?");
        }
        this.config = config;
        this.backend = backend;
    }

    /**
     * Reduces {@code days} to scenarios and solves the commitment.
     *
     * @param days training days
     * @param source a short description of where the days came from (file, generator and seed), saved with the result
     */
    public Outcome run(List<DayProfile> days, String source) {
        long t0 = System.nanoTime();
        LOG.info("DA commitment from {} training days ({}), k = {}, seed = {}, solver {}", days == null ? 0 : days.size(), source,
                config.scenarios(), config.seed(), backend.name());
        DaCommitmentResult r = model.solve(days, config, backend);
        double total = (System.nanoTime() - t0) / 1e9;
        return new Outcome(r, config, source == null ? "" : source, days.size(), total, Provenance.collect());
    }

    /**
     * Reads a commitment saved by {@link Outcome#save}: {@code commitment.json} (key
     * {@code commitmentKwh}) or {@code commitment.csv}; 24 finite values {@code >= 0}.
     */
    public static double[] loadCommitment(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("commitment file " + file + " does not exist. Maybe run 'hubprice commit-da' first?");
        }
        double[] c;
        if (file.getFileName().toString().endsWith(".json")) {
            JsonNode n = JSON.readTree(file.toFile()).get("commitmentKwh");
            if (n == null || !n.isArray()) {
                throw new IllegalArgumentException(file + " has no array 'commitmentKwh'; is it a commitment.json written by commit-da?");
            }
            c = new double[n.size()];
            for (int t = 0; t < c.length; t++) {
                if (!n.get(t).isNumber()) {
                    throw new IllegalArgumentException(file + ": commitmentKwh[" + t + "] = " + n.get(t) + " is not a number");
                }
                c[t] = n.get(t).asDouble();
            }
        } else {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).strip().equals("hour,commitment_kwh")) {
                throw new IllegalArgumentException(file + " line 1: the header must be 'hour,commitment_kwh'");
            }
            List<Double> vals = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty()) {
                    continue;
                }
                String[] f = l.split(",", -1);
                if (f.length != 2) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + f.length + " columns but 2 are required (hour,commitment_kwh)");
                }
                try {
                    vals.add(Double.parseDouble(f[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ", column commitment_kwh: '" + f[1].strip() + "' is not a number");
                }
            }
            c = vals.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (c.length != DayProfile.HOURS) {
            throw new IllegalArgumentException(file + " has " + c.length + " commitment values; exactly " + DayProfile.HOURS + " are required");
        }
        for (int t = 0; t < c.length; t++) {
            if (!Double.isFinite(c[t]) || c[t] < 0) {
                throw new IllegalArgumentException(file + ": commitment of hour " + t + " = " + c[t] + " must be a finite number >= 0 kWh");
            }
        }
        return c;
    }

    /**
     * A solved commitment with what is needed to report and reproduce it.
     *
     * @param result the solved model
     * @param config the settings used
     * @param source where the training days came from
     * @param trainingDays number of training days
     * @param totalSeconds wall-clock seconds of reduction and solve together
     * @param provenance {@link Provenance#collect()} at the time of the run
     */
    public record Outcome(DaCommitmentResult result, DaCommitmentConfig config, String source, int trainingDays,
                          double totalSeconds, Map<String, Object> provenance) {
        public Outcome {
            provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        }

        /** The summary as an ordered map (what {@code commitment.json} holds). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("commitmentKwh", result.commitment());
            m.put("expectedObjective", result.expectedObjective());
            m.put("expectedObjectiveUnit", "$ per day, probability-weighted over the scenarios (docs/model.md section 4)");
            m.put("solveSeconds", result.solveSeconds());
            m.put("totalSeconds", totalSeconds);
            m.put("solver", result.solver());
            m.put("status", result.status().name());
            m.put("k", result.scenarios().size());
            m.put("seed", config.seed());
            m.put("trainingDays", trainingDays);
            m.put("source", source);
            m.put("scenarioProbabilities", result.scenarios().stream().mapToDouble(Scenario::probability).toArray());
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("variables", result.variables());
            size.put("constraints", result.constraints());
            size.put("binaries", result.binaries());
            m.put("model", size);
            m.put("config", config.toMap());
            m.put("provenance", new LinkedHashMap<>(provenance));
            return m;
        }

        /** The summary as one JSON document. */
        public String toJsonString() {
            try {
                return JSON.writeValueAsString(toJson());
            } catch (IOException e) {
                throw new IllegalStateException("could not write the commitment as JSON", e);
            }
        }

        /** {@code hour,commitment_kwh} with 24 rows, values printed exactly. */
        public String toCsv() {
            StringBuilder sb = new StringBuilder("hour,commitment_kwh\n");
            double[] c = result.commitment();
            for (int t = 0; t < c.length; t++) {
                sb.append(t).append(',').append(c[t]).append('\n');
            }
            return sb.toString();
        }

        /**
         * A table for people: per hour the commitment next to the probability-weighted load
         * and prices of the scenarios, then the totals.
         */
        public String toTable() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%4s  %14s  %12s  %10s  %10s%n", "hour", "commitment kWh", "E[load] kWh",
                    "E[p_da]", "E[p_rt]"));
            double[] c = result.commitment();
            double sumC = 0;
            double sumL = 0;
            for (int t = 0; t < c.length; t++) {
                double load = 0;
                double da = 0;
                double rt = 0;
                for (Scenario s : result.scenarios()) {
                    load += s.probability() * s.load(t);
                    da += s.probability() * s.daPrice(t);
                    rt += s.probability() * s.rtPrice(t);
                }
                sumC += c[t];
                sumL += load;
                sb.append(String.format(Locale.ROOT, "%4d  %14.1f  %12.1f  %10.2f  %10.2f%n", t, c[t], load, da, rt));
            }
            sb.append(String.format(Locale.ROOT, "%4s  %14.1f  %12.1f%n", "sum", sumC, sumL));
            sb.append(String.format(Locale.ROOT, "expected objective %.2f $/day; solver %s, %s, solved in %.2f s (%.2f s in all); "
                            + "k = %d scenarios from %d days (%s), seed %d%n", result.expectedObjective(), result.solver(), result.status(),
                    result.solveSeconds(), totalSeconds, result.scenarios().size(), trainingDays, source, config.seed()));
            return sb.toString();
        }

        /** Writes {@value DaCommitmentRunner#CSV_FILE} and {@value DaCommitmentRunner#JSON_FILE} into {@code dir} (created if needed), each atomically. */
        public void save(Path dir) throws IOException {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(CSV_FILE), toCsv());
            writeAtomically(dir.resolve(JSON_FILE), toJsonString() + "\n");
            LOG.info("saved {} and {} in {}", CSV_FILE, JSON_FILE, dir);
        }
    }

    /** Writes to a temporary file in the same folder, then renames it over {@code target}. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // A unique sibling name (not Files.createTempFile, whose owner-only permissions would
        // survive the rename); CREATE_NEW refuses to reuse a leftover.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
