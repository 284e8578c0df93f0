package org.hubprice.training.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curve of a run, drawn to a PNG: above, each hub's daily profit (training
 * episodes averaged over blocks, validation passes as markers, and the quick benchmarks: all
 * hubs at marginal cost and all at the cap); below, each hub's mean price multiplier.
 *
 * <p>Episodes are averaged over blocks of {@code stride} episodes so that a run of millions of
 * episodes keeps about a thousand points in memory and on the plot.
 */
public final class LearningCurve {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 420;
    /** One colour per hub (its training line and validation markers share it), then the benchmarks'. */
    private static final java.awt.Color[] HUB_COLORS = {new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14),
        new java.awt.Color(44, 160, 44), new java.awt.Color(148, 103, 189), new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194),
        new java.awt.Color(188, 189, 34), new java.awt.Color(23, 190, 207)};
    private static final java.awt.Color COMPETITIVE = new java.awt.Color(200, 30, 30);
    private static final java.awt.Color MONOPOLY = new java.awt.Color(90, 90, 90);

    private final List<String> hubs;
    private final long stride;
    private final double[] blockReward;
    private final double[] blockMultiplier;
    private long blockCount;
    private final List<double[]> rewardPoints = new ArrayList<>();
    private final List<double[]> multiplierPoints = new ArrayList<>();
    private final List<double[]> validationProfit = new ArrayList<>();
    private final List<double[]> validationMultiplier = new ArrayList<>();
    private double competitive = Double.NaN;
    private double monopoly = Double.NaN;

    /**
     * @param hubs hub names, for the legend
     * @param maxEpisodes the run's episode limit, which sets the block length
     */
    public LearningCurve(List<String> hubs, long maxEpisodes) {
        this.hubs = List.copyOf(hubs);
        this.stride = Math.max(1, (maxEpisodes + 999) / 1000);
        this.blockReward = new double[hubs.size()];
        this.blockMultiplier = new double[hubs.size()];
    }

    /** Episodes per plotted point. */
    public long stride() {
        return stride;
    }

    /** Adds episode {@code episode}'s per-hub reward and mean multiplier. */
    public void addEpisode(long episode, double[] rewards, double[] multipliers) {
        for (int i = 0; i < blockReward.length; i++) {
            blockReward[i] += rewards[i];
            blockMultiplier[i] += multipliers[i];
        }
        blockCount++;
        if (blockCount == stride) {
            double[] r = new double[hubs.size() + 1];
            double[] m = new double[hubs.size() + 1];
            r[0] = episode;
            m[0] = episode;
            for (int i = 0; i < blockReward.length; i++) {
                r[i + 1] = blockReward[i] / blockCount;
                m[i + 1] = blockMultiplier[i] / blockCount;
                blockReward[i] = 0;
                blockMultiplier[i] = 0;
            }
            rewardPoints.add(r);
            multiplierPoints.add(m);
            blockCount = 0;
        }
    }

    /** Adds a validation pass: per-hub profit per day and mean multiplier. */
    public void addValidation(long episode, double[] profitPerDay, double[] multipliers) {
        double[] p = new double[hubs.size() + 1];
        double[] m = new double[hubs.size() + 1];
        p[0] = episode;
        m[0] = episode;
        System.arraycopy(profitPerDay, 0, p, 1, hubs.size());
        System.arraycopy(multipliers, 0, m, 1, hubs.size());
        validationProfit.add(p);
        validationMultiplier.add(m);
    }

    /** The benchmark lines: profit per hub and day with all hubs at marginal cost and all at the cap. */
    public void setBenchmarks(double competitivePerHubDay, double monopolyPerHubDay) {
        this.competitive = competitivePerHubDay;
        this.monopoly = monopolyPerHubDay;
    }

    /** Draws the curve into {@code png}, atomically. Nothing is drawn before the first point. */
    public void write(Path png) throws IOException {
        if (rewardPoints.isEmpty() && validationProfit.isEmpty()) {
            return;
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // ImageIO's default disk cache registers a JVM shutdown hook per stream, which fails while
        // the JVM shuts down (the last plot of a run stopped by Ctrl-C); encode in memory instead.
        javax.imageio.ImageIO.setUseCache(false);
        List<XYChart> charts = charts();
        RunFiles.writeFile(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(charts, 2, 1, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /**
     * The two charts: daily profit and mean multiplier per hub against the episode, on the same
     * numeric x axis from 0 to the last episode; the legend to the right of each plot.
     */
    List<XYChart> charts() {
        String xTitle = stride > 1 ? "episode (training lines: means over blocks of " + stride + " episodes)" : "episode";
        XYChart profit = chart("Daily profit per hub (validation markers and benchmarks: means over the validation days)", "$ per day", xTitle);
        XYChart price = chart("Mean price multiplier per hub", "multiplier (price / marginal cost)", xTitle);
        double xMax = 1;
        for (double[] p : rewardPoints) {
            xMax = Math.max(xMax, p[0]);
        }
        for (double[] p : validationProfit) {
            xMax = Math.max(xMax, p[0]);
        }
        for (XYChart c : List.of(profit, price)) {
            c.getStyler().setXAxisMin(0.0);
            c.getStyler().setXAxisMax(xMax);
        }
        for (int i = 0; i < hubs.size(); i++) {
            java.awt.Color color = HUB_COLORS[i % HUB_COLORS.length];
            line(profit, hubs.get(i) + " training", rewardPoints, i + 1, color);
            line(price, hubs.get(i) + " training", multiplierPoints, i + 1, color);
            points(profit, hubs.get(i) + " validation", validationProfit, i + 1, color);
            points(price, hubs.get(i) + " validation", validationMultiplier, i + 1, color);
        }
        if (Double.isFinite(competitive)) {
            XYSeries s = profit.addSeries(COMPETITIVE_LABEL, new double[] {0, xMax}, new double[] {competitive, competitive});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COMPETITIVE);
            s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        if (Double.isFinite(monopoly)) {
            XYSeries s = profit.addSeries(MONOPOLY_LABEL, new double[] {0, xMax}, new double[] {monopoly, monopoly});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(MONOPOLY);
            s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        numericTicks(profit, xMax);
        numericTicks(price, xMax);
        return List.of(profit, price);
    }

    /**
     * XChart places the x ticks on the data's own x values when they are all equally spaced (as
     * block means are), which draws a numeric axis like a categorical one: a tick per point,
     * crowded, starting at the first point. One invisible point off that grid, hidden from the
     * legend, restores the ordinary numeric ticks (round numbers, spaced for the width).
     */
    private static void numericTicks(XYChart chart, double xMax) {
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        double y = first.getYData()[0];
        XYSeries s = chart.addSeries(" ", new double[] {xMax * 0.3819660112501051 + 0.1234}, new double[] {y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new java.awt.Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    /** Legend labels of the two benchmark lines: they are validation-day means, not training profit. */
    static final String COMPETITIVE_LABEL = "all at multiplier 1, validation-day mean";
    static final String MONOPOLY_LABEL = "all at the cap, validation-day mean";

    private static XYChart chart(String title, String yTitle, String xTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        // a vertical legend beside the plot keeps every entry whole (a horizontal one below ran past the image's edge)
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setXAxisTickMarkSpacingHint(90);
        c.getStyler().setLegendSeriesLineLength(14);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    private static void line(XYChart chart, String name, List<double[]> points, int column, java.awt.Color color) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = points.get(k)[column];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static void points(XYChart chart, String name, List<double[]> points, int column, java.awt.Color color) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = points.get(k)[column];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(color);
    }
}
