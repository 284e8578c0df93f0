package org.hubprice.models.milp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SolverBackend} must show, inherited by one test class per
 * backend. Models are tiny and their optima known in closed form; values are compared to
 * {@value #TOL}, the order of the solvers' default feasibility tolerances.
 */
abstract class SolverBackendContractTest {
    static final double TOL = 1e-6;

    /** The backend under test; called once per test. */
    protected abstract SolverBackend backend();

    /** Override to skip (with a visible reason) when the backend cannot run here. */
    protected void assumeAvailable() {}

    private SolverBackend solver;

    @BeforeEach
    void setUp() {
        assumeAvailable();
        solver = backend();
        assertNotNull(solver);
    }

    @Test
    void solvesAFeasibleLp() {
        // max 3x + 2y  s.t. x + y <= 4, x + 3y <= 6, x <= 3  ->  x = 3, y = 1, objective 11.
        MilpModel m = new MilpModel("lp");
        Variable x = m.addContinuous("x", 0, 3);
        Variable y = m.addContinuous("y", 0, Double.POSITIVE_INFINITY);
        m.addLessOrEqual("c1", LinearExpr.of().add(x).add(y), 4);
        m.addLessOrEqual("c2", LinearExpr.of().add(x).add(3, y), 6);
        m.setObjective(LinearExpr.of().add(3, x).add(2, y), Sense.MAXIMIZE);
        SolveResult r = solver.solve(m);
        assertEquals(TerminationStatus.OPTIMAL, r.status(), r::detail);
        assertEquals(solver.name(), r.solver());
        assertEquals(11, r.objective(), TOL);
        assertEquals(3, r.value(x), TOL);
        assertEquals(1, r.value(y), TOL);
        assertTrue(m.maxViolation(r.values()) <= TOL);
    }

    @Test
    void milpOptimumDiffersFromTheRoundedLpRelaxation() {
        // max 5x + 4y  s.t. 6x + 4y <= 24, x + 2y <= 6.
        // LP relaxation: (3, 1.5), objective 21, fractional; rounding down gives (3, 1) = 19,
        // but the integer optimum is (4, 0) = 20.
        MilpModel relaxed = knapsack(false);
        SolveResult lp = solver.solve(relaxed);
        assertEquals(TerminationStatus.OPTIMAL, lp.status(), lp::detail);
        assertEquals(21, lp.objective(), TOL);
        assertEquals(1.5, lp.values()[1], TOL);

        MilpModel integer = knapsack(true);
        SolveResult r = solver.solve(integer);
        assertEquals(TerminationStatus.OPTIMAL, r.status(), r::detail);
        assertEquals(20, r.objective(), TOL);
        assertArrayEquals(new double[] {4, 0}, r.values(), TOL);
        assertTrue(integer.maxViolation(r.values()) <= TOL, "integrality and rows hold");
    }

    private static MilpModel knapsack(boolean integer) {
        MilpModel m = new MilpModel(integer ? "milp" : "relaxation");
        Variable x = integer ? m.addInteger("x", 0, 100) : m.addContinuous("x", 0, 100);
        Variable y = integer ? m.addInteger("y", 0, 100) : m.addContinuous("y", 0, 100);
        m.addLessOrEqual("c1", LinearExpr.of().add(6, x).add(4, y), 24);
        m.addLessOrEqual("c2", LinearExpr.of().add(x).add(2, y), 6);
        m.setObjective(LinearExpr.of().add(5, x).add(4, y), Sense.MAXIMIZE);
        return m;
    }

    @Test
    void reportsAnInfeasibleLp() {
        MilpModel m = new MilpModel("infeasible-lp");
        Variable x = m.addContinuous("x", 0, 10);
        Variable y = m.addContinuous("y", 0, 10);
        m.addGreaterOrEqual("at-least-5", LinearExpr.of().add(x).add(y), 5);
        m.addLessOrEqual("at-most-3", LinearExpr.of().add(x).add(y), 3);
        m.setObjective(LinearExpr.of().add(x), Sense.MINIMIZE);
        assertEquals(TerminationStatus.INFEASIBLE, solver.solve(m).status());
    }

    @Test
    void reportsAMilpWhoseRelaxationIsFeasibleButIntegersAreNot() {
        // 2x = 1 has the LP solution x = 0.5 and no integer one.
        MilpModel m = new MilpModel("infeasible-milp");
        Variable x = m.addInteger("x", -10, 10);
        m.addEquality("odd", LinearExpr.of().add(2, x), 1);
        m.setObjective(LinearExpr.of().add(x), Sense.MAXIMIZE);
        assertEquals(TerminationStatus.INFEASIBLE, solver.solve(m).status());
    }

    @Test
    void reportsAnUnboundedLp() {
        MilpModel m = new MilpModel("unbounded-lp");
        Variable x = m.addContinuous("x", 0, Double.POSITIVE_INFINITY);
        Variable y = m.addContinuous("y", 0, Double.POSITIVE_INFINITY);
        m.addLessOrEqual("c", LinearExpr.of().add(x).add(-1, y), 1);
        m.setObjective(LinearExpr.of().add(x).add(y), Sense.MAXIMIZE);
        SolveResult r = solver.solve(m);
        assertEquals(TerminationStatus.UNBOUNDED, r.status(), r::detail);
    }

    @Test
    void reportsAnUnboundedMilp() {
        // Solvers tend to say "infeasible or unbounded" here; the backend must find out which.
        MilpModel m = new MilpModel("unbounded-milp");
        Variable x = m.addInteger("x", 0, Double.POSITIVE_INFINITY);
        Variable y = m.addInteger("y", 0, Double.POSITIVE_INFINITY);
        m.addLessOrEqual("c", LinearExpr.of().add(x).add(-1, y), 1);
        m.setObjective(LinearExpr.of().add(x).add(y), Sense.MAXIMIZE);
        SolveResult r = solver.solve(m);
        assertEquals(TerminationStatus.UNBOUNDED, r.status(), r::detail);
    }

    @Test
    void honoursEqualityRangedRowsAndConstants() {
        // x - y = 1, 2 <= x + y <= 3, with constants moved across: (x + 1) - y - 1 = 1.
        MilpModel m = new MilpModel("rows");
        Variable x = m.addContinuous("x", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Variable y = m.addContinuous("y", 0, Double.POSITIVE_INFINITY);
        m.addEquality("eq", LinearExpr.of().add(x).add(1).add(-1, y).add(-1), 1);
        m.addConstraint("range", LinearExpr.of().add(x).add(y), 2, 3);
        m.setObjective(LinearExpr.of().add(x).add(2, y).add(10), Sense.MINIMIZE);
        SolveResult min = solver.solve(m);
        assertEquals(TerminationStatus.OPTIMAL, min.status(), min::detail);
        assertEquals(1.5, min.value(x), TOL);
        assertEquals(0.5, min.value(y), TOL);
        assertEquals(12.5, min.objective(), TOL, "the objective includes its constant");

        m.setObjective(LinearExpr.of().add(x).add(2, y).add(10), Sense.MAXIMIZE);
        SolveResult max = solver.solve(m);
        assertEquals(TerminationStatus.OPTIMAL, max.status(), max::detail);
        assertEquals(2, max.value(x), TOL);
        assertEquals(1, max.value(y), TOL);
        assertEquals(14, max.objective(), TOL);
    }

    @Test
    void sumsRepeatedVariables() {
        // x + x + x <= 6 means 3x <= 6; y - y cancels; objective x + x = 2x.
        MilpModel m = new MilpModel("repeats");
        Variable x = m.addContinuous("x", 0, 100);
        Variable y = m.addContinuous("y", 0, 5);
        m.addLessOrEqual("3x", LinearExpr.of().add(x).add(x).add(x), 6);
        m.addLessOrEqual("cancel", LinearExpr.of().add(y).add(-1, y).add(x), 100);
        m.setObjective(LinearExpr.of().add(x).add(x).add(-1, y), Sense.MAXIMIZE);
        SolveResult r = solver.solve(m);
        assertEquals(TerminationStatus.OPTIMAL, r.status(), r::detail);
        assertEquals(2, r.value(x), TOL);
        assertEquals(0, r.value(y), TOL);
        assertEquals(4, r.objective(), TOL);
    }

    @Test
    void readingValuesOfANonOptimalResultThrows() {
        MilpModel m = new MilpModel("infeasible");
        Variable x = m.addContinuous("x", 0, 1);
        m.addGreaterOrEqual("too-much", LinearExpr.of().add(x), 2);
        SolveResult r = solver.solve(m);
        assertFalse(r.isOptimal());
        SolverException e = assertThrows(SolverException.class, r::objective);
        assertTrue(e.getMessage().contains("INFEASIBLE"), e.getMessage());
        assertThrows(SolverException.class, () -> r.value(x));
        assertThrows(SolverException.class, r::values);
        assertThrows(SolverException.class, r::requireOptimal);
    }

    @Test
    void acceptsATimeLimitAndStopsAtIt() {
        SolveResult easy = solver.solve(knapsack(true), SolveOptions.DEFAULT.withTimeLimit(5));
        assertEquals(TerminationStatus.OPTIMAL, easy.status(), easy::detail);

        // A market-split instance (Cornuejols and Dawande 1999: 5 rows, 40 binaries): far beyond
        // what branch and bound settles in a fraction of a second.
        MilpModel hard = marketSplit(5, 40, 7L);
        double limit = 0.5;
        long t0 = System.nanoTime();
        SolveResult r = solver.solve(hard, SolveOptions.DEFAULT.withTimeLimit(limit));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(TerminationStatus.TIME_LIMIT, r.status(), r::detail);
        assertTrue(seconds < limit + 20, "took " + seconds + " s for a " + limit + " s limit");
        assertThrows(SolverException.class, r::values);
    }

    /** Equality knapsack rows sum_j a_ij x_j = floor(sum_j a_ij / 2), a_ij in [0, 99], x binary. */
    static MilpModel marketSplit(int rows, int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MilpModel m = new MilpModel("market-split");
        Variable[] x = new Variable[cols];
        for (int j = 0; j < cols; j++) {
            x[j] = m.addBinary("x" + j);
        }
        for (int i = 0; i < rows; i++) {
            LinearExpr e = LinearExpr.of();
            int total = 0;
            for (int j = 0; j < cols; j++) {
                int a = rnd.nextInt(100);
                total += a;
                e.add(a, x[j]);
            }
            m.addEquality("row" + i, e, Math.floor(total / 2.0));
        }
        m.setObjective(LinearExpr.of(), Sense.MINIMIZE);
        return m;
    }

    @Test
    void isDeterministic() {
        MilpModel m = knapsack(true);
        assertArrayEquals(solver.solve(m).values(), solver.solve(m).values());
    }
}
