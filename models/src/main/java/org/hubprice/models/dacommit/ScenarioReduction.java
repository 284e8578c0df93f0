package org.hubprice.models.dacommit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Reduces many training days to {@code k} representative scenarios (docs/model.md section 4 steps 1
 * and 2): each day becomes a 72-vector (24 DA prices, 24 RT prices, 24 loads), every dimension
 * is standardised to zero mean and unit variance so that prices in $/MWh and loads in kWh
 * weigh alike, k-means++ (Apache Commons Math) clusters the vectors, and each cluster becomes a
 * scenario whose profile is the mean of its days in original units and whose probability is its
 * share of the days.
 *
 * <p>Deterministic: the same days, {@code k} and seed give bit-identical scenarios. Scenarios
 * are ordered by the index of their first day, so the order does not depend on how k-means
 * happened to number its clusters.
 */
public final class ScenarioReduction {
    /** Lloyd iteration limit used by {@link #reduce(List, int, long)}. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private ScenarioReduction() {}

    /** {@link #reduce(List, int, long, int)} with {@value #DEFAULT_MAX_ITERATIONS} iterations at most. */
    public static List<Scenario> reduce(List<DayProfile> days, int k, long seed) {
        return reduce(days, k, seed, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Clusters {@code days} into {@code k} scenarios.
     *
     * @param days training days, at least {@code k} of them distinct
     * @param k number of scenarios, {@code 1 <= k <= days.size()}
     * @param seed seed of the k-means++ initialisation
     * @param maxIterations Lloyd iteration limit, {@code >= 1}
     * @return {@code k} scenarios of 24 hours whose probabilities sum to 1
     */
    public static List<Scenario> reduce(List<DayProfile> days, int k, long seed, int maxIterations) {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days is " + (days == null ? "missing" : "empty")
                    + "; the scenario reduction needs at least k training days. Maybe the days file has only a header?");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " must be >= 1 (the number of scenarios). Maybe 10 (the reference value)?");
        }
        int n = days.size();
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " exceeds the number of days (" + n + "); each scenario needs at least one day. "
                    + "Maybe lower k to at most " + n + " or give more days?");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + " must be >= 1. Maybe 1000?");
        }
        double[][] raw = new double[n][];
        for (int d = 0; d < n; d++) {
            DayProfile day = days.get(d);
            if (day == null) {
                throw new IllegalArgumentException("days[" + d + "] is null; every training day needs prices and loads");
            }
            raw[d] = day.toVector();
        }
        int distinct = countDistinct(raw);
        if (distinct < k) {
            throw new IllegalArgumentException("k = " + k + " exceeds the number of distinct days (" + distinct + " of " + n
                    + " days differ); k-means cannot form " + k + " non-empty clusters. Maybe lower k to at most " + distinct + "?");
        }
        List<IndexedPoint> points = standardise(raw);
        List<CentroidCluster<IndexedPoint>> clusters;
        if (k == 1) {
            // One cluster is every day; no need to run k-means (and no random numbers are drawn).
            clusters = List.of(singleCluster(points));
        } else {
            KMeansPlusPlusClusterer<IndexedPoint> km = new KMeansPlusPlusClusterer<>(k, maxIterations, new EuclideanDistance(),
                    new Well19937c(seed), KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
            clusters = km.cluster(points);
        }
        List<int[]> members = new ArrayList<>();
        for (CentroidCluster<IndexedPoint> c : clusters) {
            if (c.getPoints().isEmpty()) {
                continue;
            }
            int[] idx = c.getPoints().stream().mapToInt(p -> p.index).sorted().toArray();
            members.add(idx);
        }
        if (members.size() != k) {
            throw new IllegalStateException("k-means returned " + members.size() + " non-empty clusters instead of k = " + k
                    + "; try another seed or a smaller k");
        }
        members.sort(Comparator.comparingInt(m -> m[0]));
        List<Scenario> out = new ArrayList<>(k);
        int dims = 3 * DayProfile.HOURS;
        for (int[] idx : members) {
            // Cluster centre in original units: standardisation is affine per dimension, so the
            // mean of the member days equals the de-standardised centroid, without round-off.
            double[] mean = new double[dims];
            for (int d : idx) {
                for (int j = 0; j < dims; j++) {
                    mean[j] += raw[d][j];
                }
            }
            for (int j = 0; j < dims; j++) {
                mean[j] /= idx.length;
            }
            int h = DayProfile.HOURS;
            double[] load = Arrays.copyOfRange(mean, 2 * h, 3 * h);
            for (int t = 0; t < h; t++) {
                load[t] = Math.max(0, load[t]); // a mean of non-negative loads; guard against -0.0
            }
            out.add(new Scenario(Arrays.copyOfRange(mean, 0, h), Arrays.copyOfRange(mean, h, 2 * h), load,
                    (double) idx.length / n));
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static int countDistinct(double[][] raw) {
        Set<List<Double>> seen = new HashSet<>();
        for (double[] v : raw) {
            seen.add(Arrays.stream(v).boxed().toList());
        }
        return seen.size();
    }

    /** Column means and standard deviations; a constant column gets deviation 1 so it adds nothing. */
    private static void moments(double[][] raw, double[] mu, double[] sd) {
        int n = raw.length;
        int dims = mu.length;
        for (double[] v : raw) {
            for (int j = 0; j < dims; j++) {
                mu[j] += v[j];
            }
        }
        for (int j = 0; j < dims; j++) {
            mu[j] /= n;
        }
        for (double[] v : raw) {
            for (int j = 0; j < dims; j++) {
                sd[j] += sq(v[j] - mu[j]);
            }
        }
        for (int j = 0; j < dims; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
            // Zero (or round-off-sized) variance: every day has the same value, so the dimension
            // cannot separate days; dividing by 1 keeps it at 0 instead of producing NaN.
            if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mu[j])))) {
                sd[j] = 1;
            }
        }
    }

    private static List<IndexedPoint> standardise(double[][] raw) {
        int dims = raw[0].length;
        double[] mu = new double[dims];
        double[] sd = new double[dims];
        moments(raw, mu, sd);
        List<IndexedPoint> pts = new ArrayList<>(raw.length);
        for (int d = 0; d < raw.length; d++) {
            double[] z = new double[dims];
            for (int j = 0; j < dims; j++) {
                z[j] = (raw[d][j] - mu[j]) / sd[j];
            }
            pts.add(new IndexedPoint(d, z));
        }
        return pts;
    }

    private static CentroidCluster<IndexedPoint> singleCluster(List<IndexedPoint> points) {
        double[] c = new double[points.get(0).z.length];
        CentroidCluster<IndexedPoint> cl = new CentroidCluster<>(new IndexedPoint(-1, c));
        points.forEach(cl::addPoint);
        return cl;
    }

    /** A standardised day that remembers its position in the input list. */
    private static final class IndexedPoint implements Clusterable {
        final int index;
        final double[] z;

        IndexedPoint(int index, double[] z) {
            this.index = index;
            this.z = z;
        }

        @Override
        public double[] getPoint() {
            return z;
        }
    }
}
