package org.hubprice.env.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code hubs.stationsPerHub}: optional per-hub station counts, validated, overridable and written back. */
class StationsPerHubConfigTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void nullByDefaultSoEveryHubHasTheCommonCount() {
        HubsConfig h = EnvConfig.defaults().hubs();
        assertNull(h.stationsPerHub());
        assertEquals(150, h.stationsOf(0));
        assertEquals(150, h.stationsOf(1));
        assertArrayEquals(new int[] {150, 150}, h.stationsArray());
        assertTrue(h.identicalStations());
        String bad = message(() -> h.stationsOf(2));
        assertTrue(bad.contains("hub = 2") && bad.contains("[0, 1]"), bad);
    }

    @Test
    void givenPerHubCountsOverrideTheCommonOne() {
        EnvConfig c = EnvConfig.fromYaml("hubs:\n  count: 3\n  stationsPerHub: [60, 240, 150]\n", List.of());
        assertEquals(List.of(60, 240, 150), c.hubs().stationsPerHub());
        assertEquals(60, c.hubs().stationsOf(0));
        assertEquals(240, c.hubs().stationsOf(1));
        assertEquals(150, c.hubs().stationsOf(2));
        assertFalse(c.hubs().identicalStations());
        assertTrue(EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[70, 70]").hubs().identicalStations());
    }

    @Test
    void wrongLengthNamesBothKeysTheirValuesAndAHint() {
        String m = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60, 240, 100]"));
        assertTrue(m.contains("hubs.stationsPerHub has 3 entries [60, 240, 100]"), m);
        assertTrue(m.contains("hubs.count = 2"), m);
        assertTrue(m.contains("Maybe set hubs.count=3"), m);
        String yaml = message(() -> EnvConfig.fromYaml("hubs:\n  count: 3\n  stationsPerHub: [60]\n", List.of()));
        assertTrue(yaml.startsWith("<yaml>: hubs.stationsPerHub has 1 entries [60] but hubs.count = 3"), yaml);
    }

    @Test
    void eachEntryIsAWholeNumberInRange() {
        String zero = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[0, 240]"));
        assertTrue(zero.contains("hubs.stationsPerHub[0] = 0 is outside the allowed range [1, 100000]"), zero);
        String big = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60, 100001]"));
        assertTrue(big.contains("hubs.stationsPerHub[1] = 100001"), big);
        String missing = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60, null]"));
        assertTrue(missing.contains("hubs.stationsPerHub[1] is null"), missing);
        String fraction = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60.5, 240]"));
        assertTrue(fraction.contains("hubs.stationsPerHub"), fraction);
        String text = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub=many"));
        assertTrue(text.contains("hubs.stationsPerHub"), text);
    }

    @Test
    void overridesWorkLikeOtherListKeys() {
        EnvConfig c = EnvConfig.fromYaml("", List.of("hubs.stationsPerHub=[100,200]"));
        assertEquals(List.of(100, 200), c.hubs().stationsPerHub());
        // Index overrides on a given list, on a file and on a built configuration.
        assertEquals(List.of(100, 250), c.withOverrides("hubs.stationsPerHub[1]=250").hubs().stationsPerHub());
        assertEquals(List.of(100, 250), EnvConfig.fromYaml("", List.of("hubs.stationsPerHub=[100,200]", "hubs.stationsPerHub[1]=250"))
                .hubs().stationsPerHub());
        // Back to null: every hub has hubs.stations again.
        EnvConfig back = c.withOverrides("hubs.stationsPerHub=null");
        assertNull(back.hubs().stationsPerHub());
        assertEquals(EnvConfig.defaults(), back);
        // An index into the null default is refused with the reason.
        String m = message(() -> EnvConfig.defaults().withOverrides("hubs.stationsPerHub[0]=5"));
        assertTrue(m.contains("hubs.stationsPerHub has no entries"), m);
        // Changing hubs.count and the list together.
        EnvConfig three = EnvConfig.defaults().withOverrides("hubs.count=3", "hubs.stationsPerHub=[10, 20, 30]");
        assertArrayEquals(new int[] {10, 20, 30}, three.hubs().stationsArray());
    }

    @Test
    void yamlRoundTripKeepsTheListAndTheDigestOfOlderConfigurations() {
        EnvConfig c = EnvConfig.defaults().withOverrides("hubs.stationsPerHub=[60, 240]");
        String yaml = c.toYaml();
        assertTrue(yaml.contains("stationsPerHub"), yaml);
        EnvConfig back = EnvConfig.fromYaml(yaml, List.of());
        assertEquals(c, back);
        assertEquals(c.digest(), back.digest());
        assertNotEquals(EnvConfig.defaults().digest(), c.digest());

        // Null is left out of the written forms, so configurations without the key keep the
        // canonical JSON (hence the digest) they had before the key existed.
        EnvConfig d = EnvConfig.defaults();
        assertFalse(d.toYaml().contains("stationsPerHub"), d.toYaml());
        @SuppressWarnings("unchecked")
        Map<String, Object> hubs = (Map<String, Object>) d.toMap().get("hubs");
        assertEquals(Set.of("count", "stations", "battery", "trainingStart", "evaluationStart"), hubs.keySet());
        assertEquals(d, EnvConfig.fromYaml(d.toYaml(), List.of()));
    }

    @Test
    void theOldConstructorMeansIdenticalHubs() {
        HubsConfig d = EnvConfig.defaults().hubs();
        HubsConfig old = new HubsConfig(d.count(), 80, d.battery(), d.trainingStart(), d.evaluationStart());
        assertNull(old.stationsPerHub());
        assertArrayEquals(new int[] {80, 80}, old.stationsArray());
        String m = message(() -> new HubsConfig(2, 80, List.of(1, 2, 3), d.battery(), d.trainingStart(), d.evaluationStart()));
        assertTrue(m.contains("hubs.stationsPerHub has 3 entries"), m);
    }
}
