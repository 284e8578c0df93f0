package org.hubprice.env.demand;

import java.util.Arrays;

/**
 * Where the EVs of one period went: a mutable out-parameter of
 * {@link HubChoiceModel#assign}, reused every step so that nothing is allocated.
 * Every arriving EV is counted exactly once: {@code arrivals = totalAssigned() + totalBalked() + lost}.
 */
public final class ChoiceOutcome {
    /** EVs charging at hub i this period (never above the hub's free stations). */
    public final int[] assigned;
    /** Price-sensitive EVs that reached hub i, found its price too high and left the market without charging. */
    public final int[] balked;
    /** EVs that found no free station at any hub. */
    public int lost;

    public ChoiceOutcome(int hubs) {
        if (hubs < 1) {
            throw new IllegalArgumentException("hubs = " + hubs + " must be >= 1");
        }
        assigned = new int[hubs];
        balked = new int[hubs];
    }

    /** Number of hubs this outcome has room for. */
    public int hubs() {
        return assigned.length;
    }

    public int totalAssigned() {
        int s = 0;
        for (int a : assigned) {
            s += a;
        }
        return s;
    }

    public int totalBalked() {
        int s = 0;
        for (int b : balked) {
            s += b;
        }
        return s;
    }

    /** Assigned + balked + lost: equals the arrivals of the last {@code assign} call. */
    public int totalArrivals() {
        return totalAssigned() + totalBalked() + lost;
    }

    /** Zeroes every count. */
    public void clear() {
        Arrays.fill(assigned, 0);
        Arrays.fill(balked, 0);
        lost = 0;
    }

    @Override
    public String toString() {
        return "ChoiceOutcome[assigned=" + Arrays.toString(assigned) + ", balked=" + Arrays.toString(balked) + ", lost=" + lost + "]";
    }
}
