package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a CPU-only machine a user sees no WARN and no native warning unless something is wrong:
 * {@code train} and {@code evaluate} in a fresh JVM (the packaged CLI, as the launcher runs it)
 * print no {@code WARN} line, no PyTorch {@code [W...]} warning, and say "no GPU visible" once;
 * the launcher's build shows no escape codes, and its output only when the build fails.
 */
class QuietOutputIT {
    @TempDir
    Path tmp;

    private static final Path JAR = Path.of("target", "hubprice.jar").toAbsolutePath();

    private String runJar(Path stderr, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dai.djl.offline=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(stderr.toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "finishes");
        String err = Files.readString(stderr);
        assertEquals(0, p.exitValue(), err);
        return err;
    }

    private static void quiet(String err) {
        for (String line : err.lines().toList()) {
            assertFalse(line.contains(" WARN ") || line.startsWith("[W") || line.contains("Warning:") || line.contains("\u001b["),
                    "no warning on a CPU-only machine: " + line);
        }
        assertTrue(err.split("no GPU visible", -1).length - 1 <= 1, "'no GPU visible' at most once:\n" + err);
    }

    @Test
    void trainAndEvaluateOnTheCpuPrintNoWarning() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "needs the packaged CLI (mvn package) at " + JAR);
        Path run = tmp.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--config", "demo", "--out", run.toString(), "--device", "auto",
                "--set", "agents[*].params={network: ff, hidden: [16, 16], bufferCapacity: 2000}", "--set", "stopping.maxEpisodes=4",
                "--set", "validation.every=4", "--set", "validation.days=2", "--set", "checkpoint.every=2"));
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add("env." + o);
        }
        String train = runJar(tmp.resolve("train.txt"), a.toArray(String[]::new));
        quiet(train);
        assertTrue(train.contains("no GPU visible"), "says once which device is used:\n" + train);
        quiet(runJar(tmp.resolve("eval.txt"), "evaluate", "--run", run.toString(), "--replications", "1", "--no-deviation",
                "--device", "auto", "--out", tmp.resolve("eval").toString()));
    }

    /** The launcher copied into a scratch tree with a stand-in {@code mvn} that writes colour codes, as Maven 3.8 does. */
    private Process launcher(boolean buildFails) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isExecutable(Path.of("/bin/bash")), "needs bash and the packaged CLI");
        Path root = tmp.resolve("tree");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("..", "hubprice"), root.resolve("hubprice"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        String body = buildFails ? "printf '\\033[0m\\033[1;31m[ERROR]\\033[m compilation failed\\n'; exit 1\n"
                : "printf '\\033[0m\\033[0m'\n";
        // the packaged CLI with its lib/ beside it stands in for the build's result; pom.xml is newer, so the launcher builds
        Files.createDirectories(root.resolve("evaluation"));
        Files.createSymbolicLink(root.resolve("evaluation/target"), JAR.getParent());
        Files.setLastModifiedTime(root.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path mvn = root.resolve("bin/mvn");
        Files.writeString(mvn, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("hubprice"), PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", root.resolve("hubprice").toString(), "--version")
                .redirectOutput(tmp.resolve("l-out.txt").toFile()).redirectError(tmp.resolve("l-err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", root.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p;
    }

    @Test
    void theLaunchersBuildOutputIsCleanAndShownOnlyOnFailure() throws Exception {
        Process ok = launcher(false);
        String err = Files.readString(tmp.resolve("l-err.txt"));
        assertEquals(0, ok.exitValue(), err);
        assertEquals("hubprice: building (first use, or sources or commit changed)...\n", err, "nothing but the one line while building");
        assertTrue(Files.readString(tmp.resolve("l-out.txt")).startsWith("hubprice "), "then the CLI runs");
    }

    @Test
    void aFailedBuildShowsItsOutputWithoutEscapeCodes() throws Exception {
        Process bad = launcher(true);
        String err = Files.readString(tmp.resolve("l-err.txt"));
        assertEquals(1, bad.exitValue(), err);
        assertTrue(err.contains("[ERROR] compilation failed"), err);
        assertFalse(err.contains("\u001b"), "no escape codes: " + err);
        assertTrue(err.contains("hubprice: build failed"), err);
    }
}
