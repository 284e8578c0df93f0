package org.hubprice.evaluation.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.XYChart;

/** The study page's figures as PNG bytes, from plain numbers (the study package supplies them from the run summaries). */
public final class StudyFigures {
    private StudyFigures() {}

    /**
     * Per cell, the learned multiplier per hour and the hourly best response's (means over
     * runs, hubs and held-out days): where the dashed line runs below the solid one, a hub gains
     * by undercutting its learned price in that hour.
     */
    public static byte[] bestResponses(Map<String, double[][]> learnedAndBestPerCell) {
        XYChart c = Charts.xy("Learned multiplier (solid) and the hourly best response to the frozen rival (dashed), held-out days",
                "hour", "multiplier a");
        int k = 0;
        for (Map.Entry<String, double[][]> e : learnedAndBestPerCell.entrySet()) {
            java.awt.Color colour = Charts.hubColor(k++);
            Charts.line(c, e.getKey() + " learned", Charts.hours(), e.getValue()[0], colour, null, false);
            Charts.line(c, e.getKey() + " best response", Charts.hours(), e.getValue()[1], colour,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), false);
        }
        return Charts.png(c);
    }

    /** Mean learned price per hour of each cell against the mean unit cost of the power served. */
    public static byte[] hourlyPrices(Map<String, double[]> pricePerCell, double[] unitCost) {
        XYChart c = Charts.xy("Hourly price per cell against the cost of power (held-out days, mean over runs and hubs)", "hour", "$/MWh");
        int k = 0;
        for (Map.Entry<String, double[]> e : pricePerCell.entrySet()) {
            Charts.line(c, e.getKey(), Charts.hours(), e.getValue(), Charts.hubColor(k++), null, false);
        }
        Charts.line(c, "unit cost of power (mean over cells)", Charts.hours(), unitCost, java.awt.Color.BLACK,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), false);
        return Charts.png(c);
    }

    /** Box plots of per-day values, one box per label. */
    public static byte[] boxes(String title, String yTitle, Map<String, double[]> values) {
        BoxChart c = Charts.box(title, yTitle);
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            List<Double> v = new ArrayList<>();
            for (double x : e.getValue()) {
                if (Double.isFinite(x)) {
                    v.add(x);
                }
            }
            if (v.isEmpty()) {
                continue;
            }
            c.addSeries(e.getKey(), v);
        }
        return Charts.png(c);
    }

    /** One line per run: the quick collusion index on the validation days against the training episode. */
    public static byte[] learningCurves(String title, Map<String, double[][]> runs) {
        XYChart c = Charts.xy(title, "training episode", "quick collusion index");
        int k = 0;
        for (Map.Entry<String, double[][]> e : runs.entrySet()) {
            Charts.line(c, e.getKey(), e.getValue()[0], e.getValue()[1], Charts.hubColor(k++), null, true);
        }
        return Charts.png(c);
    }
}
