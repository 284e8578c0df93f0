package org.hubprice.env.game;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Box;
import org.hubprice.env.hub.Hub;
import org.hubprice.env.hub.HubPeriod;

/**
 * Checks the physical and accounting invariants of a {@link HubPricingEnv} after each step
 * and tallies violations by name. Used by the invariant tests and by {@code hubprice env-check}.
 *
 * <ul>
 *   <li>{@code energyBalance}: all committed DA energy is used
 *       ({@code daToEv + daToBattery + sellBack = commitment}), every EV is served
 *       ({@code daToEv + batteryToEv + rtToEv = load}), the battery rolls forward
 *       ({@code φ' = φ + daToBattery − batteryToEv}), all flows {@code >= 0}, and the load is at
 *       most the hub's EVs times the largest energy one EV can need;</li>
 *   <li>{@code batteryLimits}: {@code minimum <= φ' <= capacity};</li>
 *   <li>{@code evsConserved}: {@code arrivals = Σ assigned + Σ balked + lost};</li>
 *   <li>{@code stationCapacity}: no hub has more EVs than its own stations, and each hub has the
 *       stations the configuration gives it ({@code hubs.stationsPerHub[i]}, else
 *       {@code hubs.stations});</li>
 *   <li>{@code profitIdentity}: reward = revenue − energy cost − sell-back loss;</li>
 *   <li>{@code finite}: rewards, raw and normalised observations and the books are finite;</li>
 *   <li>{@code observationInSpace}: each normalised observation lies in the observation space.</li>
 * </ul>
 * Equalities hold to a relative tolerance of 1e-9 (absolute 1e-6 kWh or $ near zero).
 */
public final class EnvInvariants {
    /** Names of the invariants, in report order. */
    public static final List<String> NAMES = List.of("energyBalance", "batteryLimits", "evsConserved", "stationCapacity",
            "profitIdentity", "finite", "observationInSpace");

    private static final double REL = 1e-9;
    private static final double ABS = 1e-6;

    private final HubPricingEnv env;
    private final Box space;
    private final double maxEnergy;
    /** Each hub's stations as configured, to check the hubs against. */
    private final int[] stations;
    private final long[] violations = new long[NAMES.size()];
    private long steps;
    private String firstViolation;

    public EnvInvariants(HubPricingEnv env) {
        this.env = env;
        this.space = (Box) env.observationSpace(env.possibleAgents().get(0));
        this.maxEnergy = env.energyModel().maxEnergyKwh();
        this.stations = env.config().hubs().stationsArray();
    }

    /** Checks the last step; returns true when every invariant holds. Allocates only on a violation. */
    public boolean check() {
        steps++;
        boolean ok = true;
        int assigned = 0;
        int balked = 0;
        for (int i = 0; i < env.hubCount(); i++) {
            Hub hub = env.hub(i);
            HubPeriod p = env.period(i);
            assigned += p.assigned;
            balked += p.balked;
            ok &= expect(0, near(p.daToEv + p.daToBattery + p.daToRt, p.commitment), i, "DA use", p.daToEv + p.daToBattery + p.daToRt,
                    p.commitment);
            ok &= expect(0, near(p.daToEv + p.batteryToEv + p.rtToEv, p.load), i, "EV supply", p.daToEv + p.batteryToEv + p.rtToEv, p.load);
            ok &= expect(0, near(p.batteryEnergyAfter, p.batteryEnergyBefore + p.daToBattery - p.batteryToEv), i, "battery roll",
                    p.batteryEnergyAfter, p.batteryEnergyBefore + p.daToBattery - p.batteryToEv);
            ok &= expect(0, p.daToEv >= -ABS && p.daToBattery >= -ABS && p.daToRt >= -ABS && p.batteryToEv >= -ABS && p.rtToEv >= -ABS,
                    i, "non-negative flows", Math.min(Math.min(p.daToEv, p.daToBattery), Math.min(p.daToRt, Math.min(p.batteryToEv, p.rtToEv))), 0);
            ok &= expect(0, p.load >= 0 && p.load <= p.assigned * maxEnergy + ABS, i, "load within EVs x max energy", p.load,
                    p.assigned * maxEnergy);
            ok &= expect(1, p.batteryEnergyAfter >= hub.limits().minimumKwh() - ABS && p.batteryEnergyAfter <= hub.limits().capacityKwh() + ABS,
                    i, "battery energy within [minimum, capacity]", p.batteryEnergyAfter, hub.limits().capacityKwh());
            ok &= expect(1, near(hub.batteryEnergy(), p.batteryEnergyAfter), i, "hub battery = books", hub.batteryEnergy(), p.batteryEnergyAfter);
            ok &= expect(3, hub.stations() == stations[i], i, "hub stations = configured stations", hub.stations(), stations[i]);
            ok &= expect(3, p.assigned >= 0 && p.assigned <= stations[i], i, "EVs within the hub's stations", p.assigned, stations[i]);
            ok &= expect(4, near(env.reward(i), p.revenue - p.energyCost - p.sellBackLoss), i, "reward = revenue - cost - sell-back loss",
                    env.reward(i), p.revenue - p.energyCost - p.sellBackLoss);
            ok &= expect(5, finite(p) && Double.isFinite(env.reward(i)) && finite(env.rawObservation(i)) && finite(env.observation(i)), i,
                    "finite values", env.reward(i), 0);
            ok &= expect(6, space.contains(env.observation(i)), i, "observation in space", 0, 0);
        }
        int arrivals = env.lastArrivals();
        int total = assigned + balked + env.lastLost();
        ok &= expect(2, arrivals == total, -1, "arrivals = assigned + balked + lost", arrivals, total);
        return ok;
    }

    private boolean expect(int invariant, boolean holds, int hub, String what, double got, double want) {
        if (holds) {
            return true;
        }
        violations[invariant]++;
        if (firstViolation == null) {
            firstViolation = NAMES.get(invariant) + ": " + what + (hub >= 0 ? " at hub_" + hub : "") + ", day " + env.dayIndex()
                    + ", period " + (env.currentPeriod() - 1) + " (got " + got + ", expected " + want + ")";
        }
        return false;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= Math.max(ABS, REL * Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(HubPeriod p) {
        double s = p.multiplier + p.referencePrice + p.price + p.load + p.commitment + p.daToEv + p.daToBattery + p.daToRt + p.batteryToEv
                + p.rtToEv + p.batteryEnergyBefore + p.costBasisBefore + p.batteryEnergyAfter + p.costBasisAfter + p.revenue + p.energyCost
                + p.sellBackLoss + p.unitCost + p.profit;
        // A sum of finite values can overflow only far beyond any physical magnitude here.
        return Double.isFinite(s);
    }

    /** Steps checked. */
    public long steps() {
        return steps;
    }

    /** Violations of invariant {@code name}. */
    public long violations(String name) {
        int k = NAMES.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("invariant '" + name + "' is not known; the invariants are " + NAMES);
        }
        return violations[k];
    }

    /** Total violations of all invariants. */
    public long totalViolations() {
        long s = 0;
        for (long v : violations) {
            s += v;
        }
        return s;
    }

    /** The first violation seen, described, or null when none. */
    public String firstViolation() {
        return firstViolation;
    }

    /** Violations per invariant, in {@link #NAMES} order. */
    public Map<String, Long> summary() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int k = 0; k < NAMES.size(); k++) {
            m.put(NAMES.get(k), violations[k]);
        }
        return m;
    }
}
