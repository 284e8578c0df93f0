package org.hubprice.env.bertrand;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.common.Check;
import org.hubprice.common.ConfigDocument;
import org.hubprice.common.ConfigValues;

/**
 * Parameters of the repeated logit Bertrand game of Calvano, Calzolari, Denicolò and
 * Pastorello (2020, AER). The defaults ({@link #baseline()}) are the paper's baseline.
 *
 * <p>Demand of firm {@code i} is {@code q_i = exp((a_i − p_i)/μ) / (Σ_j exp((a_j − p_j)/μ) +
 * exp(a0/μ))}, its per-period profit {@code (p_i − c_i) q_i}. Firms choose among {@code m}
 * equally spaced prices from {@code p_N − ξ(p_M − p_N)} to {@code p_M + ξ(p_M − p_N)} and see
 * the price indices of all firms in the last {@code k} periods.
 *
 * @param n number of firms, at least 2
 * @param a quality index {@code a_i} of each firm (length {@code n})
 * @param c marginal cost {@code c_i} of each firm (length {@code n})
 * @param a0 quality index of the outside good
 * @param mu horizontal differentiation {@code μ > 0} (products are perfect substitutes as μ → 0)
 * @param delta discount factor {@code δ} in {@code [0, 1)} of the infinitely repeated game
 * @param m number of price points, at least 2
 * @param xi how far the price grid extends beyond the Nash and monopoly prices, {@code ξ >= 0}
 * @param k memory: how many past periods of prices form the state ({@code k = 0}: one state)
 */
public record BertrandConfig(int n, double[] a, double[] c, double a0, double mu, double delta, int m, double xi, int k) {
    /** Largest number of joint price profiles {@code m^n} (the profit table has {@code n} doubles each). */
    public static final long MAX_PROFILES = 1L << 24;
    /** Largest number of states {@code m^(n·k)}: a state index must fit an {@code int}. */
    public static final long MAX_STATES = 1L << 30;

    /** The keys {@link Builder#set(String, String)} understands, in documentation order. */
    public static final List<String> KEYS = List.of("n", "a", "c", "a0", "mu", "delta", "m", "xi", "k");

    public BertrandConfig {
        Check.inRange("n (number of firms)", n, 2, 64);
        a = Check.finiteArray("a (quality index per firm)", a == null ? null : a.clone(), n);
        c = Check.finiteArray("c (marginal cost per firm)", c == null ? null : c.clone(), n);
        Check.finite("a0 (outside-good quality)", a0);
        Check.positive("mu (differentiation)", mu);
        Check.inRangeBelowHigh("delta (discount factor)", delta, 0, 1, "Maybe 0.95 (Calvano et al. baseline) or 0 for myopic firms");
        Check.inRange("m (number of prices)", m, 2, 1 << 16);
        Check.nonNegative("xi (grid extension)", xi);
        Check.nonNegative("k (memory in periods)", k);
        long profiles = power(m, n);
        if (profiles > MAX_PROFILES) {
            throw new IllegalArgumentException("m^n = " + m + "^" + n + " joint price profiles exceed the limit of "
                    + MAX_PROFILES + "; Maybe use fewer price points m or fewer firms n");
        }
        long states = power(m, (long) n * k);
        if (states > MAX_STATES) {
            throw new IllegalArgumentException("m^(n·k) = " + m + "^(" + n + "·" + k + ") states exceed the limit of "
                    + MAX_STATES + "; Maybe reduce the memory k (k = 1 is the baseline) or the grid size m");
        }
    }

    /** The baseline of Calvano et al. (2020): n = 2, a = 2, c = 1, a0 = 0, μ = 0.25, δ = 0.95, m = 15, ξ = 0.1, k = 1. */
    public static BertrandConfig baseline() {
        return builder().build();
    }

    /** A builder starting from the baseline values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.n = n;
        b.a = a.clone();
        b.c = c.clone();
        b.a0 = a0;
        b.mu = mu;
        b.delta = delta;
        b.m = m;
        b.xi = xi;
        b.k = k;
        return b;
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    /** {@code a_i} without copying the array. */
    public double a(int firm) {
        return a[firm];
    }

    /** {@code c_i} without copying the array. */
    public double c(int firm) {
        return c[firm];
    }

    /** Whether all firms have the same quality and cost. */
    public boolean symmetric() {
        for (int i = 1; i < n; i++) {
            if (a[i] != a[0] || c[i] != c[0]) {
                return false;
            }
        }
        return true;
    }

    /** {@code m^n}: the number of joint price profiles. */
    public int profileCount() {
        return (int) power(m, n);
    }

    /** {@code m^(n·k)}: the number of states (1 when {@code k = 0}). */
    public int stateCount() {
        return (int) power(m, (long) n * k);
    }

    /** The parameters as an ordered map (for provenance and JSON output). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("a", a.clone());
        out.put("c", c.clone());
        out.put("a0", a0);
        out.put("mu", mu);
        out.put("delta", delta);
        out.put("m", m);
        out.put("xi", xi);
        out.put("k", k);
        return out;
    }

    static long power(long base, long exp) {
        long r = 1;
        for (long i = 0; i < exp; i++) {
            r *= base;
            if (r > (1L << 40)) {
                return Long.MAX_VALUE;
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BertrandConfig b && n == b.n && Arrays.equals(a, b.a) && Arrays.equals(c, b.c)
                && Double.compare(a0, b.a0) == 0 && Double.compare(mu, b.mu) == 0 && Double.compare(delta, b.delta) == 0
                && m == b.m && Double.compare(xi, b.xi) == 0 && k == b.k;
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(n);
        h = 31 * h + Arrays.hashCode(a);
        h = 31 * h + Arrays.hashCode(c);
        h = 31 * h + Double.hashCode(a0);
        h = 31 * h + Double.hashCode(mu);
        h = 31 * h + Double.hashCode(delta);
        h = 31 * h + m;
        h = 31 * h + Double.hashCode(xi);
        return 31 * h + k;
    }

    @Override
    public String toString() {
        return "BertrandConfig[n=" + n + ", a=" + Arrays.toString(a) + ", c=" + Arrays.toString(c) + ", a0=" + a0
                + ", mu=" + mu + ", delta=" + delta + ", m=" + m + ", xi=" + xi + ", k=" + k + "]";
    }

    /**
     * Builds a {@link BertrandConfig}; every value is optional and starts at the baseline.
     * A scalar {@code a} or {@code c} applies to every firm; an array gives one value per firm.
     */
    public static final class Builder {
        private int n = 2;
        private double[] a = {2.0};
        private double[] c = {1.0};
        private double a0 = 0.0;
        private double mu = 0.25;
        private double delta = 0.95;
        private int m = 15;
        private double xi = 0.1;
        private int k = 1;

        private Builder() {}

        public Builder optN(int n) {
            this.n = n;
            return this;
        }

        /** The same quality index for every firm. */
        public Builder optA(double a) {
            this.a = new double[] {a};
            return this;
        }

        /** One quality index per firm. */
        public Builder optA(double... a) {
            this.a = a.clone();
            return this;
        }

        /** The same marginal cost for every firm. */
        public Builder optC(double c) {
            this.c = new double[] {c};
            return this;
        }

        /** One marginal cost per firm. */
        public Builder optC(double... c) {
            this.c = c.clone();
            return this;
        }

        public Builder optA0(double a0) {
            this.a0 = a0;
            return this;
        }

        public Builder optMu(double mu) {
            this.mu = mu;
            return this;
        }

        public Builder optDelta(double delta) {
            this.delta = delta;
            return this;
        }

        public Builder optM(int m) {
            this.m = m;
            return this;
        }

        public Builder optXi(double xi) {
            this.xi = xi;
            return this;
        }

        public Builder optK(int k) {
            this.k = k;
            return this;
        }

        /**
         * Sets one parameter from text ({@code --set key=value}). {@code a} and {@code c} take
         * one number for all firms or a comma-separated list with one number per firm.
         *
         * @throws IllegalArgumentException for an unknown key or a value that does not parse
         */
        public Builder set(String key, String value) {
            String typed = key == null ? "" : key.trim();
            String name = KEYS.stream().filter(typed::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> ConfigDocument.unknownKey("Bertrand game", "", typed, KEYS));
            ConfigValues v = ConfigValues.ofText(name, value, "");
            switch (name) {
                case "n" -> n = v.getInt(name);
                case "a" -> a = list(v, name);
                case "c" -> c = list(v, name);
                case "a0" -> a0 = v.getDouble(name);
                case "mu" -> mu = v.getDouble(name);
                case "delta" -> delta = v.getDouble(name);
                case "m" -> m = v.getInt(name);
                case "xi" -> xi = v.getDouble(name);
                default -> k = v.getInt(name);
            }
            return this;
        }

        private static double[] list(ConfigValues v, String key) {
            double[] out = v.getDoubleList(key);
            if (out == null || out.length == 0) {
                throw new IllegalArgumentException(key + " is empty; give a number or a comma-separated list, one per firm");
            }
            return out;
        }

        /** Validates and builds; a one-element {@code a} or {@code c} is repeated for every firm. */
        public BertrandConfig build() {
            return new BertrandConfig(n, broadcast("a (quality index per firm)", a, n), broadcast("c (marginal cost per firm)", c, n),
                    a0, mu, delta, m, xi, k);
        }

        private static double[] broadcast(String field, double[] v, int n) {
            if (v.length == 1 && n > 1) {
                double[] out = new double[n];
                Arrays.fill(out, v[0]);
                return out;
            }
            if (v.length != n) {
                throw new IllegalArgumentException(field + " has " + v.length + " values but n = " + n
                        + " firms; Maybe give one value for all firms or exactly " + n + " comma-separated values");
            }
            return v;
        }
    }
}
