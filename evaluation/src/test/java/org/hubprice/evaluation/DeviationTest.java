package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;
import org.junit.jupiter.api.Test;

/** The Calvano-style deviation test: forced undercut, the same draws, the rivals' response. */
class DeviationTest {
    private static final Scenarios SCENARIOS = EvalFixtures.scenarios(EvalFixtures.config());

    /** Prices at 1 + (battery energy / capacity): reacts to its own battery, which the rival's undercut changes. */
    private static final class BatteryPricer implements Agent {
        private final Space obs;
        private final Box act;
        private final double[] out = new double[1];

        BatteryPricer(Space obs, Box act) {
            this.obs = obs;
            this.act = act;
        }

        @Override
        public String name() {
            return "battery-pricer";
        }

        @Override
        public Space observationSpace() {
            return obs;
        }

        @Override
        public Space actionSpace() {
            return act;
        }

        @Override
        public double[] act(double[] observation, Mode mode) {
            out[0] = 1.0 + Math.min(1.0, Math.max(0.0, observation[5]));
            return out;
        }

        @Override
        public void observe(Transition transition) {}

        @Override
        public int learn(int gradientSteps) {
            return 0;
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException("a test policy");
        }
    }

    private static final HubPolicy REACTIVE = new HubPolicy() {
        @Override
        public String label() {
            return "battery-pricer";
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("kind", "test");
        }

        @Override
        public Agent open(Space observationSpace, Box actionSpace) {
            return new BatteryPricer(observationSpace, actionSpace);
        }
    };

    @Test
    void fixedPoliciesDoNotRespondAndTheDeviatorLosesAtTheDeviationHour() throws Exception {
        EvaluationResult r = Evaluator.evaluate(SCENARIOS, EvalFixtures.all("fixed-markup:1.6", 2), EvalFixtures.options(3, 2));
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
