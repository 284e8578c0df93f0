package org.hubprice.evaluation.equilibrium;

import org.hubprice.env.demand.BalkingCurve;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.HubChoiceModel;

/**
 * The hub choice of {@link HubChoiceModel} in expectation: the same rules applied to a
 * divisible mass of EVs (the stage game's convention: the hour's expected charge-seeking EVs).
 * Price-insensitive EVs ({@code 1 − γ}) spread evenly over the hubs with room; price-sensitive
 * EVs spread evenly over the similar set (hubs within {@code δ} of the lowest price, the same
 * slack as the simulator), each hub up to its stations; the rest visit the other hubs in
 * increasing price order, a share {@code b(r)} balking at each; hubs of equal price are visited
 * in every order with equal weight (the simulator shuffles them). Not thread-safe.
 */
public final class ExpectedChoice {
    private final double gamma;
    private final double delta;
    private final BalkingCurve balking;
    private final double[] free;
    private final boolean[] similar;
    private final int[] order;
    /** Mean EVs assigned to each hub after {@link #assign}. */
    public final double[] assigned;
    /** Mean EVs that balked at each hub after {@link #assign}. */
    public final double[] balked;

    public ExpectedChoice(DemandConfig demand, int hubs) {
        this.gamma = demand.priceSensitiveShare();
        this.delta = demand.similarityTolerance();
        this.balking = demand.balking();
        free = new double[hubs];
        similar = new boolean[hubs];
        order = new int[hubs];
        assigned = new double[hubs];
        balked = new double[hubs];
    }

    /** Spreads {@code evs} (a mean, may be fractional) over hubs with {@code prices} and {@code stations}. */
    public void assign(double evs, double[] prices, int[] stations) {
        int h = free.length;
        for (int i = 0; i < h; i++) {
            free[i] = stations[i];
            assigned[i] = 0;
            balked[i] = 0;
        }
        double insensitive = (1 - gamma) * evs;
        if (insensitive > 0) {
            boolean[] all = new boolean[h];
            java.util.Arrays.fill(all, true);
            waterFill(insensitive, all, null, 0);
        }
        double sensitive = gamma * evs;
        if (sensitive <= 0) {
            return;
        }
        double pMin = prices[0];
        for (int i = 1; i < h; i++) {
            pMin = Math.min(pMin, prices[i]);
        }
        for (int i = 0; i < h; i++) {
            similar[i] = HubChoiceModel.isSimilar(prices[i], pMin, delta);
        }
        double pending = waterFill(sensitive, similar, prices, pMin);
        if (pending <= 0) {
            return;
        }
        int n = 0;
        for (int i = 0; i < h; i++) {
            if (!similar[i] && free[i] > 0) {
                int pos = n++;
                while (pos > 0 && prices[order[pos - 1]] > prices[i]) {
                    order[pos] = order[pos - 1];
                    pos--;
                }
                order[pos] = i;
            }
        }
        overflow(pending, 0, n, prices, pMin, 1.0);
    }

    /**
     * Even spread of {@code mass} over the hubs in {@code members} with room; with prices, each
     * arriving share balks at the similar-set rate first. Returns the mass left when every member is full.
     */
    private double waterFill(double mass, boolean[] members, double[] prices, double pMin) {
        int h = free.length;
        double pending = mass;
        for (int round = 0; round <= h && pending > 1e-12; round++) {
            int open = 0;
            for (int i = 0; i < h; i++) {
                if (members[i] && free[i] > 0) {
                    open++;
                }
            }
            if (open == 0) {
                break;
            }
            double share = pending / open;
            pending = 0;
            for (int i = 0; i < h; i++) {
                if (!(members[i] && free[i] > 0)) {
                    continue;
                }
                double arriving = share;
                if (prices != null) {
                    double b = balking.similarSetProbability(prices[i] / pMin, prices[i]);
                    balked[i] += b * arriving;
                    arriving -= b * arriving;
                }
                double take = Math.min(arriving, free[i]);
                assigned[i] += take;
                free[i] -= take;
                pending += arriving - take;
            }
        }
        return pending;
    }

    /**
     * Overflow through {@code order[from..n)} with probability weight {@code weight}: the next
     * hub takes what stays; a run of k equal prices branches, each hub of the run first with
     * weight 1/k (the simulator's shuffle), the rest of the run following recursively.
     */
    private void overflow(double pending, int from, int n, double[] prices, double pMin, double weight) {
        if (from >= n || pending <= 0) {
            return;
        }
        int end = from + 1;
        while (end < n && prices[order[end]] == prices[order[from]]) {
            end++;
        }
        int k = end - from;
        for (int first = from; first < end; first++) {
            swap(from, first);
            int hub = order[from];
            double arriving = pending;
            double b = balking.probability(prices[hub] / pMin, prices[hub]);
            balked[hub] += weight / k * b * arriving;
            arriving -= b * arriving;
            double take = Math.min(arriving, free[hub]);
            assigned[hub] += weight / k * take;
            free[hub] -= take;
            overflow(arriving - take, from + 1, n, prices, pMin, weight / k);
            free[hub] += take; // the other branches start from the same stations
            swap(from, first);
        }
    }

    private void swap(int a, int b) {
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
    }
}
