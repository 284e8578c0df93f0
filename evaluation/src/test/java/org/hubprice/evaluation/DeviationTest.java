package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;
import org.junit.jupiter.api.Test;

/** The Calvano-style deviation test: forced undercut, the same draws, the rivals' response. */
class DeviationTest {
    private static final Scenarios SCENARIOS = EvalFixtures.scenarios(EvalFixtures.config());

    private static final HubPolicy REACTIVE = ReactivePolicy.INSTANCE;

    @Test
    void fixedPoliciesDoNotRespondAndTheDeviatorLosesAtTheDeviationHour() throws Exception {
        EvaluationResult r = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("fixed-markup:1.6", 2), EvaluationOptions.builder()
                .optReplications(3).optThreads(2).optBootstrapResamples(1000).optDeviation(new DeviationSpec(0, 12, 1.0)).build());
        DeviationReport d = DeviationReport.of(r);
        assertEquals(0, d.hub());
        assertEquals(12, d.hour());
        assertEquals(1.0, d.multiplier());
        for (DayResult day : r.days()) {
            assertEquals(day.competitive().price(12, 0), day.deviation().price(12, 0), 1e-9, "the deviator prices at marginal cost");
            assertEquals(day.learned().price(12, 1), day.deviation().price(12, 1), 0.0);
        }
        assertEquals(0.0, d.priceChange(13, 1), 0.0, "a fixed rival does not respond");
        assertEquals(13, d.returnHour(), "prices are back on the path right after the deviation");
        assertTrue(d.profitDeviation()[12][0] < d.profitUndisturbed()[12][0], "undercutting to cost loses money in that hour");
        for (int t = 0; t < 12; t++) {
            assertEquals(d.profitUndisturbed()[t][0], d.profitDeviation()[t][0], 0.0, "before the deviation the paths are identical");
        }
    }

    @Test
    void theDefaultDeviationIsTheMostProfitableOneShotUndercut() throws Exception {
        // Against a rival at 1.6, posting inside the 5 % band (1.524 .. 1.6) splits the EVs; below it
        // the deviator takes all its 150 stations can hold: 1.52 is the highest such level on the grid.
        EvaluationResult r = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("fixed-markup:1.6", 2), EvalFixtures.options(3, 2));
        DeviationReport d = DeviationReport.of(r);
        assertEquals(1.52, d.multiplier(), 1e-9);
        Map<?, ?> search = (Map<?, ?>) r.section("deviationSearch");
        assertEquals(1.6, ((Number) search.get("undisturbedMultiplier")).doubleValue(), 1e-12);
        Map<?, ?> verdict = (Map<?, ?>) d.toMap().get("verdict");
        assertTrue(((Number) verdict.get("gainAtDeviation")).doubleValue() > 0, "the undercut gains in its hour: " + verdict);
        assertEquals(Boolean.TRUE, verdict.get("deviationPays"), "a fixed rival cannot punish");
        // The chosen level beats every other undercut in the deviation hour (checked by forcing each neighbour).
        for (double other : new double[] {1.51, 1.53, 1.59, 1.0}) {
            EvaluationResult forced = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("fixed-markup:1.6", 2), EvaluationOptions.builder()
                    .optReplications(3).optThreads(2).optBootstrapResamples(1000).optNash(false)
                    .optDeviation(new DeviationSpec(0, 12, other)).build());
            DeviationReport f = DeviationReport.of(forced);
            assertTrue(f.profitDeviation()[12][0] < d.profitDeviation()[12][0], "multiplier " + other);
        }
    }

    @Test
    void aReactiveRivalRespondsAfterTheDeviation() throws Exception {
        EvaluationResult r = Evaluator.evaluate(SCENARIOS, List.of(REACTIVE, REACTIVE), EvalFixtures.options(3, 2));
        DeviationReport d = DeviationReport.of(r);
        assertNotEquals(0.0, d.priceChange(13, 1), "the rival's battery, hence its price, changes after the undercut");
        for (int t = 0; t < 12; t++) {
            assertEquals(0.0, d.priceChange(t, 1), 0.0);
        }
        Map<String, Object> json = d.toMap();
        assertEquals("hub_0", json.get("hub"));
        assertTrue(json.toString().contains("rival"));
        assertEquals(HubPricingEnv.PERIODS, d.priceDeviation().length);
    }

    @Test
    void theTestCanBeSwitchedOffOrMoved() throws Exception {
        EvaluationResult off = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("cap", 2),
                EvaluationOptions.builder().optReplications(1).optDeviation(null).optBootstrapResamples(100).build());
        assertEquals(null, off.days().get(0).deviation());
        assertEquals(null, off.summary().get("deviation"));
        EvaluationResult moved = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("cap", 2), EvaluationOptions.builder().optReplications(1)
                .optDeviation(new DeviationSpec(1, 20, 1.5)).optBootstrapResamples(100).build());
        assertEquals(1.5, moved.days().get(0).deviation().multiplier(20, 1), 0.0);
        assertEquals(2.0, moved.days().get(0).deviation().multiplier(20, 0), 0.0);
    }
}
