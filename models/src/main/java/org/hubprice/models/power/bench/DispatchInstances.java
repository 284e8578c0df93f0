package org.hubprice.models.power.bench;

import java.util.SplittableRandom;
import org.hubprice.common.Check;
import org.hubprice.common.Seeds;
import org.hubprice.models.power.BatteryLimits;
import org.hubprice.models.power.DispatchResult;
import org.hubprice.models.power.PowerDispatcher;

/**
 * A fixed set of power-management instances, generated up front from one seed. Instance
 * {@code i} is in regime {@code Regime.values()[i % 13]}, so every regime gets
 * {@code n / 13} instances (±1). Stored as parallel arrays so that a timing loop reads
 * them without allocating. Same {@code (n, seed)} gives bit-identical instances.
 */
public final class DispatchInstances {
    private static final Regime[] REGIMES = Regime.values();
    /** Floor of the retail reference price, $/MWh (docs/model.md section 5 needs a positive one). */
    private static final double PRICE_FLOOR = 1.0;

    private final double[] load;
    private final double[] commitment;
    private final double[] evPrice;
    private final double[] daPrice;
    private final double[] rtPrice;
    private final double[] batteryEnergy;
    private final double[] batteryCostBasis;
    private final BatteryLimits[] limits;
    private final Regime[] regime;

    private DispatchInstances(int n) {
        load = new double[n];
        commitment = new double[n];
        evPrice = new double[n];
        daPrice = new double[n];
        rtPrice = new double[n];
        batteryEnergy = new double[n];
        batteryCostBasis = new double[n];
        limits = new BatteryLimits[n];
        regime = new Regime[n];
    }

    /**
     * @param n number of instances, {@code >= 1}
     * @param seed root seed; the instances come from its {@code dispatch-instances} stream
     */
    public static DispatchInstances generate(int n, long seed) {
        Check.positive("instances", n);
        DispatchInstances s = new DispatchInstances(n);
        SplittableRandom rnd = Seeds.stream(seed, "dispatch-instances");
        for (int i = 0; i < n; i++) {
            s.fill(i, REGIMES[i % REGIMES.length], rnd);
        }
        return s;
    }

    private void fill(int i, Regime r, SplittableRandom rnd) {
        BatteryLimits lim = BatteryLimits.DEFAULT;
        double m = lim.minimumKwh();
        double cap = lim.capacityKwh();
        double pda = uniform(rnd, 10, 150);
        double prt = uniform(rnd, 10, 200);
        double pphi = uniform(rnd, 10, 100);
        double l = uniform(rnd, 0, 6000);
        double c = uniform(rnd, 0, 6000);
        double phi = uniform(rnd, m, cap);
        switch (r) {
            case SURPLUS_BATTERY_HAS_ROOM -> {
                l = uniform(rnd, 0, 3000);
                c = l + uniform(rnd, 1, 5000);
                phi = uniform(rnd, m, cap);
            }
            case SURPLUS_BATTERY_FULL -> {
                l = uniform(rnd, 0, 3000);
                c = l + uniform(rnd, 1, 5000);
                phi = cap;
            }
            case SHORTFALL_BATTERY_CHEAPER_THAN_RT -> {
                c = uniform(rnd, 0, 3000);
                l = c + uniform(rnd, 1, 5000);
                pphi = prt - uniform(rnd, 0.01, 50);
            }
            case SHORTFALL_BATTERY_DEARER_THAN_RT -> {
                c = uniform(rnd, 0, 3000);
                l = c + uniform(rnd, 1, 5000);
                pphi = prt + uniform(rnd, 0.01, 50);
            }
            case BATTERY_AT_MINIMUM -> {
                c = uniform(rnd, 0, 3000);
                l = c + uniform(rnd, 1, 5000);
                pphi = prt - uniform(rnd, 0.01, 50);
                phi = m;
            }
            case BATTERY_BELOW_MINIMUM -> phi = uniform(rnd, 0, m);
            case BATTERY_EMPTY -> {
                phi = 0;
                if (rnd.nextBoolean()) {
                    lim = new BatteryLimits(cap, 0, lim.chargeRateKw(), lim.dischargeRateKw());
                }
                pphi = uniform(rnd, 0, 100);
            }
            case NEGATIVE_PRICES -> {
                pda = uniform(rnd, -50, 30);
                prt = uniform(rnd, -50, 30);
                if (pda >= 0 && prt >= 0) {
                    if (rnd.nextBoolean()) {
                        pda = -pda - 0.01;
                    } else {
                        prt = -prt - 0.01;
                    }
                }
                pphi = uniform(rnd, -30, 60);
            }
            case ZERO_PRICES -> {
                switch (rnd.nextInt(4)) {
                    case 0 -> pda = 0;
                    case 1 -> prt = 0;
                    case 2 -> {
                        pda = 0;
                        prt = 0;
                    }
                    default -> pphi = 0;
                }
            }
            case ZERO_LOAD -> {
                l = 0;
                c = rnd.nextInt(5) == 0 ? 0 : c;
            }
            case TIES -> {
                switch (rnd.nextInt(4)) {
                    case 0 -> pphi = prt;
                    case 1 -> pda = prt;
                    case 2 -> l = c;
                    default -> {
                        pda = prt;
                        pphi = prt;
                    }
                }
            }
            case RANDOM_LIMITS -> {
                double capacity = uniform(rnd, 100, 10000);
                double minimum = rnd.nextInt(4) == 0 ? 0 : uniform(rnd, 0, capacity);
                double chargeRate = rnd.nextInt(6) == 0 ? 0 : uniform(rnd, 0, 5000);
                double dischargeRate = rnd.nextInt(6) == 0 ? 0 : uniform(rnd, 0, 5000);
                lim = new BatteryLimits(capacity, minimum, chargeRate, dischargeRate);
                phi = uniform(rnd, 0, capacity);
            }
            case GENERAL -> {
                l = uniform(rnd, 0, 13500);
                c = uniform(rnd, 0, 10000);
                pda = uniform(rnd, -20, 500);
                prt = uniform(rnd, -20, 1000);
                pphi = uniform(rnd, -10, 300);
                phi = uniform(rnd, 0, cap);
            }
            default -> throw new IllegalStateException("regime " + r + " has no generator");
        }
        double reference = Math.max(Math.min(pda, prt), PRICE_FLOOR);
        load[i] = l;
        commitment[i] = c;
        daPrice[i] = pda;
        rtPrice[i] = prt;
        evPrice[i] = uniform(rnd, 1, 2) * reference;
        batteryEnergy[i] = phi;
        batteryCostBasis[i] = pphi;
        limits[i] = lim;
        regime[i] = r;
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** Runs {@code d} on instance {@code i}. */
    public void dispatch(PowerDispatcher d, int i, DispatchResult out) {
        d.dispatch(load[i], commitment[i], evPrice[i], daPrice[i], rtPrice[i], batteryEnergy[i], batteryCostBasis[i], limits[i], out);
    }

    public int size() {
        return load.length;
    }

    public double load(int i) {
        return load[i];
    }

    public double commitment(int i) {
        return commitment[i];
    }

    public double evPrice(int i) {
        return evPrice[i];
    }

    public double daPrice(int i) {
        return daPrice[i];
    }

    public double rtPrice(int i) {
        return rtPrice[i];
    }

    public double batteryEnergy(int i) {
        return batteryEnergy[i];
    }

    public double batteryCostBasis(int i) {
        return batteryCostBasis[i];
    }

    public BatteryLimits limits(int i) {
        return limits[i];
    }

    public Regime regime(int i) {
        return regime[i];
    }

    /** A one-line description of instance {@code i}, for assertion messages. */
    public String describe(int i) {
        return String.format(java.util.Locale.ROOT,
                "#%d %s: load=%s commitment=%s evPrice=%s daPrice=%s rtPrice=%s batteryEnergy=%s batteryCostBasis=%s %s",
                i, regime[i], load[i], commitment[i], evPrice[i], daPrice[i], rtPrice[i], batteryEnergy[i], batteryCostBasis[i], limits[i]);
    }
}
