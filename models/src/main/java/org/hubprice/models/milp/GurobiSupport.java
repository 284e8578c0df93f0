package org.hubprice.models.milp;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gurobi licence detection, and the gate through which {@link Solvers} creates a
 * {@link GurobiBackend}.
 *
 * <p>A licence counts as available only when both hold:
 * <ol>
 *   <li>a licence source is configured: the file named by {@code GRB_LICENSE_FILE}, or a
 *       {@code gurobi.lic} in one of Gurobi's documented default places (the home directory,
 *       {@code /opt/gurobi}, {@code /opt/gurobi<version>}, e.g. {@code /opt/gurobi1200}), or a
 *       Web License Service key in the environment ({@code GRB_WLSACCESSID},
 *       {@code GRB_WLSSECRET} and {@code GRB_LICENSEID}), or a token server
 *       ({@code GRB_TOKENSERVER}); and</li>
 *   <li>a {@code GRBEnv} actually starts with it.</li>
 * </ol>
 * The first condition matters: Gurobi's own distributions can carry a size-limited trial
 * licence (2000 variables and constraints) that lets an environment start with no licence
 * configured. Such a licence would make {@code auto} pick Gurobi and then fail on the first
 * realistically sized model (the day-ahead MILP has about 2000 columns), so it is not counted.
 * The result is computed once per process (starting an environment may contact a licence
 * server).
 */
public final class GurobiSupport {
    private static final Logger LOG = LoggerFactory.getLogger(GurobiSupport.class);
    private static volatile Status cached;

    private GurobiSupport() {}

    /**
     * What licence detection found.
     *
     * @param available whether a configured licence started a Gurobi environment
     * @param explanation where the licence came from, or why none is usable
     */
    public record Status(boolean available, String explanation) {}

    /** Whether a configured Gurobi licence was found and works. */
    public static boolean licenceAvailable() {
        return status().available();
    }

    /** The (cached) outcome of licence detection, with an explanation either way. */
    public static Status status() {
        Status s = cached;
        if (s == null) {
            synchronized (GurobiSupport.class) {
                s = cached;
                if (s == null) {
                    s = detect(System.getenv(), Path.of(System.getProperty("user.home", "")), Path.of("/opt"));
                    cached = s;
                    LOG.debug("Gurobi licence: {}", s);
                }
            }
        }
        return s;
    }

    /** A backend using the detected licence; an {@link IllegalArgumentException} saying how to get one otherwise. */
    static SolverBackend backend() {
        Status s = status();
        if (!s.available()) {
            throw new IllegalArgumentException("solver = 'gurobi' needs a Gurobi licence, and none is usable: " + s.explanation()
                    + ". Provide one by setting GRB_LICENSE_FILE=/path/to/gurobi.lic (or the WLS variables GRB_WLSACCESSID, "
                    + "GRB_WLSSECRET, GRB_LICENSEID). Maybe choose the solver scip, which is embedded and works without a licence.");
        }
        return new GurobiBackend(s.explanation());
    }

    /** Detection with injectable environment and directories, so that tests can exercise it. */
    static Status detect(Map<String, String> env, Path home, Path opt) {
        List<String> sources = configuredSources(env, home, opt);
        if (sources.isEmpty()) {
            String fileVar = env.get("GRB_LICENSE_FILE");
            String why = fileVar != null && !fileVar.isBlank()
                    ? "GRB_LICENSE_FILE=" + fileVar + " names no readable file"
                    : "no licence configured (GRB_LICENSE_FILE is unset, no gurobi.lic in " + home + ", " + opt.resolve("gurobi")
                            + " or " + opt.resolve("gurobi<version>") + ", no WLS or token-server variables)";
            return new Status(false, why);
        }
        String where = String.join(", ", sources);
        try {
            GRBEnv e = startEnv(env);
            try {
                e.dispose();
            } catch (GRBException ignored) {
                // Disposing a started environment does not fail in practice; nothing to undo.
            }
            return new Status(true, "licence from " + where);
        } catch (GRBException ex) {
            return new Status(false, "licence configured (" + where + ") but Gurobi refused it: " + ex.getMessage()
                    + " (error " + ex.getErrorCode() + ")");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError ex) {
            return new Status(false, "licence configured (" + where + ") but Gurobi's native library could not be loaded: " + ex);
        }
    }

    /**
     * Starts a silent environment: output is switched off before {@code start()} so that
     * nothing (not even the licence banner) reaches standard output. WLS and token-server
     * settings from the environment are passed as parameters explicitly.
     */
    static GRBEnv startEnv(Map<String, String> env) throws GRBException {
        GRBEnv e = new GRBEnv(true);
        try {
            e.set(GRB.IntParam.OutputFlag, 0);
            e.set(GRB.IntParam.LogToConsole, 0);
            String access = env.get("GRB_WLSACCESSID");
            String secret = env.get("GRB_WLSSECRET");
            String licenceId = env.get("GRB_LICENSEID");
            if (present(access) && present(secret) && present(licenceId)) {
                e.set(GRB.StringParam.WLSAccessID, access);
                e.set(GRB.StringParam.WLSSecret, secret);
                e.set(GRB.IntParam.LicenseID, Integer.parseInt(licenceId.trim()));
            }
            String tokenServer = env.get("GRB_TOKENSERVER");
            if (present(tokenServer)) {
                e.set(GRB.StringParam.TokenServer, tokenServer);
            }
            e.start();
            return e;
        } catch (GRBException | RuntimeException ex) {
            try {
                e.dispose();
            } catch (GRBException ignored) {
                // The environment never started; the original failure is what matters.
            }
            throw ex;
        }
    }

    /** Every configured licence source, in Gurobi's search order. */
    static List<String> configuredSources(Map<String, String> env, Path home, Path opt) {
        List<String> found = new ArrayList<>();
        String fileVar = env.get("GRB_LICENSE_FILE");
        if (present(fileVar) && Files.isReadable(Path.of(fileVar.trim()))) {
            found.add("GRB_LICENSE_FILE=" + fileVar.trim());
        }
        addIfReadable(found, home.resolve("gurobi.lic"));
        addIfReadable(found, opt.resolve("gurobi").resolve("gurobi.lic"));
        if (Files.isDirectory(opt)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(opt, "gurobi[0-9]*")) {
                List<Path> sorted = new ArrayList<>();
                dirs.forEach(sorted::add);
                sorted.sort(null);
                for (Path d : sorted) {
                    addIfReadable(found, d.resolve("gurobi.lic"));
                }
            } catch (IOException e) {
                LOG.debug("could not list {}: {}", opt, e.toString());
            }
        }
        if (present(env.get("GRB_WLSACCESSID")) && present(env.get("GRB_WLSSECRET")) && present(env.get("GRB_LICENSEID"))) {
            found.add("WLS (GRB_WLSACCESSID, GRB_WLSSECRET, GRB_LICENSEID)");
        }
        if (present(env.get("GRB_TOKENSERVER"))) {
            found.add("token server GRB_TOKENSERVER=" + env.get("GRB_TOKENSERVER"));
        }
        return found;
    }

    private static void addIfReadable(List<String> found, Path p) {
        if (Files.isRegularFile(p) && Files.isReadable(p)) {
            found.add(p.toString());
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
