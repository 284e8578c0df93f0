package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hubprice.evaluation.days.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Δ of fixed symmetric policies under the default demand model: 0 at marginal cost, 1 at the cap, strictly between and increasing in between. */
class CollusionIndexTest {
    private static Scenarios scenarios;

    @BeforeAll
    static void setUp() {
        scenarios = EvalFixtures.scenarios(EvalFixtures.config());
    }

    private static EvaluationResult run(String spec) throws Exception {
        return Evaluator.evaluate(scenarios, EvalFixtures.all(spec, 2), EvalFixtures.options(3, 2));
    }

    @Test
    void everyHubAtMarginalCostIsCompetition() throws Exception {
        EvaluationResult r = run("marginal-cost");
        assertEquals(6, r.days().size());
        for (DayResult d : r.days()) {
            assertEquals(0.0, d.delta(), 0.0, "day " + d.date() + ": the policy is the competitive benchmark itself");
        }
        assertEquals(0.0, r.deltaSummary().median(), 0.0);
    }

    @Test
    void everyHubAtTheCapIsTheMonopoly() throws Exception {
        EvaluationResult r = run("cap");
        for (DayResult d : r.days()) {
            for (double a : d.monopolySearch().multipliers()) {
                assertEquals(2.0, a, 0.0, "day " + d.date() + ": the monopoly schedule under the default model is the cap in every hour");
            }
            assertTrue(d.monopolySearch().converged());
            assertEquals(d.monopoly().totalProfit(), d.learned().totalProfit(), 0.0, "same schedule, same draws, same profit");
            assertEquals(1.0, d.delta(), 0.0, "day " + d.date());
        }
    }

    @Test
    void symmetricMultipliersInBetweenGiveDeltaStrictlyBetweenAndIncreasing() throws Exception {
        double[] multipliers = {1.2, 1.5, 1.8};
        double[][] deltas = new double[multipliers.length][];
        for (int k = 0; k < multipliers.length; k++) {
            deltas[k] = run("fixed-markup:" + multipliers[k]).deltas();
        }
        for (int d = 0; d < deltas[0].length; d++) {
            for (int k = 0; k < multipliers.length; k++) {
                assertTrue(deltas[k][d] > 0 && deltas[k][d] < 1, "day " + d + ", a = " + multipliers[k] + ": Δ = " + deltas[k][d]);
                if (k > 0) {
                    assertTrue(deltas[k][d] > deltas[k - 1][d], "day " + d + ": Δ must increase with the multiplier: " + deltas[k - 1][d]
                            + " at " + multipliers[k - 1] + ", " + deltas[k][d] + " at " + multipliers[k]);
                }
            }
        }
    }
}
