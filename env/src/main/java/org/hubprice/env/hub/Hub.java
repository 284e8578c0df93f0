package org.hubprice.env.hub;

import java.util.Arrays;
import java.util.Objects;
import org.hubprice.common.Check;
import org.hubprice.models.power.BatteryLimits;
import org.hubprice.models.power.DispatchResult;
import org.hubprice.models.power.PowerDispatcher;

/**
 * One EV fast-charging hub: {@code stations} chargers (one EV per station per period), a
 * battery with its {@link BatteryLimits}, its stored energy φ and the energy's cost basis p_φ,
 * and a day-ahead commitment of 24 hourly energies. Each period it sources its EV load
 * through a {@link PowerDispatcher} (the exact closed form or the MILP) and books the period
 * in {@link #lastPeriod()}.
 *
 * <p>Mutable and not thread-safe: one hub belongs to one environment. {@link #runPeriod}
 * allocates nothing.
 */
public final class Hub {
    /** Periods per day. */
    public static final int PERIODS = 24;

    private final int index;
    private final int stations;
    private final BatteryLimits limits;
    private final double[] commitment;
    private final PowerDispatcher dispatcher;
    private final DispatchResult dispatch = new DispatchResult();
    private final HubPeriod period = new HubPeriod();
    private double batteryEnergy;
    private double batteryCostBasis;

    /**
     * @param index the hub's position 0..H-1 (used in messages)
     * @param stations number of charging stations, {@code >= 1}
     * @param limits the battery's limits
     * @param commitment 24 DA energies in kWh, each finite and {@code >= 0}; copied
     * @param dispatcher the power management solver
     */
    public Hub(int index, int stations, BatteryLimits limits, double[] commitment, PowerDispatcher dispatcher) {
        this.index = Check.nonNegative("hub index", index);
        this.stations = Check.positive("hub " + index + " stations", stations);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.commitment = Check.nonNegativeArray("hub " + index + " DA commitment", commitment, PERIODS).clone();
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.batteryEnergy = limits.minimumKwh();
        this.batteryCostBasis = 0;
    }

    /**
     * Sets the battery state at the start of a day.
     *
     * @param energyKwh stored energy, within [minimum, capacity] of the battery
     * @param costBasis cost basis of the stored energy in $/MWh, finite
     */
    public void resetBattery(double energyKwh, double costBasis) {
        if (!(energyKwh >= limits.minimumKwh() && energyKwh <= limits.capacityKwh())) {
            throw new IllegalArgumentException("hub " + index + " battery start energy = " + energyKwh
                    + " kWh is outside the battery's range [" + limits.minimumKwh() + ", " + limits.capacityKwh()
                    + "] kWh. Maybe the start comes from a config written for another battery size?");
        }
        Check.finite("hub " + index + " battery start cost basis", costBasis);
        batteryEnergy = energyKwh;
        batteryCostBasis = costBasis;
        period.clear();
        period.batteryEnergyAfter = energyKwh;
        period.costBasisAfter = costBasis;
    }

    /**
     * Runs one period: sources {@code load} from the DA commitment of period {@code t}, the
     * battery and RT at least cost, books the period and rolls the battery forward.
     *
     * @param t period 0..23
     * @param multiplier the price multiplier the hub chose (booked only)
     * @param referencePrice the floored reference price m[t] (booked only)
     * @param evPrice the retail price p_ev
     * @param daPrice the day-ahead price p_da
     * @param rtPrice the real-time price p_rt
     * @param assigned EVs that charged here, {@code 0..stations}
     * @param balked EVs that balked at this hub
     * @param load their energy, kWh
     * @return the period's profit in $
     */
    public double runPeriod(int t, double multiplier, double referencePrice, double evPrice, double daPrice, double rtPrice,
                            int assigned, int balked, double load) {
        if (assigned > stations || assigned < 0) {
            throw new IllegalStateException("hub " + index + " was assigned " + assigned + " EVs but has " + stations
                    + " stations; the choice model must respect the free stations");
        }
        double c = commitment[t];
        double energyBefore = batteryEnergy;
        double basisBefore = batteryCostBasis;
        dispatcher.dispatch(load, c, evPrice, daPrice, rtPrice, energyBefore, basisBefore, limits, dispatch);

        HubPeriod p = period;
        p.period = t;
        p.multiplier = multiplier;
        p.referencePrice = referencePrice;
        p.price = evPrice;
        p.daPrice = daPrice;
        p.rtPrice = rtPrice;
        p.assigned = assigned;
        p.balked = balked;
        p.load = load;
        p.commitment = c;
        p.daToEv = dispatch.daToEv;
        p.daToBattery = dispatch.daToBattery;
        p.daToRt = dispatch.daToRt;
        p.batteryToEv = dispatch.batteryToEv;
        p.rtToEv = dispatch.rtToEv;
        p.batteryEnergyBefore = energyBefore;
        p.costBasisBefore = basisBefore;
        p.batteryEnergyAfter = dispatch.batteryEnergyAfter;
        p.costBasisAfter = dispatch.batteryCostBasisAfter;
        p.revenue = evPrice * load / 1000.0;
        double cost = daPrice * dispatch.daToEv + basisBefore * dispatch.batteryToEv + rtPrice * dispatch.rtToEv;
        p.energyCost = cost / 1000.0;
        p.sellBackLoss = (daPrice - Math.min(daPrice, rtPrice)) * dispatch.daToRt / 1000.0;
        p.unitCost = load > 0 ? cost / load : 0.0;
        p.profit = dispatch.profit;

        batteryEnergy = dispatch.batteryEnergyAfter;
        batteryCostBasis = dispatch.batteryCostBasisAfter;
        return dispatch.profit;
    }

    /** The hub's position 0..H-1. */
    public int index() {
        return index;
    }

    /** Number of charging stations. */
    public int stations() {
        return stations;
    }

    /** The battery's limits. */
    public BatteryLimits limits() {
        return limits;
    }

    /** The DA commitment of period {@code t}, kWh. */
    public double commitment(int t) {
        return commitment[t];
    }

    /** A copy of the 24 DA commitments, kWh. */
    public double[] commitment() {
        return commitment.clone();
    }

    /** Stored energy now, kWh. */
    public double batteryEnergy() {
        return batteryEnergy;
    }

    /** Cost basis of the stored energy now, $/MWh. */
    public double batteryCostBasis() {
        return batteryCostBasis;
    }

    /** The power management solver. */
    public PowerDispatcher dispatcher() {
        return dispatcher;
    }

    /** The books of the last period run (overwritten by the next; cleared by {@link #resetBattery}). */
    public HubPeriod lastPeriod() {
        return period;
    }

    @Override
    public String toString() {
        return "Hub[" + index + ", stations=" + stations + ", " + limits + ", battery=" + batteryEnergy + " kWh @ "
                + batteryCostBasis + " $/MWh, commitment=" + Arrays.toString(commitment) + ", dispatcher=" + dispatcher.name() + "]";
    }
}
