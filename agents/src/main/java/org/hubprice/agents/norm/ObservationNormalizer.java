package org.hubprice.agents.norm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Check;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;

/**
 * Maps raw observations to the network's input scale, in place on float rows.
 *
 * <ul>
 *   <li>{@code none}: identity.</li>
 *   <li>{@code running}: {@code (x - mean) / sqrt(var + 1e-8)}, clipped to {@code [-clip, clip]},
 *       with mean and variance estimated (Welford, in double precision) from every observation
 *       the agent stores. Statistics change only in {@link #update}, never while acting, so
 *       evaluation is deterministic.</li>
 *   <li>{@code box}: the affine map that sends each finite {@code [low, high]} of the observation
 *       box to {@code [-1, 1]}; dimensions with an infinite bound pass through.</li>
 *   <li>{@code fixed}: {@code (x - offset) / scale} with given vectors.</li>
 * </ul>
 *
 * <p>Default {@code running}, clip 10: the hub game's observations span 0..23 (hour), hundreds
 * (EV counts) and thousands (kWh), and no fixed box is known in advance for real prices.
 */
public final class ObservationNormalizer {
    /** Parameter keys read by {@link #fromParams}. */
    public static final Set<String> PARAM_KEYS = Set.of("obsNorm", "obsClip", "obsOffset", "obsScale");

    /** The normalisation rule. */
    public enum Mode {
        NONE, RUNNING, BOX, FIXED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String value) {
            return Check.choice("obsNorm", value, values(), Mode::id);
        }
    }

    /**
     * The settings {@link #fromParams} reads, as parameters in a fixed order (offset and scale
     * only when given): one form for every agent's manifest and normaliser.
     */
    public static Map<String, Object> settings(String obsNorm, double obsClip, List<Double> obsOffset, List<Double> obsScale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("obsNorm", obsNorm);
        m.put("obsClip", obsClip);
        if (!obsOffset.isEmpty()) {
            m.put("obsOffset", obsOffset);
        }
        if (!obsScale.isEmpty()) {
            m.put("obsScale", obsScale);
        }
        return m;
    }

    private static final double VAR_EPS = 1e-8;

    private final Mode mode;
    private final int dim;
    private final double clip;
    // running statistics (Welford)
    private long count;
    private final double[] mean;
    private final double[] m2;
    // the affine map applied: x' = (x - shift) * factor
    private final float[] shift;
    private final float[] factor;
    private boolean stale = true;

    private ObservationNormalizer(Mode mode, int dim, double clip) {
        if (dim < 1) {
            throw new IllegalArgumentException("observation dimension = " + dim + " must be >= 1");
        }
        if (!(clip > 0)) {
            throw new IllegalArgumentException("obsClip = " + clip + " must be > 0 (use a large value such as 1e9 to disable clipping)");
        }
        this.mode = mode;
        this.dim = dim;
        this.clip = clip;
        this.mean = new double[dim];
        this.m2 = new double[dim];
        this.shift = new float[dim];
        this.factor = new float[dim];
        java.util.Arrays.fill(factor, 1f);
    }

    /** The identity. */
    public static ObservationNormalizer none(int dim) {
        ObservationNormalizer n = new ObservationNormalizer(Mode.NONE, dim, Double.MAX_VALUE);
        n.stale = false;
        return n;
    }

    /** Running mean and variance with clipping. */
    public static ObservationNormalizer running(int dim, double clip) {
        return new ObservationNormalizer(Mode.RUNNING, dim, clip);
    }

    /** Finite box bounds mapped to [-1, 1]. */
    public static ObservationNormalizer box(Box box) {
        ObservationNormalizer n = new ObservationNormalizer(Mode.BOX, box.dimension(), Double.MAX_VALUE);
        for (int i = 0; i < n.dim; i++) {
            double lo = box.low(i);
            double hi = box.high(i);
            if (Double.isFinite(lo) && Double.isFinite(hi) && hi > lo) {
                n.shift[i] = (float) ((lo + hi) / 2);
                n.factor[i] = (float) (2 / (hi - lo));
            }
        }
        n.stale = false;
        return n;
    }

    /** {@code (x - offset) / scale}. */
    public static ObservationNormalizer fixed(double[] offset, double[] scale, double clip) {
        if (offset == null || scale == null || offset.length != scale.length) {
            throw new IllegalArgumentException("obsNorm = fixed needs obsOffset and obsScale of equal length (got "
                    + (offset == null ? "none" : offset.length) + " and " + (scale == null ? "none" : scale.length) + ")");
        }
        ObservationNormalizer n = new ObservationNormalizer(Mode.FIXED, offset.length, clip);
        for (int i = 0; i < offset.length; i++) {
            if (!Double.isFinite(offset[i]) || !Double.isFinite(scale[i]) || scale[i] == 0) {
                throw new IllegalArgumentException("obsOffset[" + i + "] = " + offset[i] + ", obsScale[" + i + "] = " + scale[i]
                        + ": need finite values and a non-zero scale");
            }
            n.shift[i] = (float) offset[i];
            n.factor[i] = (float) (1 / scale[i]);
        }
        n.stale = false;
        return n;
    }

    /**
     * Builds the normaliser named by {@code obsNorm} (default {@code running}) for {@code
     * observationSpace}.
     */
    public static ObservationNormalizer fromParams(Params p, Space observationSpace) {
        Mode mode = Mode.parse(p.getString("obsNorm", "running"));
        double clip = p.getDouble("obsClip", 10.0);
        int dim = observationSpace.dimension();
        return switch (mode) {
            case NONE -> none(dim);
            case RUNNING -> running(dim, clip);
            case BOX -> {
                if (!(observationSpace instanceof Box b)) {
                    throw new IllegalArgumentException("obsNorm = box needs a Box observation space; this one is " + observationSpace);
                }
                yield box(b);
            }
            case FIXED -> {
                ObservationNormalizer n = fixed(p.getDoubleList("obsOffset"), p.getDoubleList("obsScale"), clip);
                if (n.dim != dim) {
                    throw new IllegalArgumentException("obsOffset/obsScale have " + n.dim + " values; the observation has " + dim);
                }
                yield n;
            }
        };
    }

    public Mode mode() {
        return mode;
    }

    public int dimension() {
        return dim;
    }

    /** Observations counted by the running statistics. */
    public long count() {
        return count;
    }

    /** Adds one raw observation to the running statistics (no effect in other modes). */
    public void update(double[] x) {
        if (mode != Mode.RUNNING) {
            return;
        }
        if (x.length != dim) {
            throw new IllegalArgumentException("observation has " + x.length + " values; the normaliser was built for " + dim);
        }
        count++;
        for (int i = 0; i < dim; i++) {
            double d = x[i] - mean[i];
            mean[i] += d / count;
            m2[i] += d * (x[i] - mean[i]);
        }
        stale = true;
    }

    private void refresh() {
        if (!stale) {
            return;
        }
        if (mode == Mode.RUNNING) {
            for (int i = 0; i < dim; i++) {
                double var = count > 1 ? m2[i] / count : 1.0;
                shift[i] = (float) mean[i];
                factor[i] = (float) (1.0 / Math.sqrt(var + VAR_EPS));
            }
        }
        stale = false;
    }

    /** Normalises {@code rows} consecutive observations of {@code data} in place. */
    public void normalize(float[] data, int rows) {
        if (mode == Mode.NONE) {
            return;
        }
        refresh();
        float lo = (float) -clip;
        float hi = (float) clip;
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            for (int i = 0; i < dim; i++) {
                float v = (data[o + i] - shift[i]) * factor[i];
                data[o + i] = v < lo ? lo : (v > hi ? hi : v);
            }
        }
    }

    /** Normalises one raw observation into {@code out} (length {@code dimension()}). */
    public void normalize(double[] x, float[] out) {
        for (int i = 0; i < dim; i++) {
            out[i] = (float) x[i];
        }
        normalize(out, 1);
    }

    /** The state as a JSON-ready map (mode, clip, statistics or affine map). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.id());
        m.put("dimension", dim);
        if (mode == Mode.RUNNING || mode == Mode.FIXED) {
            m.put("clip", clip);
        }
        if (mode == Mode.RUNNING) {
            m.put("count", count);
            m.put("mean", toList(mean));
            m.put("m2", toList(m2));
        } else if (mode == Mode.BOX || mode == Mode.FIXED) {
            double[] s = new double[dim];
            double[] f = new double[dim];
            for (int i = 0; i < dim; i++) {
                s[i] = shift[i];
                f[i] = factor[i];
            }
            m.put("shift", toList(s));
            m.put("factor", toList(f));
        }
        return m;
    }

    /** Restores a normaliser written by {@link #toMap}. */
    public static ObservationNormalizer fromMap(Map<String, Object> m) {
        Params p = Params.of("normalization", m);
        Mode mode = Mode.parse(p.getString("mode", null));
        int dim = p.getInt("dimension", -1);
        ObservationNormalizer n = switch (mode) {
            case NONE -> none(dim);
            case RUNNING -> running(dim, p.getDouble("clip", 10));
            case BOX, FIXED -> new ObservationNormalizer(mode, dim, p.getDouble("clip", Double.MAX_VALUE));
        };
        if (mode == Mode.RUNNING) {
            n.count = p.getLong("count", 0);
            copy(p.getDoubleList("mean"), n.mean, "mean");
            copy(p.getDoubleList("m2"), n.m2, "m2");
            n.stale = true;
        } else if (mode == Mode.BOX || mode == Mode.FIXED) {
            double[] s = p.getDoubleList("shift");
            double[] f = p.getDoubleList("factor");
            if (s == null || f == null || s.length != dim || f.length != dim) {
                throw new IllegalArgumentException("normalization: shift and factor must have " + dim + " values");
            }
            for (int i = 0; i < dim; i++) {
                n.shift[i] = (float) s[i];
                n.factor[i] = (float) f[i];
            }
            n.stale = false;
        }
        return n;
    }

    private static void copy(double[] src, double[] dst, String what) {
        if (src == null || src.length != dst.length) {
            throw new IllegalArgumentException("normalization: " + what + " must have " + dst.length + " values");
        }
        System.arraycopy(src, 0, dst, 0, dst.length);
    }

    private static List<Double> toList(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
