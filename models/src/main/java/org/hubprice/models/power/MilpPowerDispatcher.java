package org.hubprice.models.power;

import java.util.Locale;
import java.util.Objects;
import org.hubprice.models.milp.LinearExpr;
import org.hubprice.models.milp.MilpModel;
import org.hubprice.models.milp.Sense;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.milp.SolveResult;
import org.hubprice.models.milp.SolverBackend;
import org.hubprice.models.milp.SolverException;
import org.hubprice.models.milp.Variable;

/**
 * The reference dispatcher: builds the docs/model.md section 3 MILP exactly as written (binaries
 * {@code x}, {@code y} with {@code x + y ≤ 1}, unclamped headroom coefficients) and hands it
 * to a {@link SolverBackend}. It is slow (one solver call per period) and exists to audit
 * {@link ClosedFormDispatcher}, which must agree with it on the objective for every input.
 *
 * <p>The instance is stateless apart from its backend and options; every call builds a
 * fresh model, so no state from one solve can leak into the next.
 */
public final class MilpPowerDispatcher implements PowerDispatcher {
    /** Registry name used by {@link PowerDispatchers#byName}. */
    public static final String NAME = "milp";

    private final SolverBackend backend;
    private final SolveOptions options;

    /** A dispatcher solving with {@code backend} under {@link SolveOptions#DEFAULT}. */
    public MilpPowerDispatcher(SolverBackend backend) {
        this(backend, SolveOptions.DEFAULT);
    }

    public MilpPowerDispatcher(SolverBackend backend, SolveOptions options) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The backend this dispatcher solves with. */
    public SolverBackend backend() {
        return backend;
    }

    /** The section-3 MILP of one period and handles to its columns. */
    public record PeriodModel(MilpModel model, Variable daToEv, Variable daToBattery, Variable daToRt,
                              Variable batteryToEv, Variable rtToEv, Variable charging, Variable discharging) {}

    /**
     * Builds the section-3 MILP for one period, term by term as docs/model.md writes it
     * (objective in $/MWh·kWh, i.e. 1000 × the profit in $). Inputs are not validated here.
     */
    public static PeriodModel buildModel(double load, double commitment, double evPrice, double daPrice, double rtPrice,
                                         double batteryEnergy, double batteryCostBasis, BatteryLimits limits) {
        MilpModel m = new MilpModel("power-management");
        double inf = Double.POSITIVE_INFINITY;
        Variable daEv = m.addContinuous("da_ev", 0, inf);
        Variable daBss = m.addContinuous("da_bss", 0, inf);
        Variable daRt = m.addContinuous("da_rt", 0, inf);
        Variable bssEv = m.addContinuous("bss_ev", 0, inf);
        Variable rtEv = m.addContinuous("rt_ev", 0, inf);
        Variable x = m.addBinary("x");
        Variable y = m.addBinary("y");

        m.addEquality("da_serves_ev_first", LinearExpr.of().add(daEv), Math.min(load, commitment));
        m.addEquality("da_balance", LinearExpr.of().add(daEv).add(daBss).add(daRt), commitment);
        m.addEquality("ev_balance", LinearExpr.of().add(daEv).add(bssEv).add(rtEv), load);
        double chargeCap = Math.min(limits.chargeRateKw(), limits.capacityKwh() - batteryEnergy);
        m.addLessOrEqual("charge_limit", LinearExpr.of().add(daBss).add(-chargeCap, x), 0);
        double dischargeCap = Math.min(limits.dischargeRateKw(), batteryEnergy - limits.minimumKwh());
        m.addLessOrEqual("discharge_limit", LinearExpr.of().add(bssEv).add(-dischargeCap, y), 0);
        m.addLessOrEqual("charge_or_discharge", LinearExpr.of().add(x).add(y), 1);

        LinearExpr objective = LinearExpr.of()
                .add(evPrice - daPrice, daEv)
                .add(evPrice - batteryCostBasis, bssEv)
                .add(evPrice - rtPrice, rtEv)
                .add(Math.min(daPrice, rtPrice) - daPrice, daRt);
        m.setObjective(objective, Sense.MAXIMIZE);
        return new PeriodModel(m, daEv, daBss, daRt, bssEv, rtEv, x, y);
    }

    @Override
    public void dispatch(double load, double commitment, double evPrice, double daPrice, double rtPrice,
                         double batteryEnergy, double batteryCostBasis, BatteryLimits limits, DispatchResult out) {
        ClosedFormDispatcher.validate(load, commitment, evPrice, daPrice, rtPrice, batteryEnergy, batteryCostBasis, limits, out);
        PeriodModel pm = buildModel(load, commitment, evPrice, daPrice, rtPrice, batteryEnergy, batteryCostBasis, limits);
        SolveResult res = backend.solve(pm.model(), options);
        if (!res.isOptimal()) {
            // The model is always feasible and bounded (RT absorbs any imbalance), so anything
            // but OPTIMAL is a solver failure; say which instance caused it.
            throw new SolverException(String.format(Locale.ROOT,
                    "power MILP not solved to optimality by %s: status %s (%s) for load=%s, commitment=%s, evPrice=%s, "
                            + "daPrice=%s, rtPrice=%s, batteryEnergy=%s, batteryCostBasis=%s, limits=%s",
                    res.solver(), res.status(), res.detail(), load, commitment, evPrice, daPrice, rtPrice,
                    batteryEnergy, batteryCostBasis, limits));
        }
        out.daToEv = res.value(pm.daToEv());
        out.daToBattery = res.value(pm.daToBattery());
        out.daToRt = res.value(pm.daToRt());
        out.batteryToEv = res.value(pm.batteryToEv());
        out.rtToEv = res.value(pm.rtToEv());
        out.profit = res.objective() / 1000.0;
        ClosedFormDispatcher.rollForward(batteryEnergy, batteryCostBasis, daPrice, out.daToBattery, out.batteryToEv, out);
    }

    @Override
    public String name() {
        return NAME;
    }
}
