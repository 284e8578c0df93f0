package org.hubprice.models.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Licence detection with an injected environment and directories. */
class GurobiSupportTest {
    @TempDir
    Path tmp;

    @Test
    void nothingConfiguredMeansNoLicenceAndSaysWhereItLooked() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        GurobiSupport.Status s = GurobiSupport.detect(Map.of(), home, opt);
        assertFalse(s.available());
        assertTrue(s.explanation().contains("GRB_LICENSE_FILE is unset") && s.explanation().contains(home.toString()), s.explanation());
    }

    @Test
    void aLicenceVariableNamingNoFileIsReported() {
        GurobiSupport.Status s = GurobiSupport.detect(Map.of("GRB_LICENSE_FILE", "/nonexistent/gurobi.lic"), tmp, tmp);
        assertFalse(s.available());
        assertTrue(s.explanation().contains("/nonexistent/gurobi.lic"), s.explanation());
    }

    @Test
    void findsEveryDocumentedSource() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Files.writeString(home.resolve("gurobi.lic"), "x");
        Files.createDirectories(opt.resolve("gurobi"));
        Files.writeString(opt.resolve("gurobi").resolve("gurobi.lic"), "x");
        Files.createDirectories(opt.resolve("gurobi1203"));
        Files.writeString(opt.resolve("gurobi1203").resolve("gurobi.lic"), "x");
        Path named = Files.writeString(tmp.resolve("my.lic"), "x");
        List<String> found = GurobiSupport.configuredSources(Map.of("GRB_LICENSE_FILE", named.toString(),
                "GRB_WLSACCESSID", "a", "GRB_WLSSECRET", "b", "GRB_LICENSEID", "1", "GRB_TOKENSERVER", "tokens.example"), home, opt);
        assertEquals(6, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("GRB_LICENSE_FILE="), found.toString());
        assertTrue(found.get(3).endsWith("gurobi1203/gurobi.lic"), found.toString());
        // An incomplete WLS key is not a source.
        assertTrue(GurobiSupport.configuredSources(Map.of("GRB_WLSACCESSID", "a"), home.resolve("none"), opt.resolve("none")).isEmpty());
    }

    @Test
    void aConfiguredLicenceCountsOnlyWhenGurobiAcceptsIt() throws Exception {
        Assumptions.assumeFalse(GurobiSupport.licenceAvailable(), "a real Gurobi licence is configured here, so a refusal cannot be shown");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("gurobi.lic"), "# not a licence\n");
        GurobiSupport.Status s = GurobiSupport.detect(Map.of(), home, tmp.resolve("opt"));
        assertFalse(s.available());
        assertTrue(s.explanation().contains("refused") || s.explanation().contains("native library"), s.explanation());
    }

    @Test
    void withoutALicenceGurobiIsAClearErrorAndAutoFallsBackToScip() {
        Assumptions.assumeFalse(GurobiSupport.licenceAvailable(), "a real Gurobi licence is configured here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Solvers.byName("gurobi"));
        assertTrue(e.getMessage().contains("GRB_LICENSE_FILE") && e.getMessage().contains("Maybe choose the solver scip"), e.getMessage());
        assertEquals("scip", Solvers.byName("auto").name());
    }
}
