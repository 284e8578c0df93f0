package org.hubprice.training.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The learning curve: one numeric x axis for both charts, a legend that fits, benchmark lines named as validation-day means. */
class LearningCurveTest {
    @TempDir
    Path tmp;

    private static LearningCurve curve(int episodes) {
        LearningCurve c = new LearningCurve(List.of("hub_0", "hub_1"), episodes);
        for (int e = 1; e <= episodes; e++) {
            c.addEpisode(e, new double[] {100 + e, 90 - e}, new double[] {1.2 + e * 1e-3, 1.5});
            if (e % 20 == 0) {
                c.addValidation(e, new double[] {120, 80}, new double[] {1.3, 1.6});
            }
        }
        c.setBenchmarks(-270, 1790);
        return c;
    }

    @Test
    void bothChartsShareOneNumericAxisFromZeroAndNameTheBenchmarks() {
        List<XYChart> charts = curve(60).charts();
        for (XYChart c : charts) {
            assertEquals(0.0, c.getStyler().getXAxisMin(), "from episode 0");
            assertEquals(60.0, c.getStyler().getXAxisMax(), "to the last episode");
        }
        var names = charts.get(0).getSeriesMap().keySet();
        assertTrue(names.contains(LearningCurve.COMPETITIVE_LABEL) && LearningCurve.COMPETITIVE_LABEL.contains("validation-day mean"), names.toString());
        assertTrue(names.contains(LearningCurve.MONOPOLY_LABEL) && LearningCurve.MONOPOLY_LABEL.contains("validation-day mean"), names.toString());
        assertTrue(charts.get(0).getTitle().contains("validation days"), charts.get(0).getTitle());
        // the x values are equally spaced (one per episode); XChart would then put a tick on every one of them
        for (XYChart c : charts) {
            boolean offGrid = c.getSeriesMap().values().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.getXData()))
                    .anyMatch(x -> x != Math.rint(x));
            assertTrue(offGrid, "a point off the episode grid keeps the ticks numeric");
            assertTrue(c.getSeriesMap().values().stream().filter(s -> !s.isShowInLegend()).count() == 1, "that point is not in the legend");
        }
    }

    @Test
    void theLegendIsNotCutOffAtTheImageEdge() throws Exception {
        Path png = tmp.resolve("curve.png");
        curve(400).write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        int background = img.getRGB(img.getWidth() - 1, 0);
        for (int x = img.getWidth() - 2; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                assertEquals(background, img.getRGB(x, y), "nothing drawn at the right edge (x " + x + ", y " + y + "): the legend fits");
            }
        }
    }
}
