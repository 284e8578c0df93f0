package org.hubprice.env.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the real PJM files are, for tests that skip visibly when they are absent. */
final class SharedData {
    private SharedData() {}

    /** {@code <hubprice.shared.dir>/data/pjm}, or a skipped test when it is not there. */
    static Path pjmDir() {
        String shared = System.getProperty("hubprice.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "data", "pjm");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "real PJM data not found (system property hubprice.shared.dir = " + shared + "); test skipped");
        return dir;
    }
}
