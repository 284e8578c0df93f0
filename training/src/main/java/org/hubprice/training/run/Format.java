package org.hubprice.training.run;

import java.util.Locale;

/** Number formats of the training log and progress display. */
public final class Format {
    private Format() {}

    /** Dollars with cents. */
    public static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code [a, b]} in dollars with cents. */
    public static String moneyList(double[] v) {
        return list(v, "%.2f", ", ");
    }

    /** {@code [a, b]} with three decimals. */
    public static String numberList(double[] v) {
        return list(v, "%.3f", ", ");
    }

    /** {@code [a,b]} in {@code format}, without spaces (the progress bar). */
    public static String compactList(double[] v, String format) {
        return list(v, format, ",");
    }

    /** Seconds as {@code H:MM:SS}. */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static String list(double[] v, String format, String sep) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? sep : "").append(String.format(Locale.ROOT, format, v[i]));
        }
        return sb.append(']').toString();
    }
}
