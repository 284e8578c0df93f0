package org.hubprice.training.seeds;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hubprice.common.Quantiles;
import org.hubprice.training.output.RunFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code seeds-curve.png}: every member's validation curve (quick collusion index and total
 * profit per day against the episode), the interquartile mean across the members at each
 * validation episode they all reached, and the band between the members' 25th and 75th
 * percentiles there.
 */
public final class SeedsCurve {
    private static final Color BAND = new Color(70, 130, 180, 60);
    private static final Color IQM = new Color(20, 60, 140);

    private SeedsCurve() {}

    /** Draws the curves of {@code members} into {@code png}, atomically; nothing when no member has a validation pass. */
    public static void write(List<MemberCurve> members, Path png) throws IOException {
        if (members.stream().allMatch(m -> m.episodes().length == 0)) {
            return;
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        javax.imageio.ImageIO.setUseCache(false);
        List<XYChart> charts = List.of(chart(members, true), chart(members, false));
        RunFiles.writeFile(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(charts, 2, 1, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    private static XYChart chart(List<MemberCurve> members, boolean index) {
        XYChart c = new XYChartBuilder().width(720).height(420)
                .title(index ? "Quick collusion index on the validation days, per seed" : "Total validation profit per day, per seed")
                .xAxisTitle("episode").yAxisTitle(index ? "collusion index (0 = all at cost, 1 = all at the cap)" : "$ per day").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setXAxisMin(0.0);
        // episodes every member reached a validation pass at: the band and the IQM are drawn there
        TreeSet<Long> common = null;
        for (MemberCurve m : members) {
            TreeSet<Long> eps = new TreeSet<>();
            for (long e : m.episodes()) {
                eps.add(e);
            }
            if (common == null) {
                common = eps;
            } else {
                common.retainAll(eps);
            }
        }
        List<Long> shared = common == null ? List.of() : new ArrayList<>(common);
        if (shared.size() >= 1 && members.size() >= 2) {
            double[] x = new double[shared.size()];
            double[] lo = new double[shared.size()];
            double[] hi = new double[shared.size()];
            double[] mid = new double[shared.size()];
            for (int k = 0; k < x.length; k++) {
                long e = shared.get(k);
                double[] v = new double[members.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = members.get(j).at(e, index ? members.get(j).collusionIndex() : members.get(j).profit());
                }
                java.util.Arrays.sort(v);
                x[k] = e;
                lo[k] = Quantiles.ofSorted(v, 0.25);
                hi[k] = Quantiles.ofSorted(v, 0.75);
                mid[k] = RobustStats.iqm(v);
            }
            double[] px = new double[2 * x.length];
            double[] py = new double[2 * x.length];
            for (int k = 0; k < x.length; k++) {
                px[k] = x[k];
                py[k] = hi[k];
                px[2 * x.length - 1 - k] = x[k];
                py[2 * x.length - 1 - k] = lo[k];
            }
            XYSeries band = c.addSeries("25th-75th percentile across seeds", px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(BAND);
            band.setLineColor(BAND);
            band.setMarker(SeriesMarkers.NONE);
            XYSeries iqm = c.addSeries("interquartile mean across seeds", x, mid);
            iqm.setLineColor(IQM);
            iqm.setLineWidth(3f);
            iqm.setMarker(SeriesMarkers.NONE);
        }
        for (MemberCurve m : members) {
            if (m.episodes().length == 0) {
                continue;
            }
            double[] x = new double[m.episodes().length];
            for (int k = 0; k < x.length; k++) {
                x[k] = m.episodes()[k];
            }
            XYSeries s = c.addSeries("seed " + m.seed(), x, index ? m.collusionIndex() : m.profit());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1f);
        }
        return c;
    }
}
