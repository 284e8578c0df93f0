package org.hubprice.models.power.bench;

/**
 * The situations a power-management instance can be in. Each exercises a different branch
 * (or a boundary between branches) of the closed form, so that a test drawing instances
 * round-robin over the regimes covers all of them evenly.
 */
public enum Regime {
    /** DA commitment above the load, battery between its minimum and capacity. */
    SURPLUS_BATTERY_HAS_ROOM,
    /** DA commitment above the load, battery exactly at capacity: nothing can be stored. */
    SURPLUS_BATTERY_FULL,
    /** Load above the commitment, stored energy cheaper than RT: the battery discharges. */
    SHORTFALL_BATTERY_CHEAPER_THAN_RT,
    /** Load above the commitment, stored energy dearer than RT: RT covers the shortfall. */
    SHORTFALL_BATTERY_DEARER_THAN_RT,
    /** Load above the commitment, battery exactly at its minimum: nothing can be discharged. */
    BATTERY_AT_MINIMUM,
    /** Battery strictly below its minimum (negative discharge headroom in the MILP). */
    BATTERY_BELOW_MINIMUM,
    /** Battery empty (0 kWh), with the default minimum or with a zero minimum. */
    BATTERY_EMPTY,
    /** At least one negative wholesale price (cost basis possibly negative too). */
    NEGATIVE_PRICES,
    /** At least one wholesale price (or the cost basis) exactly zero. */
    ZERO_PRICES,
    /** No EV load at all. */
    ZERO_LOAD,
    /** Exact ties: p_φ = p_rt, p_da = p_rt, load = commitment, or all prices equal. */
    TIES,
    /** Random battery limits, including zero rates and a zero minimum. */
    RANDOM_LIMITS,
    /** Wide ranges for every input, up to a full hub (13 500 kWh) and a 10 000 kWh commitment. */
    GENERAL
}
