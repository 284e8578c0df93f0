package org.hubprice.models.dacommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.hubprice.models.milp.Constraint;
import org.hubprice.models.milp.LinearExpr;
import org.hubprice.models.milp.MilpModel;
import org.hubprice.models.milp.Sense;
import org.hubprice.models.milp.SolveResult;
import org.hubprice.models.milp.SolverBackend;
import org.hubprice.models.milp.Solvers;
import org.hubprice.models.milp.Variable;
import org.hubprice.models.power.BatteryLimits;
import org.junit.jupiter.api.Test;

/**
 * A 2-scenario × 3-hour instance solved by the MILP and by brute force: every (x, y) in
 * {(0,0), (1,0), (0,1)} for each of the 6 (scenario, hour) cells (3^6 = 729 assignments), the
 * remaining LP stated here straight from docs/model.md section 4. The enumeration uses Commons
 * Math's simplex (an LP solver independent of OR-Tools, and fast enough for 729 LPs); the best
 * assignment's LP is then solved again with the SCIP backend, and all three optima must agree.
 */
class DaCommitmentBruteForceTest {
    private final SolverBackend scip = Solvers.byName("scip");

    static DaCommitmentConfig tinyConfig() {
        return DaCommitmentConfig.builder().optPsi(0.5).optBattery(new BatteryLimits(1000, 100, 400, 400))
                .optMinChargeKw(100).optMinDischargeKw(100).optInitialBatteryKwh(300).optCommitmentCapKwh(2000).build();
    }

    static List<Scenario> tinyScenarios() {
        return List.of(
                new Scenario(new double[] {20, 60, 90}, new double[] {30, 50, 140}, new double[] {100, 300, 600}, 0.4),
                new Scenario(new double[] {25, 55, 80}, new double[] {15, 70, 60}, new double[] {50, 400, 500}, 0.6));
    }

    @Test
    void tinyInstanceMatchesBruteForce() {
        DaCommitmentConfig c = tinyConfig();
        List<Scenario> sc = tinyScenarios();
        DaCommitmentResult milp = new DaCommitmentModel().solveScenarios(sc, c, scip);
        PlanChecks.assertFeasible(milp, c);

        int cells = 2 * 3;
        int combos = (int) Math.pow(3, cells);
        double best = Double.NEGATIVE_INFINITY;
        int[] bestMode = null;
        int feasible = 0;
        for (int code = 0; code < combos; code++) {
            int[] mode = new int[cells];
            int rest = code;
            for (int i = 0; i < cells; i++) {
                mode[i] = rest % 3;
                rest /= 3;
            }
            Double v = simplex(lp(sc, c, mode));
            if (v != null) {
                feasible++;
                if (v > best) {
                    best = v;
                    bestMode = mode;
                }
            }
        }
        assertTrue(feasible > 10, "only " + feasible + " of " + combos + " assignments were feasible");
        SolveResult check = scip.solve(lp(sc, c, bestMode)).requireOptimal();
        double tol = 1e-6 * Math.abs(best);
        assertEquals(best, check.objective(), tol, "simplex and SCIP disagree on the best assignment's LP");
        assertEquals(best, milp.expectedObjective(), tol, "MILP optimum differs from the brute-force optimum");

        // The instance is built so that the binaries matter: the battery is used both ways.
        boolean charges = false;
        boolean discharges = false;
        for (ScenarioPlan p : milp.plans()) {
            for (int t = 0; t < 3; t++) {
                charges |= p.charging()[t] && p.daBss()[t] > 1;
                discharges |= p.discharging()[t] && p.bssEv()[t] > 1;
            }
        }
        assertTrue(charges && discharges, "the tiny instance should use the battery both ways");
        double allOff = simplex(lp(sc, c, new int[cells]));
        assertTrue(best > allOff + 0.01, "the battery should be worth something: best " + best + ", no battery " + allOff);
    }

    /** The LP of docs/model.md section 4 with every (x, y) fixed by {@code mode}: 0 idle, 1 charge, 2 discharge. */
    private static MilpModel lp(List<Scenario> sc, DaCommitmentConfig c, int[] mode) {
        int hours = sc.get(0).hours();
        MilpModel m = new MilpModel("brute-force");
        double inf = Double.POSITIVE_INFINITY;
        Variable[] com = new Variable[hours];
        for (int t = 0; t < hours; t++) {
            com[t] = m.addContinuous("com" + t, 0, c.commitmentCapKwh());
        }
        LinearExpr obj = LinearExpr.of();
        for (int w = 0; w < sc.size(); w++) {
            Scenario s = sc.get(w);
            Variable prevPhi = null;
            for (int t = 0; t < hours; t++) {
                int md = mode[w * hours + t];
                double x = md == 1 ? 1 : 0;
                double y = md == 2 ? 1 : 0;
                Variable daEv = m.addContinuous("daEv", 0, inf);
                Variable daBss = m.addContinuous("daBss", c.minChargeKw() * x, c.battery().chargeRateKw() * x);
                Variable daRt = m.addContinuous("daRt", 0, inf);
                Variable bssEv = m.addContinuous("bssEv", c.minDischargeKw() * y, c.battery().dischargeRateKw() * y);
                Variable rtEv = m.addContinuous("rtEv", 0, inf);
                Variable phi = m.addContinuous("phi", c.battery().minimumKwh(), c.battery().capacityKwh());
                m.addEquality("c", LinearExpr.of().add(daEv).add(daBss).add(daRt).add(-1, com[t]), 0);
                m.addEquality("l", LinearExpr.of().add(daEv).add(bssEv).add(rtEv), s.load(t));
                m.addGreaterOrEqual("psi", LinearExpr.of().add(daEv), c.psi() * s.load(t));
                LinearExpr bal = LinearExpr.of().add(phi).add(-1, daBss).add(bssEv);
                if (prevPhi == null) {
                    m.addEquality("b", bal, c.initialBatteryKwh());
                } else {
                    m.addEquality("b", bal.add(-1, prevPhi), 0);
                }
                prevPhi = phi;
                double pda = s.daPrice(t);
                double prt = s.rtPrice(t);
                double hat = Math.min(pda, prt);
                double k = s.probability() / 1000;
                obj.add(k * (hat - pda), daEv).add(k * hat, bssEv).add(k * (hat - prt), rtEv).add(k * (hat - pda), daRt)
                        .add(-k * pda, daBss);
            }
        }
        m.setObjective(obj, Sense.MAXIMIZE);
        return m;
    }

    /** Solves an LP whose variables all have lower bounds >= 0 with Commons Math; null when infeasible. */
    private static Double simplex(MilpModel m) {
        int n = m.variables().size();
        List<LinearConstraint> rows = new ArrayList<>();
        for (Variable v : m.variables()) {
            assertTrue(v.lowerBound() >= 0, "the converter assumes non-negative variables");
            double[] unit = new double[n];
            unit[v.index()] = 1;
            if (v.lowerBound() > 0) {
                rows.add(new LinearConstraint(unit, Relationship.GEQ, v.lowerBound()));
            }
            if (v.upperBound() < Double.POSITIVE_INFINITY) {
                rows.add(new LinearConstraint(unit, Relationship.LEQ, v.upperBound()));
            }
        }
        for (Constraint c : m.constraints()) {
            double[] a = dense(c.expr(), n);
            double k = c.expr().constant();
            if (c.lower() == c.upper()) {
                rows.add(new LinearConstraint(a, Relationship.EQ, c.lower() - k));
            } else {
                if (c.lower() > Double.NEGATIVE_INFINITY) {
                    rows.add(new LinearConstraint(a, Relationship.GEQ, c.lower() - k));
                }
                if (c.upper() < Double.POSITIVE_INFINITY) {
                    rows.add(new LinearConstraint(a, Relationship.LEQ, c.upper() - k));
                }
            }
        }
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000),
                    new LinearObjectiveFunction(dense(m.objective(), n), m.objective().constant()),
                    new LinearConstraintSet(rows), GoalType.MAXIMIZE, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (NoFeasibleSolutionException e) {
            return null;
        }
    }

    private static double[] dense(LinearExpr e, int n) {
        double[] a = new double[n];
        for (int k = 0; k < e.size(); k++) {
            a[e.variableAt(k)] += e.coefficientAt(k);
        }
        return a;
    }
}
