package org.hubprice.evaluation.days;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.EvalFixtures;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day selection: the split's days, a user's scenario file, a PJM pair, and clear errors for broken files. */
class ScenariosTest {
    private static final EnvConfig CONFIG = EvalFixtures.config();

    @TempDir
    Path dir;

    private static String row(LocalDate date, double da, double rt) {
        StringBuilder b = new StringBuilder(date.toString());
        for (int t = 0; t < 24; t++) {
            b.append(',').append(da + t);
        }
        for (int t = 0; t < 24; t++) {
            b.append(',').append(rt + t);
        }
        return b.toString();
    }

    private Path scenarioFile(String name, String... rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# two summer days");
        lines.add(String.join(",", ScenarioCsv.HEADER));
        lines.addAll(List.of(rows));
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void keywordsSelectTheSplit() {
        assertEquals(6, Scenarios.of(CONFIG, "test", null).selected().length);
        assertEquals(54, Scenarios.of(CONFIG, "train", null).selected().length);
        assertEquals(60, Scenarios.of(CONFIG, "all", null).selected().length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, "tset", null));
        assertTrue(e.getMessage().contains("is not test, train, all or a readable file"), e.getMessage());
    }

    @Test
    void aScenarioFileIsPlayedWithTheTrainingScale() throws Exception {
        Path f = scenarioFile("days.csv", row(LocalDate.of(2022, 7, 14), 40, 35), row(LocalDate.of(2022, 7, 15), 50, 55));
        Scenarios s = Scenarios.of(CONFIG, f.toString(), null);
        assertEquals(2, s.selected().length);
        HubPricingEnv base = Scenarios.of(CONFIG, "test", null).newEnvironment();
        HubPricingEnv onFile = s.newEnvironment();
        assertEquals(base.normalizer(), onFile.normalizer(), "agents see the file's days on the scale they were trained with");
        assertEquals(java.util.Arrays.deepToString(base.commitments()), java.util.Arrays.deepToString(onFile.commitments()));
        EvaluationResult r = Evaluator.evaluate(s, EvalFixtures.all("fixed-markup:1.5", 2), EvalFixtures.options(2, 2));
        assertEquals(LocalDate.of(2022, 7, 14), r.days().get(0).date());
        // Hour 5 of the first file day: DA 45, RT 40, so the competitive price is min(DA, RT) = 40.
        assertEquals(40.0, r.days().get(0).competitive().price(5, 0), 1e-12);
    }

    @Test
    void aBrokenDayInAScenarioFileIsNamed() throws Exception {
        String bad = row(LocalDate.of(2022, 7, 15), 50, 55).replaceFirst(",55.0,", ",abc,");
        Path f = scenarioFile("bad.csv", row(LocalDate.of(2022, 7, 14), 40, 35), bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, f.toString(), null));
        assertTrue(e.getMessage().contains("bad.csv line 4 (date 2022-07-15), column da_5: 'abc' is not a finite price"), e.getMessage());

        Path short1 = scenarioFile("short.csv", row(LocalDate.of(2022, 7, 14), 40, 35).substring(0, 60));
        e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, short1.toString(), null));
        assertTrue(e.getMessage().contains("are required (date + 24 da + 24 rt)"), e.getMessage());

        Path twice = scenarioFile("twice.csv", row(LocalDate.of(2022, 7, 14), 40, 35), row(LocalDate.of(2022, 7, 14), 41, 36));
        e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, twice.toString(), null));
        assertTrue(e.getMessage().contains("already appears on line 3"), e.getMessage());
    }

    /**
     * {@code test:FILE} plays the file's days on the dates the configuration holds out, so a run
     * trained on one market can be scored on another market's prices for the same dates, day by
     * day; dates the file lacks are named, and dates it has beyond them are not played.
     */
    @Test
    void testColonFileKeepsTheFilesDaysOnTheHeldOutDates() throws Exception {
        Scenarios own = Scenarios.of(CONFIG, "test", null);
        List<LocalDate> held = java.util.Arrays.stream(own.selected()).mapToObj(i -> own.days().get(i).date()).toList();
        LocalDate trainingDate = own.days().get(Scenarios.of(CONFIG, "train", null).selected()[0]).date();
        List<String> rows = new ArrayList<>();
        for (int k = 1; k < held.size(); k++) {
            rows.add(row(held.get(k), 30 + k, 25 + k));
        }
        rows.add(row(trainingDate, 90, 95));
        Path f = scenarioFile("other-market.csv", rows.toArray(String[]::new));

        Scenarios s = Scenarios.of(CONFIG, "test:" + f, null);
        List<LocalDate> played = java.util.Arrays.stream(s.selected()).mapToObj(i -> s.days().get(i).date()).toList();
        assertEquals(held.subList(1, held.size()), played, "the held-out dates the file has, and nothing else");
        assertEquals(List.of(held.get(0).toString()), s.describe().get("missingDates"));
        assertEquals(own.normalizer(), s.newEnvironment().normalizer(), "the configuration's own scale, as for any file");
        assertEquals(31.0, s.days().get(s.selected()[0]).dayAhead()[0], 1e-12, "the file's prices, not the configuration's");

        Scenarios t = Scenarios.of(CONFIG, "train:" + f, null);
        assertEquals(1, t.selected().length);
        assertEquals(trainingDate, t.days().get(t.selected()[0]).date());

        assertEquals(played.size(), Scenarios.of(CONFIG, "held-out:" + f, null).selected().length, "the keywords' other names work too");
        IllegalArgumentException missingFile = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, "test:nope.csv", null));
        assertTrue(missingFile.getMessage().startsWith("--days = 'test:nope.csv': 'nope.csv' is not a readable file"), missingFile.getMessage());

        Path none = scenarioFile("none.csv", row(trainingDate, 90, 95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, "test:" + none, null));
        assertTrue(e.getMessage().contains("the file has none of the configuration's " + held.size() + " test dates"), e.getMessage());
    }

    private Path pjm(String name, String column, int skipHourOfDay2) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("datetime_beginning_ept,pnode_id," + column);
        for (int d = 1; d <= 2; d++) {
            for (int h = 0; h < 24; h++) {
                if (d == 2 && h == skipHourOfDay2) {
                    continue;
                }
                lines.add(String.format(Locale.ROOT, "7/%d/2022 %d:00,48592,%d", d, h, 40 + h));
            }
        }
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void aPjmPairFollowsTheConfigurationsStrictMode() throws Exception {
        Path da = pjm("da.csv", "total_lmp_da", -1);
        Path rt = pjm("rt.csv", "total_lmp_rt", -1);
        assertEquals(2, Scenarios.of(CONFIG, da + "," + rt, null).selected().length);
        Path gap = pjm("gap_da.csv", "total_lmp_da", 14);
        assertEquals(1, Scenarios.of(CONFIG, gap + "," + rt, null).selected().length, "market.pjm.strict=false: the day is skipped");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.of(CONFIG.withOverrides("market.pjm.strict=true"), gap + "," + rt, null));
        assertTrue(e.getMessage().contains("2022-07-02: DA: missing hours 14:00"), e.getMessage());
        assertTrue(e.getMessage().contains("set market.pjm.strict=false"), "the hint names an option that works here: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, da + ",", null));
        assertTrue(e.getMessage().contains("DA.csv,RT.csv"), e.getMessage());
    }

    @Test
    void aFileThatIsNeitherFormatIsExplained() throws Exception {
        Path f = dir.resolve("other.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.of(CONFIG, f.toString(), null));
        assertTrue(e.getMessage().contains("not a scenario CSV") && e.getMessage().contains("DA.csv,RT.csv"), e.getMessage());
    }
}
