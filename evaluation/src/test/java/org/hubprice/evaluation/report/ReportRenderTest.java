package org.hubprice.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hubprice.evaluation.EvalFixtures;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.Evaluator;
import org.hubprice.evaluation.RunDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium: every embedded chart decodes (an inline script
 * marks the count in the DOM, read back with --dump-dom) and the screenshot is not blank.
 * Skipped, visibly, where /usr/bin/chromium is not installed.
 */
class ReportRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Hourly prices, profit box plot, Δ box plot, DA commitment, two deviation charts, learning curve. */
    private static final int CHARTS = 7;

    @TempDir
    static Path dir;

    private static Path report;
    private static String html;

    @BeforeAll
    static void writeReport() throws Exception {
        EvaluationResult r = Evaluator.evaluate(EvalFixtures.scenarios(EvalFixtures.config()), EvalFixtures.each("fixed-markup:1.4", "random"),
                EvalFixtures.options(2, 2));
        Path metrics = dir.resolve("metrics.csv");
        List<String> lines = new ArrayList<>();
        lines.add("episode,day,total_reward,reward_hub_0,reward_hub_1,multiplier_hub_0,multiplier_hub_1,served_hub_0,served_hub_1");
        for (int e = 1; e <= 300; e++) {
            double p0 = 1000 + e + 50 * Math.sin(e / 9.0);
            double p1 = 900 + 2 * e;
            lines.add(String.format(Locale.ROOT, "%d,2022-01-%02d,%.2f,%.2f,%.2f,%.3f,%.3f,100,90", e, 1 + e % 28, p0 + p1, p0, p1,
                    1.2 + e / 1000.0, 1.5 - e / 1000.0));
        }
        Files.write(metrics, lines);
        Path curve = RunDirectory.learningCurveFromMetrics(metrics, dir);
        assertTrue(curve != null && Files.size(curve) > 1000, "a learning curve is drawn from metrics.csv");
        ResultFiles.write(dir.resolve("eval"), r, curve);
        report = dir.resolve("eval").resolve(ResultFiles.REPORT);
        html = Files.readString(report, StandardCharsets.UTF_8);
    }

    @Test
    void theTextGivesUnitsTheBackOnPathToleranceAndATimestampToTheSecond() {
        assertTrue(Pattern.compile("written \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.").matcher(html).find(),
                "the header's time has no fractions of a second");
        assertTrue(html.contains("<th>served (EVs/day, all hubs)</th><th>balked (EVs/day, all hubs)</th>"), "units on the days table");
        assertTrue(html.contains("Prices back on the undisturbed path (every hub's mean price within 1e-9 $/MWh of it"),
                "the tolerance is stated");
        Matcher gaps = Pattern.compile("by hour after the deviation: 13: [0-9.]+, 14: [0-9.]+(, \\d+: [0-9.]+)*, 23: [0-9.]+\\.").matcher(html);
        assertTrue(gaps.find(), "the gap behind the verdict, hour by hour, as the figure shows it");
    }

    @Test
    void theReportIsSelfContained() throws IOException {
        Matcher m = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,").matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
        }
        assertEquals(CHARTS, images);
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resources");
        for (String f : List.of(ResultFiles.SUMMARY, ResultFiles.DAYS, ResultFiles.HOURS, ResultFiles.DEVIATION)) {
            assertTrue(Files.size(dir.resolve("eval").resolve(f)) > 0, f);
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".eval.tmp-")), "no temporary directory left behind");
        }
    }

    private static List<String> chromium(Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        cmd.add(report.toUri().toString());
        return cmd;
    }

    private static String run(List<String> cmd, Path log) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyChartDecodesInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed (/usr/bin/chromium); "
                + "install it with 'apt-get install -y chromium' to run this test");
        String dom = run(chromium(dir.resolve("profile-dom"), "--virtual-time-budget=10000", "--dump-dom"), dir.resolve("dom.log"));
        Matcher m = Pattern.compile("id=\"render-check\" data-images=\"(\\d+)\" data-decoded=\"(\\d+)\" data-failed=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the render check did not run; DOM tail: " + dom.substring(Math.max(0, dom.length() - 500)));
        assertEquals(Integer.toString(CHARTS), m.group(1), "images in the page");
        assertEquals(Integer.toString(CHARTS), m.group(2), "images decoded; failed: " + m.group(3));
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed (/usr/bin/chromium); "
                + "install it with 'apt-get install -y chromium' to run this test");
        Path png = dir.resolve("shot.png");
        run(chromium(dir.resolve("profile-shot"), "--screenshot=" + png, "--window-size=1280,4000", "--hide-scrollbars"), dir.resolve("shot.log"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        long nonWhite = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                nonWhite += rgb != 0xFFFFFF ? 1 : 0;
            }
        }
        double share = nonWhite / (double) ((img.getHeight() / 2) * (img.getWidth() / 2));
        assertTrue(share > 0.02, "the page is nearly blank: " + share + " of pixels are not white");
        assertTrue(colours.size() > 50, "charts draw many colours; the screenshot has " + colours.size());
    }
}
