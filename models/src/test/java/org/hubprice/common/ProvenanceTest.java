package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build records its commit in the classes, and provenance reports that commit. */
class ProvenanceTest {
    @Test
    void theCommitIsTheOneTheClassesWereBuiltFrom() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/hubprice-build.properties")) {
            assertNotNull(in, "the build writes hubprice-build.properties (models/src/build/build-commit.sh)");
            p.load(in);
        }
        String built = p.getProperty("gitCommit");
        assertEquals(built, Provenance.gitCommit());
        assertEquals(built, Provenance.collect().get("gitCommit"));
        String head = git("rev-parse", "HEAD");
        if (head != null) {
            // built in this checkout just now (the build runs before the tests): HEAD, dirty or not
            assertTrue(built.equals(head) || built.equals(head + "-dirty"), built + " vs HEAD " + head);
        } else {
            assertEquals("unknown", built);
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
