package org.hubprice.env.demand;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the charge-seeking EVs of one period choose among hubs (docs/model.md 2.3, a
 * Bertrand–Edgeworth market with capacity), for any number of hubs {@code H >= 1}.
 *
 * <ol>
 *   <li><b>Split.</b> The number of price-sensitive EVs is one exact
 *       Binomial({@code arrivals}, {@code γ}) draw, which has the same distribution as deciding
 *       for each EV independently (no draw when γ is 0 or 1).</li>
 *   <li><b>Price-insensitive EVs</b> go first, one by one, each to a hub chosen uniformly among
 *       those that still have a free station; with none left the EV is lost. They move first
 *       because they do not compare prices: their choice does not depend on what the others do,
 *       while price-sensitive EVs respond to the capacity that remains.</li>
 *   <li><b>Similar set.</b> With {@code p_min} the lowest price, hub i is similar when
 *       {@code (p_i − p_min) / p_min <= δ} (with a 1e-9 slack so that a price posted as exactly
 *       {@code (1+δ)·p_min} counts as similar despite rounding). Price-sensitive EVs are spread
 *       evenly over the similar hubs that have a free station (water-filling): each open hub gets
 *       the same whole share {@code ⌊m/k⌋} up to its free stations, the excess of full hubs and the
 *       undivided remainder are spread again over the hubs still open, and the last
 *       {@code m < k} EVs go one each to distinct hubs drawn at random (never lost). Hubs left with
 *       room end within one EV of each other.
 *       Nobody balks here unless the curve's {@link BalkingCurve#similarSetProbability} is positive
 *       (absolute-price curves); then each EV arriving at a similar hub balks with that probability.</li>
 *   <li><b>Overflow.</b> The rest visit the other hubs with a free station in increasing price
 *       order; hubs with equal prices are visited in random order (a shuffle drawn only when there
 *       are ties), so no hub index is favoured. At hub i, with {@code r = p_i / p_min}, each
 *       arriving EV balks with probability {@code b(r)} ({@link BalkingCurve#probability}, one
 *       binomial draw); those that stay take free stations; the rest move on.</li>
 *   <li><b>Lost.</b> EVs left after the last hub found no station anywhere.</li>
 * </ol>
 * EVs only visit hubs with a free station: availability is visible before driving there, so a
 * full hub causes neither balking nor a visit. Hence {@code lost > 0} implies every hub is full.
 *
 * <p>Not thread-safe: it owns scratch arrays, grown once to the largest hub count seen, so that
 * {@link #assign} allocates nothing. Use one instance per environment.
 */
public final class HubChoiceModel {
    /** Relative slack on the similarity test {@code (p_i − p_min)/p_min <= δ}, against rounding. */
    public static final double SIMILARITY_SLACK = 1e-9;

    /**
     * Whether a hub at {@code price} is in the similar set when the lowest price is {@code pMin}:
     * {@code (price − pMin)/pMin <= δ} with the {@link #SIMILARITY_SLACK}. The one formula every
     * analysis of the choice uses, so that they classify prices exactly as the simulator does.
     */
    public static boolean isSimilar(double price, double pMin, double delta) {
        return (price - pMin) / pMin <= delta + SIMILARITY_SLACK;
    }

    private final double gamma;
    private final double delta;
    private final BalkingCurve balking;

    private int[] free = new int[0];
    private int[] open = new int[0];
    private int[] order = new int[0];
    private boolean[] similar = new boolean[0];

    public HubChoiceModel(DemandConfig c) {
        Objects.requireNonNull(c, "demand config");
        this.gamma = c.priceSensitiveShare();
        this.delta = c.similarityTolerance();
        this.balking = c.balking();
    }

    /**
     * Assigns {@code arrivals} EVs to hubs given prices and free stations; writes into out; allocates nothing.
     * {@code out} is cleared first. The input arrays are not modified.
     *
     * @param arrivals     charge-seeking EVs this period, {@code >= 0}
     * @param prices       each hub's posted price in $/MWh, finite and {@code > 0} (the environment floors prices)
     * @param freeStations each hub's free stations, {@code >= 0}, same length as {@code prices}
     * @param rng          the choice stream
     * @param out          result, sized for {@code prices.length} hubs
     */
    public void assign(int arrivals, double[] prices, int[] freeStations, SplittableRandom rng, ChoiceOutcome out) {
        int hubs = validate(arrivals, prices, freeStations, rng, out);
        ensureCapacity(hubs);
        out.clear();
        System.arraycopy(freeStations, 0, free, 0, hubs);

        int sensitive;
        if (gamma >= 1) {
            sensitive = arrivals;
        } else if (gamma <= 0) {
            sensitive = 0;
        } else {
            sensitive = DiscreteSampling.binomial(rng, arrivals, gamma);
        }
        assignUniformly(arrivals - sensitive, hubs, rng, out);
        assignPriceSensitive(sensitive, prices, hubs, rng, out);
    }

    /** Price-insensitive EVs: each picks uniformly among hubs with a free station at its turn. */
    private void assignUniformly(int evs, int hubs, SplittableRandom rng, ChoiceOutcome out) {
        if (evs == 0) {
            return;
        }
        int openCount = 0;
        for (int i = 0; i < hubs; i++) {
            if (free[i] > 0) {
                open[openCount++] = i;
            }
        }
        for (int e = 0; e < evs; e++) {
            if (openCount == 0) {
                out.lost += evs - e;
                return;
            }
            int slot = openCount == 1 ? 0 : rng.nextInt(openCount);
            int h = open[slot];
            out.assigned[h]++;
            if (--free[h] == 0) {
                open[slot] = open[--openCount];
            }
        }
    }

    private void assignPriceSensitive(int evs, double[] prices, int hubs, SplittableRandom rng, ChoiceOutcome out) {
        if (evs == 0) {
            return;
        }
        double pMin = prices[0];
        for (int i = 1; i < hubs; i++) {
            pMin = Math.min(pMin, prices[i]);
        }
        for (int i = 0; i < hubs; i++) {
            similar[i] = isSimilar(prices[i], pMin, delta);
        }

        // Similar set: water-filling. Each round gives every open hub the same whole share; hubs
        // that cannot take it fill up and their excess joins the undivided remainder for the next
        // round over the hubs still open. Once fewer EVs are left than open hubs, they go one each
        // to distinct hubs drawn at random. So hubs left with room end up within one EV of each
        // other, and a hub that filled got no more than they did (plus at most one).
        int pending = evs;
        int openCount = 0;
        for (int i = 0; i < hubs; i++) {
            if (similar[i] && free[i] > 0) {
                open[openCount++] = i;
            }
        }
        while (pending > 0 && openCount > 0) {
            int share = pending / openCount;
            int receivers = openCount;
            if (share == 0) {
                // Partial Fisher–Yates: the first `pending` open hubs become a uniform random subset.
                for (int j = 0; j < pending; j++) {
                    int pick = j + rng.nextInt(openCount - j);
                    int tmp = open[j];
                    open[j] = open[pick];
                    open[pick] = tmp;
                }
                share = 1;
                receivers = pending;
            }
            pending -= share * receivers;
            for (int j = 0; j < receivers; j++) {
                int h = open[j];
                int arriving = share;
                double b = balking.similarSetProbability(prices[h] / pMin, prices[h]);
                if (b > 0) {
                    int balkers = DiscreteSampling.binomial(rng, arriving, b);
                    out.balked[h] += balkers;
                    arriving -= balkers;
                }
                int take = Math.min(arriving, free[h]);
                out.assigned[h] += take;
                free[h] -= take;
                pending += arriving - take;
            }
            // Drop full hubs. A round either fills a hub, or leaves fewer EVs than open hubs
            // (then the next round is the last), so the loop ends.
            int kept = 0;
            for (int j = 0; j < openCount; j++) {
                if (free[open[j]] > 0) {
                    open[kept++] = open[j];
                }
            }
            openCount = kept;
        }
        if (pending == 0) {
            return;
        }

        // Overflow: the other hubs with room, cheapest first, ties in random order.
        int n = 0;
        for (int i = 0; i < hubs; i++) {
            if (!similar[i] && free[i] > 0) {
                // Insertion sort by (price, index): H is small and this allocates nothing.
                int pos = n++;
                while (pos > 0 && prices[order[pos - 1]] > prices[i]) {
                    order[pos] = order[pos - 1];
                    pos--;
                }
                order[pos] = i;
            }
        }
        shuffleTies(prices, n, rng);
        for (int j = 0; j < n && pending > 0; j++) {
            int h = order[j];
            int arriving = pending;
            double b = balking.probability(prices[h] / pMin, prices[h]);
            if (b > 0) {
                int balkers = DiscreteSampling.binomial(rng, arriving, b);
                out.balked[h] += balkers;
                arriving -= balkers;
            }
            int take = Math.min(arriving, free[h]);
            out.assigned[h] += take;
            free[h] -= take;
            pending = arriving - take;
        }
        out.lost += pending;
    }

    /** Shuffles each run of equal prices in {@code order[0..n)} uniformly (Fisher–Yates). */
    private void shuffleTies(double[] prices, int n, SplittableRandom rng) {
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && prices[order[end]] == prices[order[start]]) {
                end++;
            }
            for (int j = end - 1; j > start; j--) {
                int pick = start + rng.nextInt(j - start + 1);
                int tmp = order[j];
                order[j] = order[pick];
                order[pick] = tmp;
            }
            start = end;
        }
    }

    private void ensureCapacity(int hubs) {
        if (free.length < hubs) {
            free = new int[hubs];
            open = new int[hubs];
            order = new int[hubs];
            similar = new boolean[hubs];
        }
    }

    private static int validate(int arrivals, double[] prices, int[] freeStations, SplittableRandom rng, ChoiceOutcome out) {
        if (arrivals < 0) {
            throw new IllegalArgumentException("arrivals = " + arrivals + " must be >= 0");
        }
        if (prices == null || prices.length == 0) {
            throw new IllegalArgumentException("prices is " + (prices == null ? "missing" : "empty") + "; give one price per hub (at least one hub)");
        }
        int hubs = prices.length;
        if (freeStations == null || freeStations.length != hubs) {
            throw new IllegalArgumentException("freeStations has " + (freeStations == null ? "no" : freeStations.length)
                    + " entries but prices has " + hubs + "; give one free-station count per hub");
        }
        Objects.requireNonNull(rng, "rng");
        if (out == null || out.hubs() != hubs) {
            throw new IllegalArgumentException("out is sized for " + (out == null ? "no" : out.hubs()) + " hubs but there are " + hubs
                    + "; Maybe create it with new ChoiceOutcome(" + hubs + ")");
        }
        for (int i = 0; i < hubs; i++) {
            if (!(prices[i] > 0) || !Double.isFinite(prices[i])) {
                throw new IllegalArgumentException("prices[" + i + "] = " + prices[i]
                        + " $/MWh must be finite and > 0; Maybe floor prices before choice (the price ratio p_i/p_min needs p_min > 0)");
            }
            if (freeStations[i] < 0) {
                throw new IllegalArgumentException("freeStations[" + i + "] = " + freeStations[i] + " must be >= 0");
            }
        }
        return hubs;
    }
}
