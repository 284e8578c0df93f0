package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The demand tables against the text of docs/model.md section 2, and hand-computed loads. */
class ReferenceDemandTest {
    /** docs/model.md, found from the module directory the tests run in. */
    private static String modelDoc() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("docs").resolve("model.md");
            if (Files.isRegularFile(f)) {
                return Files.readString(f, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("docs/model.md not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The comma-separated numbers of the bullet that starts with {@code marker}: the text after
     * the bullet's first {@code ":"} up to the next bullet, without the closing full stop.
     */
    private static double[] bulletNumbers(String doc, String marker) {
        int at = doc.indexOf(marker);
        assertTrue(at >= 0, "docs/model.md has no bullet '" + marker + "'");
        int from = doc.indexOf(":", doc.indexOf(")*", at)) + 1;
        int to = doc.indexOf("\n- ", from);
        String list = doc.substring(from, to).strip();
        assertTrue(list.endsWith("."), list);
        return Arrays.stream(list.substring(0, list.length() - 1).split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void tablesAreTheOnesInTheModelDocumentEntryByEntry() throws IOException {
        String doc = modelDoc();
        double[] nbar = bulletNumbers(doc, "- `α β N̄[t]` for hours 0–23");
        double[] q = bulletNumbers(doc, "- `q[t]` for hours 0–23");
        assertEquals(24, nbar.length);
        assertEquals(24, q.length);
        assertArrayEquals(nbar, ReferenceDemand.alphaBetaNbar(), 0.0);
        assertArrayEquals(q, ReferenceDemand.chargeProbabilities(), 0.0);
        for (int t = 0; t < 24; t++) {
            assertEquals(nbar[t], ReferenceDemand.alphaBetaNbar(t), 0.0, "hour " + t);
            assertEquals(q[t], ReferenceDemand.chargeProbability(t), 0.0, "hour " + t);
            // E n[t] = αβN̄[t] q[t] (a Binomial thinning of a Poisson count), from the document's numbers
            assertEquals(nbar[t] * q[t], ReferenceDemand.meanChargingEvs(t), 1e-12 * nbar[t] * q[t], "hour " + t);
        }
    }

    @Test
    void tablesAreCopies() {
        double[] a = ReferenceDemand.alphaBetaNbar();
        a[0] = -1;
        double[] q = ReferenceDemand.chargeProbabilities();
        q[0] = -1;
        assertEquals(1400, ReferenceDemand.alphaBetaNbar(0));
        assertEquals(0.002086889, ReferenceDemand.chargeProbability(0));
    }

    @Test
    void meanEnergyPerEvIsTheMeanOfTheSection22Distributions() {
        // capacity: 0.3 x 50 + 0.4 x 75 + 0.3 x 100 = 15 + 30 + 30 = 75 kWh
        // share charged, (100 - c) / 100 weighted by the arrival charge probabilities:
        //   .22 x .9 + .08 x .8 + .095 x .7 + .105 x .6 + .125 x .5 + .105 x .4 + .10 x .3 + .07 x .2 + .07 x .1 + .03 x .05
        //   = .198 + .064 + .0665 + .063 + .0625 + .042 + .03 + .014 + .007 + .0015 = .5485
        // capacity and charge are independent: 75 x .5485 = 41.1375 kWh, which the document rounds to 41.14
        assertEquals(41.14, ReferenceDemand.MEAN_ENERGY_PER_EV_KWH, 0.0);
        assertEquals(41.1375, ReferenceDemand.MEAN_ENERGY_PER_EV_KWH, 0.005);
    }

    @Test
    void expectedHubLoadByHand() {
        // hour 12: 5734 x 0.03325 = 5734 x 0.03 + 5734 x 0.00325 = 172.02 + 18.6355 = 190.6555 charge seekers;
        // per hub of 2: 95.32775 x 41.14 = 95.32775 x 41 + 95.32775 x 0.14 = 3908.43775 + 13.345885 = 3921.783635 kWh
        assertEquals(190.6555, ReferenceDemand.meanChargingEvs(12), 1e-9);
        assertEquals(3921.783635, ReferenceDemand.expectedHubLoadKwh(12, 2), 1e-9);
        // one hub takes them all: 7843.56727 kWh
        assertEquals(7843.56727, ReferenceDemand.expectedHubLoadKwh(12, 1), 1e-9);
        // hour 0: 1400 x 0.002086889 = 2.9216446; per hub of 2: 1.4608223 x 41.14
        //   = 1.4608223 x 40 + 1.4608223 x 1.14 = 58.432892 + 1.665337422 = 60.098229422 kWh
        assertEquals(60.098229422, ReferenceDemand.expectedHubLoadKwh(0, 2), 1e-9);
    }

    @Test
    void rejectsHoursOutsideTheDayAndNoHubs() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.expectedHubLoadKwh(24, 2));
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.alphaBetaNbar(-1));
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.chargeProbability(24));
        assertThrows(IllegalArgumentException.class, () -> ReferenceDemand.expectedHubLoadKwh(0, 0));
    }
}
