package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {
    /** A small validating record standing in for a real configuration section. */
    record Battery(double capacityKwh, int cells) {
        Battery {
            if (cells < 1) {
                throw new IllegalArgumentException("hubs.battery.cells = " + cells + " must be >= 1");
            }
        }
    }

    record Hubs(int count, List<Double> loads, Battery battery) {}

    record Root(Hubs hubs) {}

    private static ObjectNode defaults() {
        return ConfigDocument.parse("hubs:\n  count: 2\n  loads: [1, 2, 3]\n  battery:\n    capacityKwh: 4000\n    cells: 8\n",
                "defaults", "hubs:");
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aDocumentChangesOnlyTheKeysItNames() {
        ObjectNode tree = defaults();
        ConfigDocument.merge(tree, ConfigDocument.parse("hubs:\n  battery:\n    cells: 4\n", "f.yaml", "hubs:"), "", "f.yaml",
                ConfigDocument.STRICT);
        Root r = ConfigDocument.bind(tree, Root.class, "f.yaml");
        assertEquals(4, r.hubs().battery().cells());
        assertEquals(4000.0, r.hubs().battery().capacityKwh(), "a sibling keeps its default");
        assertEquals(List.of(1.0, 2.0, 3.0), r.hubs().loads());
    }

    @Test
    void aListInADocumentReplacesTheDefaultList() {
        ObjectNode tree = defaults();
        ConfigDocument.merge(tree, ConfigDocument.parse("hubs: {loads: [9]}", "f", "hubs:"), "", "f", ConfigDocument.STRICT);
        assertEquals(List.of(9.0), ConfigDocument.bind(tree, Root.class, "f").hubs().loads(), "replaced, not appended or merged by index");
    }

    @Test
    void anUnknownKeyNamesTheFullKeyAndTheNearestKnownOne() {
        String m = message(() -> ConfigDocument.merge(defaults(), ConfigDocument.parse("hubs:\n  battery:\n    capacityKWh: 1\n", "f",
                "hubs:"), "", "f.yaml", ConfigDocument.STRICT));
        assertEquals("f.yaml: unknown key 'hubs.battery.capacityKWh'; the known keys under 'hubs.battery' are [capacityKwh, cells]."
                + " Maybe 'hubs.battery.capacityKwh'?", m);
        String top = message(() -> ConfigDocument.merge(defaults(), ConfigDocument.parse("hub: {}", "f", "hubs:"), "", "f",
                ConfigDocument.STRICT));
        assertTrue(top.contains("unknown key 'hub'; the known keys are [hubs]. Maybe 'hubs'?"), top);
        String far = ConfigDocument.unknownKey("", "hubs", "zzzzzzzz", List.of("count", "loads")).getMessage();
        assertFalse(far.contains("Maybe"), "no far-fetched hint: " + far);
    }

    @Test
    void freeFormSubtreesTakeNewKeys() {
        ObjectNode tree = ConfigDocument.parse("agent: {params: {}}\n", "d", "agent:");
        ConfigDocument.merge(tree, ConfigDocument.parse("agent: {params: {hidden: [8]}}", "f", "agent:"), "", "f",
                p -> p.equals("agent.params"));
        assertEquals(8, tree.at("/agent/params/hidden/0").asInt());
        ConfigDocument.set(tree, "agent.params.lr", "0.5", p -> p.equals("agent.params"));
        assertEquals(0.5, tree.at("/agent/params/lr").asDouble());
        assertTrue(message(() -> ConfigDocument.set(tree, "agent.lr", "1", p -> p.equals("agent.params")))
                .contains("unknown key 'agent.lr'"));
    }

    @Test
    void overridesKeepTheTypeTheyAreWrittenIn() {
        ObjectNode tree = defaults();
        ConfigDocument.set(tree, "hubs.count", "3", ConfigDocument.STRICT);
        ConfigDocument.set(tree, "hubs.battery.capacityKwh", "1.0", ConfigDocument.STRICT);
        assertTrue(tree.at("/hubs/count").isInt(), "3 is an integer, not 3.0");
        assertTrue(tree.at("/hubs/battery/capacityKwh").isDouble(), "1.0 is a number, not the integer 1");
        JsonNode path = ConfigDocument.parseValue("C:\\data", tree.at("/hubs/count"));
        assertEquals("C:\\data", path.asText());
        assertTrue(ConfigDocument.parseValue("a: b", tree.at("/hubs/count")).isTextual(), "a scalar key keeps 'a: b' as text");
        assertTrue(ConfigDocument.parseValue("{a: 1}", com.fasterxml.jackson.databind.node.NullNode.getInstance()).isObject(),
                "an optional section (null by default) takes a mapping");
        assertTrue(ConfigDocument.parseValue(" ", null).isNull());
    }

    @Test
    void overridesReplaceAListOrOneEntryOrEveryEntry() {
        ObjectNode tree = defaults();
        ConfigDocument.set(tree, "hubs.loads", "[5, 6]", ConfigDocument.STRICT);
        assertEquals("[5,6]", tree.at("/hubs/loads").toString());
        ConfigDocument.set(tree, "hubs.loads[1]", "7", ConfigDocument.STRICT);
        assertEquals("[5,7]", tree.at("/hubs/loads").toString());
        ConfigDocument.set(tree, "hubs.loads[*]", "0", ConfigDocument.STRICT);
        assertEquals("[0,0]", tree.at("/hubs/loads").toString());
        assertEquals("--set hubs.loads[2]: hubs.loads has 2 entries, so index 2 is out of range [0, 1]",
                message(() -> ConfigDocument.set(tree, "hubs.loads[2]", "1", ConfigDocument.STRICT)));
        assertTrue(message(() -> ConfigDocument.set(tree, "hubs.count[0]", "1", ConfigDocument.STRICT)).contains("hubs.count has no entries (it is not a list)"));
    }

    @Test
    void anOverrideMustNameAValueNotASection() {
        ObjectNode tree = defaults();
        assertTrue(message(() -> ConfigDocument.set(tree, "hubs.battery", "3", ConfigDocument.STRICT))
                .contains("names the section hubs.battery (keys [capacityKwh, cells]); set one of its keys instead, e.g. hubs.battery.capacityKwh=..."));
        ConfigDocument.set(tree, "hubs.battery", "{cells: 2}", ConfigDocument.STRICT);
        assertEquals(2, tree.at("/hubs/battery/cells").asInt());
        assertEquals(4000, tree.at("/hubs/battery/capacityKwh").asInt(), "a mapping merges, it does not replace the section");
        assertTrue(message(() -> ConfigDocument.set(tree, "hubs.count.x", "1", ConfigDocument.STRICT))
                .contains("'hubs.count' is a value, not a section"));
        assertTrue(message(() -> ConfigDocument.splitOverride("hubs.count", "hubs.count=3")).contains("dotted.key=value"));
        assertEquals(List.of("a.b", " c=d"), List.of(ConfigDocument.splitOverride("a.b = c=d", "x")[0],
                ConfigDocument.splitOverride("a.b = c=d", "x")[1]));
    }

    @Test
    void bindingErrorsNameTheKeyTheValueAndTheType() {
        ObjectNode tree = defaults();
        ConfigDocument.set(tree, "hubs.count", "2.5", ConfigDocument.STRICT);
        assertEquals("f: hubs.count = '2.5' is not an integer", message(() -> ConfigDocument.bind(tree, Root.class, "f")));
        ObjectNode words = defaults();
        ConfigDocument.set(words, "hubs.loads", "[1, many]", ConfigDocument.STRICT);
        assertEquals("f: hubs.loads[1] = 'many' is not a number", message(() -> ConfigDocument.bind(words, Root.class, "f")));
        ObjectNode range = defaults();
        ConfigDocument.set(range, "hubs.battery.cells", "0", ConfigDocument.STRICT);
        assertEquals("f: hubs.battery.cells = 0 must be >= 1", message(() -> ConfigDocument.bind(range, Root.class, "f")));
    }

    @Test
    void badDocumentsSayWhatIsWrong() {
        assertTrue(message(() -> ConfigDocument.parse("- a\n", "f", "hubs:")).contains("must be a mapping of sections (hubs:, ...), not a array"));
        assertTrue(message(() -> ConfigDocument.parse("a: [\n", "f", "hubs:")).startsWith("f: not valid YAML"));
        assertEquals(0, ConfigDocument.parse("", "f", "hubs:").size());
        assertTrue(message(() -> ConfigDocument.merge(defaults(), ConfigDocument.parse("hubs: 3", "f", "x"), "", "f",
                ConfigDocument.STRICT)).contains("hubs must be a mapping with the keys [count, loads, battery], not '3'"));
    }

    @Test
    void theWrittenFormAndTheDigestAreStable() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("id", "5");
        a.put("day", "2021-12-01");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("day", "2021-12-01");
        b.put("id", "5");
        b.put("x", 1);
        assertEquals("x: 1\nid: \"5\"\nday: 2021-12-01\n", ConfigDocument.toYaml(a), "no '---', numbers-as-text quoted: digests depend on these bytes");
        assertEquals(ConfigDocument.digest(a), ConfigDocument.digest(b), "the digest ignores key order");
        b.put("x", 2);
        assertNotEquals(ConfigDocument.digest(a), ConfigDocument.digest(b));
        assertEquals(64, ConfigDocument.digest(a).length());
    }
}
