package org.hubprice.env.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.env.demand.BalkingCurve;
import org.hubprice.env.demand.DemandConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvConfigTest {
    private static IllegalArgumentException fails(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> EnvConfig.fromYaml(yaml, List.of()));
    }

    @Test
    void defaultsMatchTheModel() {
        EnvConfig c = EnvConfig.defaults();
        assertEquals(2, c.hubs().count());
        assertEquals(150, c.hubs().stations());
        assertEquals(4000, c.hubs().battery().capacityKwh());
        assertEquals(new UniformRange(500, 3500), c.hubs().trainingStart().energyKwh());
        assertEquals(new UniformRange(20, 80), c.hubs().trainingStart().costBasis());
        assertEquals(DemandConfig.defaults(), c.demand().toDemandConfig());
        assertEquals("closed-form", c.power().dispatcher());
        assertEquals("paper", c.split().method());
        assertEquals(101, c.pricing().discreteLevels());
        assertEquals("2021-12-01", c.market().synthetic().firstDay());
    }

    @Test
    void theDemandTablesAreKeysOfTheDefaultsThoughTheYamlDoesNotRepeatThem() {
        IllegalArgumentException e = fails("demand:\n  meanVehicle: [1]\n");
        assertTrue(e.getMessage().contains("under 'demand' are [meanVehicles, chargeProbability, batterySizesKwh,"), e.getMessage());
        assertTrue(e.getMessage().contains("Maybe 'demand.meanVehicles'?"), e.getMessage());
        EnvConfig c = EnvConfig.fromYaml("demand:\n  socPercents: [20, 80]\n  socProbabilities: [0.5, 0.5]\n", List.of());
        assertEquals(List.of(20.0, 80.0), c.demand().socPercents());
        assertEquals(DemandConfig.defaults().meanVehicles()[7], c.demand().meanVehicles().get(7));
    }

    @Test
    void aFileNamesOnlyWhatItChanges() {
        EnvConfig c = EnvConfig.fromYaml("hubs:\n  count: 3\n  battery:\n    capacityKwh: 5000\n", List.of());
        assertEquals(3, c.hubs().count());
        assertEquals(5000, c.hubs().battery().capacityKwh());
        assertEquals(500, c.hubs().battery().minimumKwh());
        assertEquals(150, c.hubs().stations());
    }

    @Test
    void unknownKeyNamesTheFullPathAndSuggests() {
        IllegalArgumentException e = fails("hubs:\n  battery:\n    capacityKWh: 5000\n");
        assertTrue(e.getMessage().contains("hubs.battery.capacityKWh"), e.getMessage());
        assertTrue(e.getMessage().contains("Maybe 'hubs.battery.capacityKwh'"), e.getMessage());
        IllegalArgumentException top = fails("hub:\n  count: 2\n");
        assertTrue(top.getMessage().contains("unknown key 'hub'"), top.getMessage());
        assertTrue(top.getMessage().contains("Maybe 'hubs'"), top.getMessage());
    }

    @Test
    void unknownKeyInsideAnOptionalSectionIsCaughtToo() {
        IllegalArgumentException e = fails("demand:\n  balking:\n    absolutePrice: {midpoint: 300, scale: 30}\n");
        assertTrue(e.getMessage().contains("demand.balking.absolutePrice.midpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("midpointPrice"), e.getMessage());
    }

    @Test
    void outOfRangeValueNamesTheKeyAndTheRange() {
        IllegalArgumentException e = fails("hubs:\n  count: 0\n");
        assertTrue(e.getMessage().contains("hubs.count = 0"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 64]"), e.getMessage());
        IllegalArgumentException f = fails("pricing:\n  floor: -1\n");
        assertTrue(f.getMessage().contains("pricing.floor = -1.0"), f.getMessage());
        assertTrue(f.getMessage().contains("(0, 1000]"), f.getMessage());
        IllegalArgumentException g = fails("hubs:\n  trainingStart:\n    energyKwh: {low: 100, high: 3500}\n");
        assertTrue(g.getMessage().contains("hubs.trainingStart.energyKwh.low = 100.0"), g.getMessage());
        assertTrue(g.getMessage().contains("[500, 4000]"), g.getMessage());
        IllegalArgumentException h = fails("demand:\n  chargeProbability: [0.5]\n");
        assertTrue(h.getMessage().startsWith("<yaml>: demand.chargeProbability has 1 values"), h.getMessage());
    }

    @Test
    void choicesAreNamedWithAHint() {
        IllegalArgumentException e = fails("power:\n  dispatcher: closedform\n");
        assertTrue(e.getMessage().contains("power.dispatcher = 'closedform'"), e.getMessage());
        assertTrue(e.getMessage().contains("[closed-form, milp]"), e.getMessage());
        assertTrue(e.getMessage().contains("Maybe 'closed-form'"), e.getMessage());
    }

    @Test
    void wrongTypesNameTheKey() {
        IllegalArgumentException e = fails("hubs:\n  count: two\n");
        assertTrue(e.getMessage().contains("hubs.count"), e.getMessage());
        IllegalArgumentException f = fails("hubs:\n  count: 2.5\n");
        assertTrue(f.getMessage().contains("hubs.count"), f.getMessage());
        IllegalArgumentException g = fails("hubs: 3\n");
        assertTrue(g.getMessage().contains("hubs must be a mapping"), g.getMessage());
    }

    @Test
    void crossFieldRulesNameTheKeys() {
        IllegalArgumentException e = fails("market:\n  source: pjm\n");
        assertTrue(e.getMessage().contains("market.pjm.dayAheadFile is missing"), e.getMessage());
        IllegalArgumentException f = fails("daCommitment:\n  mode: explicit\n");
        assertTrue(f.getMessage().contains("daCommitment.values is missing"), f.getMessage());
        IllegalArgumentException g = fails("daCommitment:\n  values: [1, 2]\n");
        assertTrue(g.getMessage().contains("Maybe set daCommitment.mode: explicit"), g.getMessage());
    }

    @Test
    void overridesUseDottedPaths() {
        EnvConfig c = EnvConfig.defaults().withOverrides("hubs.count=3", "power.dispatcher=milp", "demand.meanVehicles[2]=1500",
                "demand.balking.steps=none", "daCommitment.mode=explicit", "daCommitment.values=[" + "10,".repeat(23) + "10]");
        assertEquals(3, c.hubs().count());
        assertEquals("milp", c.power().dispatcher());
        assertEquals(1500.0, c.demand().meanVehicles().get(2));
        assertEquals(BalkingCurve.none(), c.demand().toDemandConfig().balking());
        assertEquals(24, c.daCommitment().valuesArray().length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvConfig.defaults().withOverrides("hubs.stattions=3"));
        assertTrue(e.getMessage().contains("unknown key 'hubs.stattions'") && e.getMessage().contains("Maybe 'hubs.stations'"),
                e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> EnvConfig.defaults().withOverrides("hubs.count"));
        assertTrue(f.getMessage().contains("dotted.key=value"), f.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> EnvConfig.defaults().withOverrides("hubs=3"));
        assertTrue(g.getMessage().contains("names the section hubs"), g.getMessage());
    }

    @Test
    void yamlRoundTripGivesAnEqualConfig() {
        EnvConfig c = EnvConfig.defaults().withOverrides("hubs.count=4", "demand.balking.steps=custom",
                "demand.balking.lowerRatios=[1.0, 1.5]", "demand.balking.probabilities=[0.25, 1.0]",
                "demand.balking.absolutePrice={midpointPrice: 300, scale: 30}", "market.source=pjm",
                "market.pjm.dayAheadFile=/tmp/da.csv", "market.pjm.realTimeFile=/tmp/rt.csv", "split.method=reference");
        String yaml = c.toYaml();
        EnvConfig back = EnvConfig.fromYaml(yaml, List.of());
        assertEquals(c, back);
        assertEquals(c.digest(), back.digest());
        assertEquals(EnvConfig.defaults(), EnvConfig.fromYaml(EnvConfig.defaults().toYaml(), List.of()));
        assertNotEquals(c.digest(), EnvConfig.defaults().digest());
        assertEquals(BalkingSettings.of(back.demand().toDemandConfig().balking()), back.demand().balking());
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("env.yaml");
        Files.writeString(f, "split:\n  method: reference\n");
        EnvConfig c = EnvConfig.load(f, List.of("split.every=7"));
        assertEquals("reference", c.split().method());
        assertEquals(7, c.split().every());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvConfig.load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Files.writeString(f, "hubs:\n  count: 0\n");
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> EnvConfig.load(f, List.of()));
        assertTrue(g.getMessage().startsWith(f.toString() + ": hubs.count"), g.getMessage());
    }

    @Test
    void demandSettingsRoundTripTheDemandModel() {
        DemandConfig d = DemandConfig.defaults().withDemandMultiplier(1.5)
                .withBalking(BalkingCurve.either(BalkingCurve.none(), BalkingCurve.logisticPrice(250, 20)));
        assertEquals(d, DemandSettings.of(d).toDemandConfig());
    }
}
