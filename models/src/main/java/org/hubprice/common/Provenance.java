package org.hubprice.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: project version, git commit, Java and OS, machine, time. Every
 * checkpoint, report and bench output carries one so that a run can be traced and repeated.
 */
public final class Provenance {
    private Provenance() {}

    /** The project version baked in at build time, or "unknown" when run from an IDE. */
    public static String projectVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/hubprice-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }

    /**
     * The git commit the running code was built from (written into the classes by the build,
     * with "-dirty" when tracked files had uncommitted changes, "unknown" when built outside a
     * checkout), so a jar copied out of the checkout still names its code. Only without that
     * record (classes built by other means) the commit of the working tree the program runs
     * from, or "unknown" outside a git checkout.
     */
    public static String gitCommit() {
        return Once.COMMIT;
    }

    /** Read once per JVM: every checkpoint and report asks, and the fallback forks git twice. */
    private static final class Once {
        static final String COMMIT = readCommit();
    }

    private static String readCommit() {
        try (InputStream in = Provenance.class.getResourceAsStream("/hubprice-build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                // the build's record wins even when it says "unknown" (built outside a checkout):
                // the working directory's repository may be an unrelated one
                return p.getProperty("gitCommit", "unknown").trim();
            }
        } catch (IOException ignored) {
            // fall back to the working tree
        }
        String head = run("git", "rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return status != null && !status.isBlank() ? head + "-dirty" : head;
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A snapshot of the environment: versions, commit, machine and time, in a stable order. */
    public static Map<String, Object> collect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", "hubprice");
        m.put("projectVersion", projectVersion());
        m.put("gitCommit", gitCommit());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        m.put("host", host);
        m.put("time", Instant.now().toString());
        return m;
    }
}
