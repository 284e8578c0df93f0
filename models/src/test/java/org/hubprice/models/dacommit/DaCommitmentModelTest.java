package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hubprice.models.milp.LinearExpr;
import org.hubprice.models.milp.MilpModel;
import org.hubprice.models.milp.Sense;
import org.hubprice.models.milp.SolveResult;
import org.hubprice.models.milp.SolverBackend;
import org.hubprice.models.milp.Solvers;
import org.hubprice.models.milp.TerminationStatus;
import org.hubprice.models.milp.Variable;
import org.hubprice.models.power.BatteryLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaCommitmentModelTest {
    private final SolverBackend scip = Solvers.byName("scip");
    private final DaCommitmentModel model = new DaCommitmentModel();
    private DaCommitmentConfig cfg;
    private List<DayProfile> days;
    private DaCommitmentResult solved;

    @BeforeAll
    void solveOnce() {
        cfg = DaCommitmentConfig.builder().optSeed(7).build();
        days = SyntheticDays.generate(60, 7);
        solved = model.solve(days, cfg, scip);
    }

    @Test
    void fullDayResultHasTheReferenceShape() {
        assertEquals(24, solved.hours());
        assertEquals(10, solved.scenarios().size());
        assertEquals(10, solved.plans().size());
        assertEquals(TerminationStatus.OPTIMAL, solved.status());
        assertEquals("scip", solved.solver());
        assertTrue(solved.solveSeconds() > 0);
        assertEquals(10 * 24 * 8 + 24, solved.variables());
    }

    @Test
    void everyConstraintHoldsInEveryScenario() {
        PlanChecks.assertFeasible(solved, cfg);
    }

    @Test
    void expectedObjectiveMatchesTheFlows() {
        double recomputed = PlanChecks.expectedProfit(solved);
        assertEquals(recomputed, solved.expectedObjective(), 1e-6 * Math.max(1, Math.abs(recomputed)));
        for (int w = 0; w < solved.plans().size(); w++) {
            double p = PlanChecks.profit(solved.scenarios().get(w), solved.plans().get(w));
            assertEquals(p, solved.plans().get(w).profit(), 1e-6 * Math.max(1, Math.abs(p)), "profit of scenario " + w);
        }
    }

    /**
     * Two simple feasible rules. (a) the probability-weighted expected load, raised where needed
     * to Ψ × the largest scenario load (without the raise it can be infeasible in hours whose
     * loads differ a lot between scenarios); (b) Ψ × the largest scenario load, the smallest
     * feasible commitment. The optimum must be at least as good as both.
     */
    @Test
    void beatsSimpleCommitments() {
        List<Scenario> sc = solved.scenarios();
        double[] expectedLoad = new double[24];
        double[] minimal = new double[24];
        for (int t = 0; t < 24; t++) {
            double maxLoad = 0;
            for (Scenario s : sc) {
                expectedLoad[t] += s.probability() * s.load(t);
                maxLoad = Math.max(maxLoad, s.load(t));
            }
            minimal[t] = cfg.psi() * maxLoad;
            expectedLoad[t] = Math.max(expectedLoad[t], minimal[t]);
        }
        double a = model.expectedProfit(expectedLoad, sc, cfg, scip);
        double b = model.expectedProfit(minimal, sc, cfg, scip);
        double best = solved.expectedObjective();
        double tol = 1e-6 * Math.max(1, Math.abs(best));
        assertTrue(best >= a - tol, "optimum " + best + " < expected-load rule " + a);
        assertTrue(best >= b - tol, "optimum " + best + " < psi x max load rule " + b);
        // The battery arbitrage is worth something here: the optimum is strictly better.
        assertTrue(best > Math.max(a, b) + 1, "optimum " + best + " is not clearly better than " + a + " and " + b);
    }

    @Test
    void evaluatingTheOptimalCommitmentGivesTheOptimum() {
        DaCommitmentResult e = model.evaluate(solved.commitment(), solved.scenarios(), cfg, scip);
        assertEquals(solved.expectedObjective(), e.expectedObjective(), 1e-6 * Math.abs(solved.expectedObjective()));
        PlanChecks.assertFeasible(e, cfg);
    }

    @Test
    void textbookFormulationHasTheSameOptimum() {
        DaCommitmentResult t = model.solveScenarios(solved.scenarios(), cfg, scip, DaCommitmentModel.Formulation.TEXTBOOK);
        assertEquals(solved.expectedObjective(), t.expectedObjective(), 1e-6 * Math.abs(solved.expectedObjective()));
        assertTrue(t.binaries() >= solved.binaries());
        PlanChecks.assertFeasible(t, cfg);
    }

    @Test
    void sameSeedGivesTheSameCommitment() {
        DaCommitmentResult again = model.solve(days, cfg, scip);
        assertArrayEquals(solved.commitment(), again.commitment());
        assertEquals(solved.expectedObjective(), again.expectedObjective());
    }

    // ---- errors ----

    @Test
    void loadAboveCapOverPsiIsReportedAsInfeasible() {
        DaCommitmentConfig c = DaCommitmentBruteForceTest.tinyConfig().toBuilder().optCommitmentCapKwh(250).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.solveScenarios(DaCommitmentBruteForceTest.tinyScenarios(), c, scip));
        // scenario 0, hour 2: psi x load = 0.5 x 600 = 300 > 250
        assertTrue(e.getMessage().contains("scenario 0, hour 2"), e.getMessage());
        assertTrue(e.getMessage().contains("commitmentCapKwh = 250"), e.getMessage());
        assertTrue(e.getMessage().contains("raise commitmentCapKwh to at least 300"), e.getMessage());
    }

    @Test
    void fixedCommitmentBelowPsiLoadIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.expectedProfit(new double[] {100, 100, 100}, DaCommitmentBruteForceTest.tinyScenarios(), DaCommitmentBruteForceTest.tinyConfig(), scip));
        assertTrue(e.getMessage().contains("fixedCommitment[1] = 100"), e.getMessage());
        assertTrue(e.getMessage().contains("scenario 1"), e.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> model.expectedProfit(new double[] {500, 500}, DaCommitmentBruteForceTest.tinyScenarios(), DaCommitmentBruteForceTest.tinyConfig(), scip));
        assertTrue(len.getMessage().contains("exactly 3 are required"), len.getMessage());
    }

    @Test
    void badScenarioListsAreRejected() {
        List<Scenario> halves = new ArrayList<>(DaCommitmentBruteForceTest.tinyScenarios());
        halves.set(1, halves.get(1).withProbability(0.5));
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> model.solveScenarios(halves, DaCommitmentBruteForceTest.tinyConfig(), scip));
        assertTrue(sum.getMessage().contains("sum to 0.9"), sum.getMessage());
        List<Scenario> mixed = List.of(DaCommitmentBruteForceTest.tinyScenarios().get(0).withProbability(0.5),
                new Scenario(new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, 0.5));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> model.solveScenarios(mixed, DaCommitmentBruteForceTest.tinyConfig(), scip));
        assertTrue(len.getMessage().contains("scenario 1 has 2 hours but scenario 0 has 3"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.solveScenarios(List.of(), DaCommitmentBruteForceTest.tinyConfig(), scip));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> model.solve(List.of(), cfg, scip));
        assertTrue(none.getMessage().contains("trainingDays is empty"), none.getMessage());
    }
}
