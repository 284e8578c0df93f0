package org.hubprice.models.dacommit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hubprice.common.Seeds;
import org.hubprice.models.milp.LinearExpr;
import org.hubprice.models.milp.MilpModel;
import org.hubprice.models.milp.Sense;
import org.hubprice.models.milp.SolveResult;
import org.hubprice.models.milp.SolverBackend;
import org.hubprice.models.milp.SolverException;
import org.hubprice.models.milp.TerminationStatus;
import org.hubprice.models.milp.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-stage stochastic MILP of docs/model.md section 4. With {@code p̂ = min(p_da, p_rt)} as the
 * surrogate retail price it maximises
 * <pre>
 *   Σ_ω π_ω Σ_t [ (p̂ − p_da)·da_ev + p̂·bss_ev + (p̂ − p_rt)·rt_ev + (p̂ − p_da)·da_rt − p_da·da_bss ] / 1000   ($)
 * </pre>
 * subject to, for every scenario ω and hour t:
 * <pre>
 *   da_ev + da_bss + da_rt = da_com[t]         0 ≤ da_com[t] ≤ cap   (first stage, shared by all ω)
 *   da_ev + bss_ev + rt_ev = load[ω,t]
 *   da_ev ≥ Ψ · load[ω,t]
 *   φ[t] = φ[t−1] + da_bss − bss_ev,  φ[−1] = initial level,  m_φ ≤ φ[t] ≤ M_φ
 *   m_ch·x ≤ da_bss ≤ R_ch·x,  m_dch·y ≤ bss_ev ≤ R_dch·y,  x + y ≤ 1,  x, y binary,  flows ≥ 0
 * </pre>
 *
 * <p>The feasible set is exactly that of docs/model.md, but the default {@link Formulation#TIGHT}
 * formulation passes the solver the bounds that the rows imply, because tight bounds make the
 * LP relaxation (and so branch and bound) stronger: {@code Ψ·L ≤ da_ev ≤ L}, {@code rt_ev ≤ (1−Ψ)·L}, {@code bss_ev ≤ min(R_dch,
 * (1−Ψ)·L, M_φ − m_φ)} (the same number replaces R_dch as the big-M of {@code y}),
 * {@code da_bss ≤ min(R_ch, M_φ − m_φ, cap)}, and a binary whose tightened limit is below its
 * minimum rate is fixed to 0 with its rows left out. Row {@code da_ev ≥ Ψ·L} is a bound.
 * {@link Formulation#TEXTBOOK} states the rows as written; both give the same optimum (a test
 * and the {@code bench da-commit} command check this, the latter also timing both).
 *
 * <p>The model is feasible exactly when {@code Ψ·load[ω,t] ≤ cap} for every scenario and hour
 * (then no battery use and buying the rest in RT is feasible); this is checked up front so that
 * an infeasible instance is reported with the scenario, the hour and the setting to change.
 *
 * <p>Stateless and thread-safe.
 */
public final class DaCommitmentModel {
    private static final Logger LOG = LoggerFactory.getLogger(DaCommitmentModel.class);
    /** Integrality tolerance when reading the binaries back. */
    private static final double INTEGRALITY_TOL = 1e-6;

    /**
     * Reduces {@code trainingDays} to {@code cfg.scenarios()} scenarios (seeded from
     * {@code cfg.seed()}) and solves the commitment for them.
     */
    public DaCommitmentResult solve(List<DayProfile> trainingDays, DaCommitmentConfig cfg, SolverBackend backend) {
        requireArgs(cfg, backend);
        if (trainingDays == null || trainingDays.isEmpty()) {
            throw new IllegalArgumentException("trainingDays is " + (trainingDays == null ? "missing" : "empty")
                    + "; the commitment needs at least k = " + cfg.scenarios() + " training days");
        }
        long t0 = System.nanoTime();
        List<Scenario> scenarios = ScenarioReduction.reduce(trainingDays, cfg.scenarios(), reductionSeed(cfg.seed()),
                cfg.kmeansMaxIterations());
        LOG.info("reduced {} training days to {} scenarios in {} s", trainingDays.size(), scenarios.size(),
                String.format(Locale.ROOT, "%.3f", (System.nanoTime() - t0) / 1e9));
        return solveScenarios(scenarios, cfg, backend);
    }

    /** The seed handed to {@link ScenarioReduction} for a configuration seed (a named stream of it). */
    public static long reductionSeed(long seed) {
        return Seeds.derive(seed, "scenario-reduction");
    }

    /**
     * Solves the two-stage MILP for the given scenarios (all of the same length, probabilities
     * summing to 1 within 1e-9).
     */
    public DaCommitmentResult solveScenarios(List<Scenario> scenarios, DaCommitmentConfig cfg, SolverBackend backend) {
        return solveScenarios(scenarios, cfg, backend, Formulation.TIGHT);
    }

    /**
     * {@link #solveScenarios(List, DaCommitmentConfig, SolverBackend)} with a chosen
     * formulation; both have the same optimum (the benchmark compares their solve times).
     */
    public DaCommitmentResult solveScenarios(List<Scenario> scenarios, DaCommitmentConfig cfg, SolverBackend backend,
                                             Formulation formulation) {
        requireArgs(cfg, backend);
        if (formulation == null) {
            throw new IllegalArgumentException("formulation is missing; choose one of " + java.util.Arrays.toString(Formulation.values()));
        }
        int hours = checkScenarios(scenarios);
        checkFeasible(scenarios, cfg);
        double[] weights = scenarios.stream().mapToDouble(Scenario::probability).toArray();
        Model f = new Model(scenarios, weights, cfg, null, formulation);
        LOG.info("solving the DA commitment with {}: {} scenarios x {} hours, {} variables ({} binary), {} constraints",
                backend.name(), scenarios.size(), hours, f.model.variables().size(), f.model.integerCount(),
                f.model.constraints().size());
        SolveResult r = backend.solve(f.model, cfg.solveOptions());
        requireOptimal(r, cfg, "the commitment model");
        LOG.info("solved in {} s, expected objective {} $", String.format(Locale.ROOT, "%.3f", r.solveSeconds()),
                String.format(Locale.ROOT, "%.2f", r.objective()));
        double[] values = r.values();
        double[] com = new double[hours];
        for (int t = 0; t < hours; t++) {
            // Clamp solver round-off (e.g. -1e-12) into the declared bounds.
            com[t] = Math.min(cfg.commitmentCapKwh(), Math.max(0, values[f.com[t].index()]));
        }
        List<ScenarioPlan> plans = new ArrayList<>(scenarios.size());
        for (int w = 0; w < scenarios.size(); w++) {
            plans.add(f.plan(w, values));
        }
        return new DaCommitmentResult(com, r.objective(), plans, scenarios, r.solver(), r.solveSeconds(), r.status(),
                f.model.variables().size(), f.model.constraints().size(), f.model.integerCount());
    }

    /**
     * Evaluates a given commitment: the same second-stage model with the first stage fixed to
     * {@code fixedCommitment}. With the first stage fixed the scenarios no longer interact, so
     * each is solved on its own; the result's counts and solve time are summed over them.
     *
     * @throws IllegalArgumentException when the commitment has the wrong length, leaves [0, cap],
     *         or is below Ψ·load in some scenario and hour (which would make that scenario infeasible)
     */
    public DaCommitmentResult evaluate(double[] fixedCommitment, List<Scenario> scenarios, DaCommitmentConfig cfg,
                                       SolverBackend backend) {
        requireArgs(cfg, backend);
        int hours = checkScenarios(scenarios);
        checkFeasible(scenarios, cfg);
        if (fixedCommitment == null || fixedCommitment.length != hours) {
            throw new IllegalArgumentException("fixedCommitment has " + (fixedCommitment == null ? "no" : fixedCommitment.length)
                    + " values; exactly " + hours + " are required (one per hour of the scenarios)");
        }
        for (int t = 0; t < hours; t++) {
            double c = fixedCommitment[t];
            if (!(c >= 0 && c <= cfg.commitmentCapKwh())) {
                throw new IllegalArgumentException("fixedCommitment[" + t + "] = " + c + " is outside the allowed range [0, commitmentCapKwh = "
                        + num(cfg.commitmentCapKwh()) + "]");
            }
            int worst = 0;
            for (int w = 1; w < scenarios.size(); w++) {
                if (scenarios.get(w).load(t) > scenarios.get(worst).load(t)) {
                    worst = w;
                }
            }
            double load = scenarios.get(worst).load(t);
            double need = cfg.psi() * load;
            if (c < need - 1e-9 * Math.max(1, need)) {
                throw new IllegalArgumentException("fixedCommitment[" + t + "] = " + num(c) + " kWh is below psi x load = " + num(cfg.psi())
                        + " x " + num(load) + " = " + num(need) + " kWh of scenario " + worst + ", so that scenario cannot be served; "
                        + "raise the commitment of hour " + t + " to at least " + num(need));
            }
        }
        double expected = 0;
        double seconds = 0;
        int vars = 0;
        int rows = 0;
        int bins = 0;
        String solver = backend.name();
        List<ScenarioPlan> plans = new ArrayList<>(scenarios.size());
        for (int w = 0; w < scenarios.size(); w++) {
            Model f = new Model(List.of(scenarios.get(w)), new double[] {1.0}, cfg, fixedCommitment, Formulation.TIGHT);
            SolveResult r = backend.solve(f.model, cfg.solveOptions());
            requireOptimal(r, cfg, "scenario " + w + " with the commitment fixed");
            double[] values = r.values();
            ScenarioPlan p = f.plan(0, values);
            plans.add(p);
            expected += scenarios.get(w).probability() * r.objective();
            seconds += r.solveSeconds();
            vars += f.model.variables().size();
            rows += f.model.constraints().size();
            bins += f.model.integerCount();
            solver = r.solver();
        }
        return new DaCommitmentResult(fixedCommitment, expected, plans, scenarios, solver, seconds, TerminationStatus.OPTIMAL,
                vars, rows, bins);
    }

    /**
     * The expected profit ($) of a given commitment over the scenarios: {@link #evaluate}'s
     * expected objective.
     */
    public double expectedProfit(double[] fixedCommitment, List<Scenario> scenarios, DaCommitmentConfig cfg, SolverBackend backend) {
        return evaluate(fixedCommitment, scenarios, cfg, backend).expectedObjective();
    }

    /** Two statements of the same MILP. */
    public enum Formulation {
        /**
         * The rows of docs/model.md plus the bounds they imply (the default): tighter LP relaxation,
         * fewer binaries, fewer rows.
         */
        TIGHT,
        /**
         * The rows of docs/model.md as written: flows bounded only below by 0, big-M of x and y the
         * rates R_ch and R_dch, {@code da_ev >= Ψ·L} as a row, every binary free.
         */
        TEXTBOOK
    }

    private static void requireArgs(DaCommitmentConfig cfg, SolverBackend backend) {
        if (cfg == null) {
            throw new IllegalArgumentException("cfg is missing. Maybe DaCommitmentConfig.DEFAULT?");
        }
        if (backend == null) {
            throw new IllegalArgumentException("backend is missing. Maybe Solvers.byName(\"scip\")?");
        }
    }

    private static int checkScenarios(List<Scenario> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios is " + (scenarios == null ? "missing" : "empty") + "; give at least one scenario");
        }
        int hours = scenarios.get(0).hours();
        double sum = 0;
        for (int w = 0; w < scenarios.size(); w++) {
            Scenario s = scenarios.get(w);
            if (s == null) {
                throw new IllegalArgumentException("scenarios[" + w + "] is null");
            }
            if (s.hours() != hours) {
                throw new IllegalArgumentException("scenario " + w + " has " + s.hours() + " hours but scenario 0 has " + hours
                        + "; all scenarios must cover the same hours");
            }
            sum += s.probability();
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("scenario probabilities sum to " + sum + "; they must sum to 1 (within 1e-9). "
                    + "Maybe divide each by " + sum + "?");
        }
        return hours;
    }

    /** The model is feasible iff Ψ·load ≤ cap everywhere; report the first violation precisely. */
    private static void checkFeasible(List<Scenario> scenarios, DaCommitmentConfig cfg) {
        for (int w = 0; w < scenarios.size(); w++) {
            Scenario s = scenarios.get(w);
            for (int t = 0; t < s.hours(); t++) {
                double need = cfg.psi() * s.load(t);
                if (need > cfg.commitmentCapKwh()) {
                    throw new IllegalArgumentException("the commitment model is infeasible: scenario " + w + ", hour " + t + " has load "
                            + num(s.load(t)) + " kWh, and psi x load = " + num(need) + " kWh exceeds commitmentCapKwh = "
                            + num(cfg.commitmentCapKwh()) + " (the DA energy that must serve EVs cannot be committed). "
                            + "Maybe raise commitmentCapKwh to at least " + num(need) + " or lower psi to at most "
                            + num(cfg.commitmentCapKwh() / s.load(t)) + "?");
                }
            }
        }
    }

    /** A number without trailing zeros, rounded to 6 decimals, for messages. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros().toPlainString();
    }

    private static void requireOptimal(SolveResult r, DaCommitmentConfig cfg, String what) {
        if (r.status() == TerminationStatus.OPTIMAL) {
            return;
        }
        String hint = switch (r.status()) {
            case TIME_LIMIT -> "; raise solveOptions.timeLimitSeconds (now " + cfg.solveOptions().timeLimitSeconds() + " s) or try another solver";
            case INFEASIBLE -> "; check that initialBatteryKwh lies within the battery limits and psi x load <= commitmentCapKwh";
            default -> "; try another solver (scip or highs)";
        };
        throw new SolverException("solving " + what + " with " + r.solver() + " ended with status " + r.status()
                + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")") + hint);
    }

    /** The MILP of a list of scenarios, with handles on its variables. */
    private static final class Model {
        final MilpModel model = new MilpModel("da-commitment");
        final Variable[] com;
        final Variable[][] daEv;
        final Variable[][] daBss;
        final Variable[][] daRt;
        final Variable[][] bssEv;
        final Variable[][] rtEv;
        final Variable[][] phi;
        final Variable[][] x;
        final Variable[][] y;
        final double[] weights;

        Model(List<Scenario> scenarios, double[] weights, DaCommitmentConfig cfg, double[] fixedCommitment, Formulation formulation) {
            this.weights = weights;
            double inf = Double.POSITIVE_INFINITY;
            int hours = scenarios.get(0).hours();
            int n = scenarios.size();
            double cap = cfg.commitmentCapKwh();
            double psi = cfg.psi();
            double mPhi = cfg.battery().minimumKwh();
            double bigPhi = cfg.battery().capacityKwh();
            double usable = bigPhi - mPhi;
            com = new Variable[hours];
            for (int t = 0; t < hours; t++) {
                double lo = fixedCommitment == null ? 0 : fixedCommitment[t];
                double hi = fixedCommitment == null ? cap : fixedCommitment[t];
                com[t] = model.addContinuous("da_com[" + t + "]", lo, hi);
            }
            daEv = new Variable[n][hours];
            daBss = new Variable[n][hours];
            daRt = new Variable[n][hours];
            bssEv = new Variable[n][hours];
            rtEv = new Variable[n][hours];
            phi = new Variable[n][hours];
            x = new Variable[n][hours];
            y = new Variable[n][hours];
            LinearExpr obj = LinearExpr.of();
            for (int w = 0; w < n; w++) {
                Scenario s = scenarios.get(w);
                double wt = weights[w] / 1000.0; // $/MWh x kWh / 1000 = $
                for (int t = 0; t < hours; t++) {
                    String at = "[" + w + "," + t + "]";
                    double load = s.load(t);
                    double pda = s.daPrice(t);
                    double prt = s.rtPrice(t);
                    double pHat = Math.min(pda, prt);
                    double chMax;
                    double dchMax;
                    boolean canCharge;
                    boolean canDischarge;
                    if (formulation == Formulation.TIGHT) {
                        chMax = Math.min(Math.min(cfg.battery().chargeRateKw(), usable), cap);
                        dchMax = Math.min(Math.min(cfg.battery().dischargeRateKw(), usable), (1 - psi) * load);
                        canCharge = chMax > 0 && chMax >= cfg.minChargeKw();
                        canDischarge = dchMax > 0 && dchMax >= cfg.minDischargeKw();
                        daEv[w][t] = model.addContinuous("da_ev" + at, psi * load, Math.min(load, cap));
                        daBss[w][t] = model.addContinuous("da_bss" + at, 0, canCharge ? chMax : 0);
                        daRt[w][t] = model.addContinuous("da_rt" + at, 0, cap);
                        bssEv[w][t] = model.addContinuous("bss_ev" + at, 0, canDischarge ? dchMax : 0);
                        rtEv[w][t] = model.addContinuous("rt_ev" + at, 0, (1 - psi) * load);
                    } else {
                        chMax = cfg.battery().chargeRateKw();
                        dchMax = cfg.battery().dischargeRateKw();
                        canCharge = true;
                        canDischarge = true;
                        daEv[w][t] = model.addContinuous("da_ev" + at, 0, inf);
                        daBss[w][t] = model.addContinuous("da_bss" + at, 0, inf);
                        daRt[w][t] = model.addContinuous("da_rt" + at, 0, inf);
                        bssEv[w][t] = model.addContinuous("bss_ev" + at, 0, inf);
                        rtEv[w][t] = model.addContinuous("rt_ev" + at, 0, inf);
                        model.addGreaterOrEqual("psi_share" + at, LinearExpr.of().add(daEv[w][t]), psi * load);
                    }
                    phi[w][t] = model.addContinuous("phi" + at, mPhi, bigPhi);
                    x[w][t] = canCharge ? model.addBinary("x" + at) : model.addContinuous("x" + at, 0, 0);
                    y[w][t] = canDischarge ? model.addBinary("y" + at) : model.addContinuous("y" + at, 0, 0);

                    model.addEquality("commit" + at, LinearExpr.of().add(daEv[w][t]).add(daBss[w][t]).add(daRt[w][t]).add(-1, com[t]), 0);
                    model.addEquality("load" + at, LinearExpr.of().add(daEv[w][t]).add(bssEv[w][t]).add(rtEv[w][t]), load);
                    LinearExpr bal = LinearExpr.of().add(phi[w][t]).add(-1, daBss[w][t]).add(bssEv[w][t]);
                    if (t == 0) {
                        model.addEquality("battery" + at, bal, cfg.initialBatteryKwh());
                    } else {
                        model.addEquality("battery" + at, bal.add(-1, phi[w][t - 1]), 0);
                    }
                    if (canCharge) {
                        if (cfg.minChargeKw() > 0 || formulation == Formulation.TEXTBOOK) {
                            model.addGreaterOrEqual("charge_min" + at, LinearExpr.of().add(daBss[w][t]).add(-cfg.minChargeKw(), x[w][t]), 0);
                        }
                        model.addLessOrEqual("charge_max" + at, LinearExpr.of().add(daBss[w][t]).add(-chMax, x[w][t]), 0);
                    }
                    if (canDischarge) {
                        if (cfg.minDischargeKw() > 0 || formulation == Formulation.TEXTBOOK) {
                            model.addGreaterOrEqual("discharge_min" + at, LinearExpr.of().add(bssEv[w][t]).add(-cfg.minDischargeKw(), y[w][t]), 0);
                        }
                        model.addLessOrEqual("discharge_max" + at, LinearExpr.of().add(bssEv[w][t]).add(-dchMax, y[w][t]), 0);
                    }
                    if (canCharge && canDischarge) {
                        model.addLessOrEqual("charge_or_discharge" + at, LinearExpr.of().add(x[w][t]).add(y[w][t]), 1);
                    }
                    addTerm(obj, wt * (pHat - pda), daEv[w][t]);
                    addTerm(obj, wt * pHat, bssEv[w][t]);
                    addTerm(obj, wt * (pHat - prt), rtEv[w][t]);
                    addTerm(obj, wt * (pHat - pda), daRt[w][t]);
                    addTerm(obj, -wt * pda, daBss[w][t]);
                }
            }
            model.setObjective(obj, Sense.MAXIMIZE);
        }

        private static void addTerm(LinearExpr e, double coef, Variable v) {
            if (coef != 0) {
                e.add(coef, v);
            }
        }

        ScenarioPlan plan(int w, double[] values) {
            int hours = com.length;
            double[] a = new double[hours];
            double[] b = new double[hours];
            double[] c = new double[hours];
            double[] d = new double[hours];
            double[] e = new double[hours];
            double[] f = new double[hours];
            boolean[] xs = new boolean[hours];
            boolean[] ys = new boolean[hours];
            double profit = 0;
            for (int t = 0; t < hours; t++) {
                a[t] = values[daEv[w][t].index()];
                b[t] = values[daBss[w][t].index()];
                c[t] = values[daRt[w][t].index()];
                d[t] = values[bssEv[w][t].index()];
                e[t] = values[rtEv[w][t].index()];
                f[t] = values[phi[w][t].index()];
                xs[t] = binary(values[x[w][t].index()], x[w][t]);
                ys[t] = binary(values[y[w][t].index()], y[w][t]);
            }
            // The scenario's own profit, from the objective's coefficients (which carry weight/1000).
            LinearExpr obj = model.objective();
            for (int k = 0; k < obj.size(); k++) {
                int col = obj.variableAt(k);
                if (belongsTo(w, col)) {
                    profit += obj.coefficientAt(k) * values[col];
                }
            }
            return new ScenarioPlan(a, b, c, d, e, f, xs, ys, profit / weights[w]);
        }

        private boolean belongsTo(int w, int col) {
            // Columns of scenario w lie between its first and last variable (they are created in order).
            return col >= daEv[w][0].index() && col <= y[w][com.length - 1].index();
        }

        private static boolean binary(double v, Variable var) {
            double r = Math.rint(v);
            if (Math.abs(v - r) > INTEGRALITY_TOL || (r != 0 && r != 1)) {
                throw new SolverException("the solver returned " + var.name() + " = " + v + ", which is not binary within "
                        + INTEGRALITY_TOL);
            }
            return r == 1;
        }
    }
}
