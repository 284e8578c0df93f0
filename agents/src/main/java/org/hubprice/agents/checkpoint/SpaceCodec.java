package org.hubprice.agents.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * Spaces as JSON-ready maps: {@code {"type": "box", "low": [...], "high": [...], "shape": [...]}}
 * or {@code {"type": "discrete", "n": 101}}. Infinite bounds are written as the strings
 * {@code "inf"} and {@code "-inf"} because JSON has no infinity.
 */
public final class SpaceCodec {
    private SpaceCodec() {}

    public static Map<String, Object> toMap(Space space) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (space instanceof Box b) {
            m.put("type", "box");
            m.put("low", bounds(b.low()));
            m.put("high", bounds(b.high()));
            List<Integer> shape = new ArrayList<>();
            for (int d : b.shape()) {
                shape.add(d);
            }
            m.put("shape", shape);
        } else if (space instanceof Discrete d) {
            m.put("type", "discrete");
            m.put("n", d.n());
        }
        return m;
    }

    private static List<Object> bounds(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(Double.isFinite(x) ? (Object) x : (x > 0 ? "inf" : "-inf"));
        }
        return out;
    }

    public static Space fromMap(Map<String, Object> m) {
        Object type = m == null ? null : m.get("type");
        if ("discrete".equals(type)) {
            return new Discrete(((Number) m.get("n")).intValue());
        }
        if ("box".equals(type)) {
            double[] low = parseBounds(m.get("low"));
            double[] high = parseBounds(m.get("high"));
            List<?> shapeList = (List<?>) m.get("shape");
            int[] shape = new int[shapeList.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((Number) shapeList.get(i)).intValue();
            }
            return new Box(low, high, shape);
        }
        throw new IllegalArgumentException("space type = '" + type + "' is not known; allowed: box, discrete");
    }

    private static double[] parseBounds(Object o) {
        List<?> list = (List<?>) o;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            if (x instanceof Number n) {
                out[i] = n.doubleValue();
            } else if ("inf".equals(x)) {
                out[i] = Double.POSITIVE_INFINITY;
            } else if ("-inf".equals(x)) {
                out[i] = Double.NEGATIVE_INFINITY;
            } else {
                throw new IllegalArgumentException("space bound '" + x + "' is not a number, \"inf\" or \"-inf\"");
            }
        }
        return out;
    }
}
