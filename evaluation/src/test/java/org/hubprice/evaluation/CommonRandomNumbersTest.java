package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.days.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Common random numbers and determinism: repeated, re-threaded and re-ordered evaluations agree bit for bit. */
class CommonRandomNumbersTest {
    private static Scenarios scenarios;

    @BeforeAll
    static void setUp() {
        scenarios = EvalFixtures.scenarios(EvalFixtures.config());
    }

    /** Everything in the summary but the timing and the provenance (which records the thread count). */
    private static String results(EvaluationResult r) throws Exception {
        Map<String, Object> s = r.summary();
        s.remove("timing");
        s.remove("provenance");
        return new ObjectMapper().writeValueAsString(s);
    }

    private static void assertSamePaths(DayPath a, DayPath b, String what) {
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            assertEquals(a.arrivals(t), b.arrivals(t), 0.0, what + " arrivals hour " + t);
            for (int i = 0; i < a.hubs(); i++) {
                assertEquals(a.price(t, i), b.price(t, i), 0.0, what + " price");
                assertEquals(a.load(t, i), b.load(t, i), 0.0, what + " load");
                assertEquals(a.profit(t, i), b.profit(t, i), 0.0, what + " profit");
                assertEquals(a.balked(t, i), b.balked(t, i), 0.0, what + " balked");
            }
        }
    }

    @Test
    void theSamePolicyTwiceGivesIdenticalResults() throws Exception {
        EvaluationResult a = Evaluator.evaluate(scenarios, EvalFixtures.each("fixed-markup:1.3", "random"), EvalFixtures.options(3, 2));
        EvaluationResult b = Evaluator.evaluate(scenarios, EvalFixtures.each("fixed-markup:1.3", "random"), EvalFixtures.options(3, 2));
        assertEquals(results(a), results(b));
        for (int d = 0; d < a.days().size(); d++) {
            assertSamePaths(a.days().get(d).learned(), b.days().get(d).learned(), "learned");
            assertSamePaths(a.days().get(d).monopoly(), b.days().get(d).monopoly(), "monopoly");
            assertSamePaths(a.days().get(d).deviation(), b.days().get(d).deviation(), "deviation");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        String one = results(Evaluator.evaluate(scenarios, EvalFixtures.each("fixed-markup:1.7", "random"), EvalFixtures.options(2, 1)));
        String three = results(Evaluator.evaluate(scenarios, EvalFixtures.each("fixed-markup:1.7", "random"), EvalFixtures.options(2, 3)));
        assertEquals(one, three);
    }

    @Test
    void everyPolicyAndBenchmarkOfADaySeesTheSameArrivals() throws Exception {
        EvaluationResult a = Evaluator.evaluate(scenarios, EvalFixtures.each("fixed-markup:1.1", "fixed-markup:1.9"), EvalFixtures.options(3, 2));
        EvaluationResult b = Evaluator.evaluate(scenarios, EvalFixtures.all("random", 2), EvalFixtures.options(3, 2));
        for (int d = 0; d < a.days().size(); d++) {
            DayResult x = a.days().get(d);
            DayResult y = b.days().get(d);
            double[] arrivals = new double[HubPricingEnv.PERIODS];
            for (int t = 0; t < arrivals.length; t++) {
                arrivals[t] = x.learned().arrivals(t);
            }
            for (DayPath p : List.of(x.competitive(), x.monopoly(), x.deviation(), y.learned(), y.competitive(), y.monopoly(), y.deviation())) {
                double[] other = new double[HubPricingEnv.PERIODS];
                for (int t = 0; t < other.length; t++) {
                    other[t] = p.arrivals(t);
                }
                assertArrayEquals(arrivals, other, 0.0, "day " + x.date());
            }
            assertSamePaths(x.competitive(), y.competitive(), "competitive benchmark of two evaluations");
            assertNotEquals(x.learned().totalProfit(), y.learned().totalProfit(), "different policies, different profits");
        }
    }

    @Test
    void aDifferentSeedDrawsDifferentArrivals() throws Exception {
        EvaluationResult a = Evaluator.evaluate(scenarios, EvalFixtures.all("cap", 2), EvalFixtures.options(2, 2));
        EvaluationResult b = Evaluator.evaluate(scenarios, EvalFixtures.all("cap", 2),
                EvaluationOptions.builder().optReplications(2).optSeed(99).optBootstrapResamples(1000).build());
        double diff = 0;
        for (int d = 0; d < a.days().size(); d++) {
            for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
                diff += Math.abs(a.days().get(d).learned().arrivals(t) - b.days().get(d).learned().arrivals(t));
            }
        }
        assertNotEquals(0.0, diff);
    }
}
