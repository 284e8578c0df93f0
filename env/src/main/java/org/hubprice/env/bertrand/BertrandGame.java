package org.hubprice.env.bertrand;

import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * The discretised, repeated logit Bertrand game, precomputed once from a
 * {@link BertrandConfig}: the Nash and monopoly benchmarks, the price grid, the demand and
 * profit of every firm for every joint price profile, and the coding of states. Immutable and
 * thread-safe, so many sessions (each with its own {@link BertrandLogitEnv}) share one.
 *
 * <p><b>Index conventions.</b> A joint price profile (one price index {@code a_j ∈ [0, m)} per
 * firm) has index {@code Σ_j a_j m^j} (firm 0 is the lowest digit). A state holds the profiles
 * of the last {@code k} periods, {@code s = Σ_{l=1..k} P_{t−l} (m^n)^(l−1)} (the most recent
 * period is the lowest digit); with {@code k = 0} there is the single state 0.
 *
 * <p><b>Price grid.</b> {@code m} equally spaced prices from {@code p_N − ξ(p_M − p_N)} to
 * {@code p_M + ξ(p_M − p_N)}, as in the paper. With asymmetric firms one grid is shared by all
 * firms, spanning the lowest firm-specific lower end to the highest upper end.
 */
public final class BertrandGame {
    private final BertrandConfig config;
    private final Equilibrium nash;
    private final Equilibrium monopoly;
    private final double[] grid;
    private final int n;
    private final int m;
    private final int k;
    private final int profiles;
    private final int states;
    private final int shiftMod;
    private final double[] profit;
    private final double[] demand;

    public BertrandGame(BertrandConfig config) {
        this.config = config;
        this.n = config.n();
        this.m = config.m();
        this.k = config.k();
        LogitDemand logit = new LogitDemand(config);
        this.nash = logit.nash();
        this.monopoly = logit.monopoly();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double span = monopoly.price(i) - nash.price(i);
            lo = Math.min(lo, nash.price(i) - config.xi() * span);
            hi = Math.max(hi, monopoly.price(i) + config.xi() * span);
        }
        this.grid = new double[m];
        for (int j = 0; j < m; j++) {
            grid[j] = lo + (hi - lo) * j / (m - 1);
        }
        this.profiles = config.profileCount();
        this.states = config.stateCount();
        this.shiftMod = k == 0 ? 1 : (int) BertrandConfig.power(profiles, k - 1L);
        this.profit = new double[profiles * n];
        this.demand = new double[profiles * n];
        double[] p = new double[n];
        double[] q = new double[n];
        for (int prof = 0; prof < profiles; prof++) {
            prices(prof, p);
            logit.shares(p, q);
            for (int i = 0; i < n; i++) {
                demand[prof * n + i] = q[i];
                profit[prof * n + i] = (p[i] - config.c(i)) * q[i];
            }
        }
    }

    public BertrandConfig config() {
        return config;
    }

    /** The static Nash equilibrium on the continuous price line. */
    public Equilibrium nash() {
        return nash;
    }

    /** The joint-profit maximum on the continuous price line. */
    public Equilibrium monopoly() {
        return monopoly;
    }

    public int firms() {
        return n;
    }

    /** Number of prices {@code m}. */
    public int priceCount() {
        return m;
    }

    /** {@code m^n}. */
    public int profileCount() {
        return profiles;
    }

    /** {@code m^(n·k)}. */
    public int stateCount() {
        return states;
    }

    /** The price of grid point {@code index}. */
    public double price(int index) {
        return grid[index];
    }

    /** The whole price grid (a copy). */
    public double[] priceGrid() {
        return grid.clone();
    }

    /** The profile index of one price index per firm. */
    public int profileIndex(int[] priceIndices) {
        int prof = 0;
        for (int i = n - 1; i >= 0; i--) {
            prof = prof * m + priceIndices[i];
        }
        return prof;
    }

    /** Firm {@code firm}'s price index within profile {@code profile}. */
    public int priceIndex(int profile, int firm) {
        for (int i = 0; i < firm; i++) {
            profile /= m;
        }
        return profile % m;
    }

    /** Writes the prices of profile {@code profile} into {@code out} (length n). */
    public void prices(int profile, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = grid[profile % m];
            profile /= m;
        }
    }

    /** Per-period profit of {@code firm} at profile {@code profile} (a table look-up). */
    public double profit(int profile, int firm) {
        return profit[profile * n + firm];
    }

    /** Demand of {@code firm} at profile {@code profile} (a table look-up). */
    public double demand(int profile, int firm) {
        return demand[profile * n + firm];
    }

    /**
     * Firm {@code firm}'s profit for every profile, indexed by profile (a copy of length
     * {@code m^n}): the payoff table a tabular learner initialises its Q values from.
     */
    public double[] payoffTable(int firm) {
        double[] out = new double[profiles];
        for (int prof = 0; prof < profiles; prof++) {
            out[prof] = profit[prof * n + firm];
        }
        return out;
    }

    /** The state after {@code state} when profile {@code profile} is played (no allocation). */
    public int nextState(int state, int profile) {
        return k == 0 ? 0 : profile + profiles * (state % shiftMod);
    }

    /** The most recent profile remembered in {@code state}; -1 when {@code k = 0}. */
    public int lastProfile(int state) {
        return k == 0 ? -1 : state % profiles;
    }

    /**
     * The remembered price indices of {@code state} into {@code out} (length {@code n·k}): most
     * recent period first, firm 0 first within a period.
     */
    public void decodeState(int state, int[] out) {
        int s = state;
        for (int l = 0; l < k; l++) {
            int prof = s % profiles;
            s /= profiles;
            for (int j = 0; j < n; j++) {
                out[l * n + j] = prof % m;
                prof /= m;
            }
        }
    }

    /** The state whose remembered price indices are {@code indices} (the inverse of {@link #decodeState}). */
    public int encodeState(int[] indices) {
        if (indices.length != n * k) {
            throw new IllegalArgumentException("a state holds n·k = " + n * k + " price indices; got " + indices.length);
        }
        int s = 0;
        for (int l = k - 1; l >= 0; l--) {
            int prof = 0;
            for (int j = n - 1; j >= 0; j--) {
                int x = indices[l * n + j];
                if (x < 0 || x >= m) {
                    throw new IllegalArgumentException("price index " + x + " (lag " + (l + 1) + ", firm " + j
                            + ") is outside [0, " + (m - 1) + "]");
                }
                prof = prof * m + x;
            }
            s = s * profiles + prof;
        }
        return s;
    }

    /**
     * The price index that maximises {@code firm}'s one-period profit when the other firms play
     * as in {@code profile} (lowest index on ties).
     */
    public int bestResponse(int firm, int profile) {
        int unit = 1;
        for (int i = 0; i < firm; i++) {
            unit *= m;
        }
        int base = profile - priceIndex(profile, firm) * unit;
        int best = 0;
        double bestProfit = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < m; x++) {
            double v = profit[(base + x * unit) * n + firm];
            if (v > bestProfit) {
                bestProfit = v;
                best = x;
            }
        }
        return best;
    }

    /** The profile in which {@code firm}'s price index in {@code profile} is replaced by {@code priceIndex}. */
    public int withPrice(int profile, int firm, int priceIndex) {
        int unit = 1;
        for (int i = 0; i < firm; i++) {
            unit *= m;
        }
        return profile + (priceIndex - priceIndex(profile, firm)) * unit;
    }

    /** The observation space of each firm under {@code encoding}. */
    public Space observationSpace(ObservationEncoding encoding) {
        return switch (encoding) {
            case INDEX -> new Discrete(states);
            case LEVELS -> Box.uniform(0, 1, Math.max(1, n * k));
            case ONE_HOT -> Box.uniform(0, 1, Math.max(1, n * k * m));
        };
    }

    /**
     * Writes the observation of {@code state} under {@code encoding} into {@code out} (whose
     * length is the space's dimension). With {@code k = 0} the vector encodings are a single 0.
     */
    public void encode(int state, ObservationEncoding encoding, double[] out) {
        switch (encoding) {
            case INDEX -> out[0] = state;
            case LEVELS -> {
                if (k == 0) {
                    out[0] = 0;
                    return;
                }
                int s = state;
                for (int l = 0; l < k; l++) {
                    int prof = s % profiles;
                    s /= profiles;
                    for (int j = 0; j < n; j++) {
                        out[l * n + j] = (double) (prof % m) / (m - 1);
                        prof /= m;
                    }
                }
            }
            case ONE_HOT -> {
                java.util.Arrays.fill(out, 0.0);
                int s = state;
                for (int l = 0; l < k; l++) {
                    int prof = s % profiles;
                    s /= profiles;
                    for (int j = 0; j < n; j++) {
                        out[(l * n + j) * m + prof % m] = 1;
                        prof /= m;
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled encoding " + encoding);
        }
    }
}
