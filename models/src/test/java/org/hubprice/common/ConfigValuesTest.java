package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static ConfigValues yaml(String text) {
        return ConfigValues.of(ConfigDocument.parse(text, "t", "x:"), "", "");
    }

    @Test
    void integersMayBeWrittenAsNumbersOrText() {
        ConfigValues v = ConfigValues.of(Map.of("a", "1", "b", 1.0, "c", "1e6", "d", "1_000", "e", "12345678901234567"), "sac");
        assertEquals(1, v.getInt("a"));
        assertEquals(1, v.getInt("b"));
        assertEquals(1_000_000, v.getInt("c"));
        assertEquals(1000, v.getLong("d"));
        assertEquals(12345678901234567L, v.getLong("e"), "exact beyond 2^53, not rounded through a double");
        assertEquals(7, v.getInt("absent", 7));
    }

    @Test
    void aFractionIsNotAnInteger() {
        ConfigValues v = ConfigValues.of(Map.of("batchSize", 2.5, "n", "ten", "big", 3_000_000_000L), "sac");
        assertEquals("sac: batchSize = '2.5' is not an integer", message(() -> v.getInt("batchSize", 1)));
        assertEquals("sac: n = 'ten' is not an integer", message(() -> v.getLong("n")));
        assertEquals("sac: big = 3000000000 is too large for an integer setting", message(() -> v.getInt("big")));
        assertEquals(3_000_000_000L, v.getLong("big"));
    }

    @Test
    void numbersAndBooleans() {
        ConfigValues v = ConfigValues.of(Map.of("lr", "3e-4", "n", 2, "on", "1", "off", "Off", "t", true, "bad", "perhaps"), "dqn");
        assertEquals(3e-4, v.getDouble("lr"));
        assertEquals(2.0, v.getDouble("n"));
        assertTrue(v.getBoolean("on"));
        assertFalse(v.getBoolean("off"));
        assertTrue(v.getBoolean("t"));
        assertEquals("dqn: bad = 'perhaps' is not true or false", message(() -> v.getBoolean("bad")));
        assertEquals("dqn: on = 'x' is not a number",
                message(() -> ConfigValues.of(Map.of("on", "x"), "dqn").getDouble("on", 0)));
    }

    @Test
    void listsMayBeWrittenAsListsOrText() {
        ConfigValues v = ConfigValues.of(Map.of("a", List.of(256, 256), "b", "256,128", "c", "[64, 64]", "d", 32, "e", "1,x"), "sac");
        assertEquals(List.of(256, 256), v.getIntList("a"));
        assertEquals(List.of(256, 128), v.getIntList("b"));
        assertEquals(List.of(64, 64), v.getIntList("c"));
        assertEquals(List.of(32), v.getIntList("d"));
        assertEquals("sac: e[1] = 'x' is not an integer", message(() -> v.getIntList("e")));
        assertNull(v.getIntList("absent"));
        assertArrayEquals(new double[] {1.5, 2}, ConfigValues.of(Map.of("o", "1.5, 2"), "s").getDoubleList("o"));
        assertNull(v.getDoubleList("absent"));
        assertEquals(List.of(1.0, 2.5), ConfigValues.of(Map.of("o", List.of(1, "2.5")), "s").getNumbers("o", List.of()));
        assertEquals(List.of(), v.getNumbers("absent", List.of()));
    }

    @Test
    void errorsNameTheFullKeyBelowASection() {
        ConfigValues root = yaml("stopping:\n  maxEpisodes: many\n  plateau: 3\n  list: [1]\n");
        ConfigValues s = root.section("stopping");
        assertEquals("stopping.maxEpisodes = 'many' is not an integer", message(() -> s.getLong("maxEpisodes")));
        assertEquals("stopping.plateau must be a mapping, not '3'", message(() -> s.section("plateau")));
        assertEquals("stopping.window is missing; give a value", message(() -> s.getInt("window")));
        assertEquals("stopping.list must be a single value, not a list", message(() -> s.getString("list")));
        assertEquals("validation is missing; it must be a mapping", message(() -> root.section("validation")));
    }

    @Test
    void onlyKnownKeysWithAHintThatNamesTheFullKey() {
        ConfigValues s = yaml("stopping:\n  maxEpisode: 5\n").section("stopping");
        assertEquals("unknown key 'stopping.maxEpisode'; the known keys under 'stopping' are [maxEpisodes, maxWallTime]."
                + " Maybe 'stopping.maxEpisodes'?", message(() -> s.onlyKeys(List.of("maxEpisodes", "maxWallTime"))));
        ConfigValues p = ConfigValues.of(Map.of("tua", 0.05), "sac");
        assertEquals("sac: unknown key 'tua'; the known keys are [gamma, tau]. Maybe 'tau'?", message(() -> p.onlyKeys(List.of("gamma", "tau"))));
    }

    @Test
    void oneSettingFromTextIsReadAsYaml() {
        assertEquals(List.of(1, 2), ConfigValues.ofText("offsets", "[1, 2]", "").getIntList("offsets"));
        assertEquals(1000, ConfigValues.ofText("n", "1_000", "").getLong("n"));
        assertEquals("run: maxPeriods = 'lots' is not an integer", message(() -> ConfigValues.ofText("maxPeriods", "lots", "run").getLong("maxPeriods")));
        assertEquals("n is missing; give a value", message(() -> ConfigValues.ofText("n", "", "").getInt("n")));
    }

    @Test
    void stringsAreTrimmedAndNumbersReadAsText() {
        ConfigValues v = ConfigValues.of(Map.of("a", " ff ", "b", 1.5), "t");
        assertEquals("ff", v.getString("a"));
        assertEquals("1.5", v.getString("b"));
        assertEquals("dflt", v.getString("absent", "dflt"));
        assertNull(v.getString("absent"));
    }
}
