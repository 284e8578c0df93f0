package org.hubprice.env.hub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The books of one hub for one period: prices, EVs, energy flows (kWh), battery state and
 * money ($). A mutable record with public fields, owned by its {@link Hub} and overwritten
 * every period, so that the step loop allocates nothing; copy it ({@link #copyFrom}) to keep it.
 *
 * <p>Identities that hold after every period (checked by the invariant tests):
 * <ul>
 *   <li>{@code daToEv + daToBattery + daToRt == commitment} (all committed DA energy is used);</li>
 *   <li>{@code daToEv + batteryToEv + rtToEv == load} (every EV that plugs in is served);</li>
 *   <li>{@code batteryEnergyAfter == batteryEnergyBefore + daToBattery - batteryToEv};</li>
 *   <li>{@code profit == revenue - energyCost - sellBackLoss}.</li>
 * </ul>
 */
public final class HubPeriod {
    /** Period (hour) index 0..23. */
    public int period;
    /** Price multiplier a the hub chose. */
    public double multiplier;
    /** Reference price m[t] = max(min(p_da, p_rt), floor), $/MWh. */
    public double referencePrice;
    /** Retail price p_ev = a · m[t], $/MWh. */
    public double price;
    /** Day-ahead price of the period, $/MWh. */
    public double daPrice;
    /** Real-time price of the period, $/MWh. */
    public double rtPrice;
    /** EVs that charged at this hub. */
    public int assigned;
    /** EVs that came to this hub, found it too dear and left without charging. */
    public int balked;
    /** EV load L, kWh: the energy of the EVs that charged here. */
    public double load;
    /** DA commitment C of the period, kWh. */
    public double commitment;
    /** DA energy serving EVs, kWh. */
    public double daToEv;
    /** DA energy stored in the battery, kWh. */
    public double daToBattery;
    /** Unused DA energy sold back to RT at min(p_da, p_rt), kWh. */
    public double daToRt;
    /** Battery energy serving EVs, kWh. */
    public double batteryToEv;
    /** RT energy bought for EVs, kWh. */
    public double rtToEv;
    /** Battery energy at the start of the period, kWh. */
    public double batteryEnergyBefore;
    /** Battery cost basis at the start of the period, $/MWh. */
    public double costBasisBefore;
    /** Battery energy after the period, kWh. */
    public double batteryEnergyAfter;
    /** Battery cost basis after the period, $/MWh. */
    public double costBasisAfter;
    /** Retail revenue p_ev · L / 1000, $. */
    public double revenue;
    /** Cost of the energy served to EVs (DA at p_da, battery at its cost basis, RT at p_rt), $. */
    public double energyCost;
    /** Loss on DA energy sold back below its purchase price, (p_da − min(p_da, p_rt)) · daToRt / 1000, $. */
    public double sellBackLoss;
    /** Unit cost of the power served, energyCost / load in $/MWh; 0 when the load is 0. */
    public double unitCost;
    /** Period profit, $ (the power management optimum; the hub's reward). */
    public double profit;

    /** Sets every field to 0. */
    public void clear() {
        period = 0;
        assigned = balked = 0;
        multiplier = referencePrice = price = daPrice = rtPrice = load = commitment = 0;
        daToEv = daToBattery = daToRt = batteryToEv = rtToEv = 0;
        batteryEnergyBefore = costBasisBefore = batteryEnergyAfter = costBasisAfter = 0;
        revenue = energyCost = sellBackLoss = unitCost = profit = 0;
    }

    /** Copies every field from {@code o}. */
    public void copyFrom(HubPeriod o) {
        period = o.period;
        multiplier = o.multiplier;
        referencePrice = o.referencePrice;
        price = o.price;
        daPrice = o.daPrice;
        rtPrice = o.rtPrice;
        assigned = o.assigned;
        balked = o.balked;
        load = o.load;
        commitment = o.commitment;
        daToEv = o.daToEv;
        daToBattery = o.daToBattery;
        daToRt = o.daToRt;
        batteryToEv = o.batteryToEv;
        rtToEv = o.rtToEv;
        batteryEnergyBefore = o.batteryEnergyBefore;
        costBasisBefore = o.costBasisBefore;
        batteryEnergyAfter = o.batteryEnergyAfter;
        costBasisAfter = o.costBasisAfter;
        revenue = o.revenue;
        energyCost = o.energyCost;
        sellBackLoss = o.sellBackLoss;
        unitCost = o.unitCost;
        profit = o.profit;
    }

    /**
     * The period as an ordered map with the info keys documented in the env README
     * ({@code sellBack} is {@link #daToRt}; battery state is the state after the period).
     * Allocates: for the map-based API and reports, not the fast path.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", period);
        m.put("price", price);
        m.put("multiplier", multiplier);
        m.put("referencePrice", referencePrice);
        m.put("daPrice", daPrice);
        m.put("rtPrice", rtPrice);
        m.put("assigned", assigned);
        m.put("balked", balked);
        m.put("load", load);
        m.put("commitment", commitment);
        m.put("daToEv", daToEv);
        m.put("daToBattery", daToBattery);
        m.put("sellBack", daToRt);
        m.put("batteryToEv", batteryToEv);
        m.put("rtToEv", rtToEv);
        m.put("batteryEnergy", batteryEnergyAfter);
        m.put("batteryCostBasis", costBasisAfter);
        m.put("revenue", revenue);
        m.put("energyCost", energyCost);
        m.put("sellBackLoss", sellBackLoss);
        m.put("unitCost", unitCost);
        m.put("profit", profit);
        return m;
    }

    @Override
    public String toString() {
        return "HubPeriod" + toMap();
    }
}
