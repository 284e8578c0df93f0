package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hubprice.evaluation.EvalFixtures;
import org.hubprice.evaluation.EvaluationOptions;
import org.hubprice.evaluation.equilibrium.BestResponseAnalysis;
import org.hubprice.evaluation.equilibrium.BestResponseResult;
import org.junit.jupiter.api.Test;

/** The table {@code hubprice best-response} prints: every deviation, with the figures of the JSON it writes. */
class BestResponsePrintTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyDeviationIsPrintedWithItsFiguresInSampleAndOnFreshDraws() throws Exception {
        EvaluationOptions options = EvaluationOptions.builder().optReplications(2).optThreads(2).optBootstrapResamples(500).build();
        BestResponseResult r = BestResponseAnalysis.run(EvalFixtures.scenarios(EvalFixtures.config()),
                EvalFixtures.each("fixed-markup:1.7", "fixed-markup:1.5"), List.of(0), options);
        StringWriter out = new StringWriter();
        BestResponseCommand.print(new PrintWriter(out), r, 6, Path.of("br.json"));
        String text = out.toString();
        String[] lines = text.split("\n");
        assertEquals(7, lines.length, text);
        assertTrue(lines[0].startsWith("hubprice best-response: 6 days"), lines[0]);
        Map<String, Object> hub = ((List<Map<String, Object>>) r.toMap().get("hubs")).get(0);
        Map<String, Object> oos = (Map<String, Object>) hub.get("outOfSample");
        Map<String, Object> shifted = (Map<String, Object>) hub.get("shiftedPolicy");
        assertTrue(lines[2].startsWith("hub_0") && lines[2].contains(String.format(Locale.ROOT, "best constant %.2f", r.constantMultiplier(0)))
                && lines[2].contains(fmt(r.constantExploitability(0)) + " [") && lines[2].trim().endsWith(fmt(oos.get("constantExploitabilityPercent"))),
                lines[2]);
        assertTrue(lines[3].contains("hourly per day (knows the day's prices)") && lines[3].contains(fmt(r.profileExploitability(0)) + " [")
                && lines[3].contains(fmt(oos.get("profileExploitabilityPercent")) + " ["), lines[3]);
        assertTrue(lines[4].contains("one schedule for every day") && lines[4].contains(fmt(oos.get("scheduleExploitabilityPercent")) + " ["),
                lines[4]);
        List<Map<String, Object>> fits = (List<Map<String, Object>>) shifted.get("fits");
        assertTrue(lines[5].contains("own policy shifted per hour (cross-fit)") && lines[5].contains(fmt(fits.get(0).get("inSampleExploitabilityPercent"))
                + " / " + fmt(fits.get(1).get("inSampleExploitabilityPercent")) + " (fits)")
                && lines[5].contains(fmt(shifted.get("crossFittedExploitabilityPercent")) + " ["), lines[5]);
        assertEquals("wrote br.json", lines[6]);
    }

    private static String fmt(Object v) {
        return String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue());
    }
}
