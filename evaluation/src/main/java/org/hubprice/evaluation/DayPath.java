package org.hubprice.evaluation;

import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.hub.HubPeriod;

/**
 * One policy profile's play of one day, averaged over the replications: per hour {@code t} and
 * hub {@code i}, the mean price ($/MWh), multiplier, load (kWh), energy cost, revenue and profit
 * ($), EVs assigned and balked; per hour the market's arrivals and lost EVs; and every
 * replication's daily profit per hub. Arrays are owned by this object: read, do not modify.
 */
public final class DayPath {
    private final int hubs;
    private final int replications;
    final double[][] price;
    final double[][] multiplier;
    final double[][] load;
    final double[][] energyCost;
    final double[][] revenue;
    final double[][] profit;
    final double[][] assigned;
    final double[][] balked;
    final double[] arrivals;
    final double[] lost;
    final double[][] replicationProfit;

    DayPath(int hubs, int replications) {
        this.hubs = hubs;
        this.replications = replications;
        int t = HubPricingEnv.PERIODS;
        price = new double[t][hubs];
        multiplier = new double[t][hubs];
        load = new double[t][hubs];
        energyCost = new double[t][hubs];
        revenue = new double[t][hubs];
        profit = new double[t][hubs];
        assigned = new double[t][hubs];
        balked = new double[t][hubs];
        arrivals = new double[t];
        lost = new double[t];
        replicationProfit = new double[replications][hubs];
    }

    /** Adds the period just played by {@code env} in replication {@code r} (sums; {@link #finish} turns them into means). */
    void add(int r, HubPricingEnv env) {
        HubPeriod p0 = env.period(0);
        int t = p0.period;
        for (int i = 0; i < hubs; i++) {
            HubPeriod p = env.period(i);
            price[t][i] += p.price;
            multiplier[t][i] += p.multiplier;
            load[t][i] += p.load;
            energyCost[t][i] += p.energyCost;
            revenue[t][i] += p.revenue;
            profit[t][i] += p.profit;
            assigned[t][i] += p.assigned;
            balked[t][i] += p.balked;
            replicationProfit[r][i] += p.profit;
        }
        arrivals[t] += env.lastArrivals();
        lost[t] += env.lastLost();
    }

    /** Divides the sums by the number of replications. */
    void finish() {
        double k = 1.0 / replications;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            for (int i = 0; i < hubs; i++) {
                price[t][i] *= k;
                multiplier[t][i] *= k;
                load[t][i] *= k;
                energyCost[t][i] *= k;
                revenue[t][i] *= k;
                profit[t][i] *= k;
                assigned[t][i] *= k;
                balked[t][i] *= k;
            }
            arrivals[t] *= k;
            lost[t] *= k;
        }
    }

    /** Number of hubs. */
    public int hubs() {
        return hubs;
    }

    /** Number of replications averaged. */
    public int replications() {
        return replications;
    }

    /** Mean price of hub i in hour t, $/MWh. */
    public double price(int t, int i) {
        return price[t][i];
    }

    /** Mean multiplier of hub i in hour t. */
    public double multiplier(int t, int i) {
        return multiplier[t][i];
    }

    /** Mean load of hub i in hour t, kWh. */
    public double load(int t, int i) {
        return load[t][i];
    }

    /** Mean profit of hub i in hour t, $. */
    public double profit(int t, int i) {
        return profit[t][i];
    }

    /** Mean EVs served by hub i in hour t. */
    public double assigned(int t, int i) {
        return assigned[t][i];
    }

    /** Mean EVs that balked at hub i in hour t. */
    public double balked(int t, int i) {
        return balked[t][i];
    }

    /** Mean EVs lost to the market in hour t (no free station anywhere). */
    public double lost(int t) {
        return lost[t];
    }

    /** Mean charge-seeking EVs in hour t. */
    public double arrivals(int t) {
        return arrivals[t];
    }

    /**
     * Unit cost of the power hub i served in hour t, $/MWh: total energy cost over total load
     * across replications (DA at p_da, battery at its cost basis, RT at p_rt); NaN without load.
     */
    public double unitCost(int t, int i) {
        return load[t][i] > 0 ? energyCost[t][i] / load[t][i] * 1000.0 : Double.NaN;
    }

    /** Markup of hub i in hour t: mean price over unit cost; NaN without load or with a unit cost {@code <= 0}. */
    public double markup(int t, int i) {
        double c = unitCost(t, i);
        return c > 0 ? price[t][i] / c : Double.NaN;
    }

    /** Mean daily profit of hub i, $. */
    public double hubProfit(int i) {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            s += profit[t][i];
        }
        return s;
    }

    /** Mean daily profit of all hubs together, $. */
    public double totalProfit() {
        double s = 0;
        for (int i = 0; i < hubs; i++) {
            s += hubProfit(i);
        }
        return s;
    }

    /** Daily profit of hub i in replication r, $. */
    public double replicationProfit(int r, int i) {
        return replicationProfit[r][i];
    }

    /** Mean daily EVs served by hub i. */
    public double served(int i) {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            s += assigned[t][i];
        }
        return s;
    }

    /** Mean daily EVs that balked at hub i. */
    public double balkedTotal(int i) {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            s += balked[t][i];
        }
        return s;
    }

    /** Mean daily EVs lost to the market. */
    public double lostTotal() {
        double s = 0;
        for (double v : lost) {
            s += v;
        }
        return s;
    }

    /** Mean over the 24 hours of hub i's mean price, $/MWh. */
    public double meanPrice(int i) {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            s += price[t][i];
        }
        return s / HubPricingEnv.PERIODS;
    }

    /** Mean over the 24 hours of hub i's mean multiplier. */
    public double meanMultiplier(int i) {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            s += multiplier[t][i];
        }
        return s / HubPricingEnv.PERIODS;
    }

    /** Mean markup of hub i over the hours where it is defined (load and a positive unit cost); NaN if none. */
    public double meanMarkup(int i) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            double m = markup(t, i);
            if (!Double.isNaN(m)) {
                s += m;
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    /**
     * Mean over hours of the spread between the dearest and the cheapest hub's mean price
     * ({@code |p_0 − p_1|} for two hubs), $/MWh; 0 with one hub.
     */
    public double meanPriceGap() {
        double s = 0;
        for (int t = 0; t < HubPricingEnv.PERIODS; t++) {
            double lo = price[t][0];
            double hi = price[t][0];
            for (int i = 1; i < hubs; i++) {
                lo = Math.min(lo, price[t][i]);
                hi = Math.max(hi, price[t][i]);
            }
            s += hi - lo;
        }
        return s / HubPricingEnv.PERIODS;
    }
}
