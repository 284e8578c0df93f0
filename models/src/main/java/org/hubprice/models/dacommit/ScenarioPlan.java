package org.hubprice.models.dacommit;

/**
 * The second-stage plan of one scenario: hourly flows in kWh, the battery level after each hour,
 * the charge/discharge decisions and the scenario's profit. Names follow docs/model.md section 4.
 * Arrays are copied in and out.
 *
 * @param daEv da_ev: committed DA energy serving EVs
 * @param daBss da_bss: committed DA energy charging the battery
 * @param daRt da_rt: committed DA energy sold back to RT
 * @param bssEv bss_ev: battery energy serving EVs
 * @param rtEv rt_ev: RT energy bought to serve EVs
 * @param batteryLevel φ[t]: battery energy at the end of hour t
 * @param charging x[t]: whether the battery may charge in hour t
 * @param discharging y[t]: whether the battery may discharge in hour t
 * @param profit the scenario's second-stage objective in $ (not weighted by its probability)
 */
public record ScenarioPlan(double[] daEv, double[] daBss, double[] daRt, double[] bssEv, double[] rtEv,
                           double[] batteryLevel, boolean[] charging, boolean[] discharging, double profit) {
    public ScenarioPlan {
        int h = daEv.length;
        for (double[] a : new double[][] {daBss, daRt, bssEv, rtEv, batteryLevel}) {
            if (a.length != h) {
                throw new IllegalArgumentException("every series of a plan needs " + h + " hourly values, got " + a.length);
            }
        }
        if (charging.length != h || discharging.length != h) {
            throw new IllegalArgumentException("charging and discharging need " + h + " hourly values, got "
                    + charging.length + " and " + discharging.length);
        }
        daEv = daEv.clone();
        daBss = daBss.clone();
        daRt = daRt.clone();
        bssEv = bssEv.clone();
        rtEv = rtEv.clone();
        batteryLevel = batteryLevel.clone();
        charging = charging.clone();
        discharging = discharging.clone();
    }

    /** Number of hours. */
    public int hours() {
        return daEv.length;
    }

    @Override
    public double[] daEv() {
        return daEv.clone();
    }

    @Override
    public double[] daBss() {
        return daBss.clone();
    }

    @Override
    public double[] daRt() {
        return daRt.clone();
    }

    @Override
    public double[] bssEv() {
        return bssEv.clone();
    }

    @Override
    public double[] rtEv() {
        return rtEv.clone();
    }

    @Override
    public double[] batteryLevel() {
        return batteryLevel.clone();
    }

    @Override
    public boolean[] charging() {
        return charging.clone();
    }

    @Override
    public boolean[] discharging() {
        return discharging.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioPlan p && java.util.Arrays.equals(daEv, p.daEv) && java.util.Arrays.equals(daBss, p.daBss)
                && java.util.Arrays.equals(daRt, p.daRt) && java.util.Arrays.equals(bssEv, p.bssEv)
                && java.util.Arrays.equals(rtEv, p.rtEv) && java.util.Arrays.equals(batteryLevel, p.batteryLevel)
                && java.util.Arrays.equals(charging, p.charging) && java.util.Arrays.equals(discharging, p.discharging)
                && Double.compare(profit, p.profit) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(daEv) * 31 + Double.hashCode(profit);
    }

    @Override
    public String toString() {
        return "ScenarioPlan[hours=" + daEv.length + ", profit=" + profit + "]";
    }
}
