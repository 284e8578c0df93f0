package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, EditDistance.between("tau", "tau"));
        assertEquals(2, EditDistance.between("tua", "tau"));
        assertEquals(3, EditDistance.between("", "abc"));
        assertEquals(1, EditDistance.between("stations", "station"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }

    @Test
    void nearestIgnoresCaseAndRefusesFarFetchedHints() {
        assertEquals("capacityKwh", EditDistance.nearest("capacityKWh", List.of("minimumKwh", "capacityKwh")));
        assertEquals("hubs", EditDistance.nearest("hub", List.of("hubs", "demand")));
        assertNull(EditDistance.nearest("zzzzzz", List.of("sac", "dqn")));
        assertNull(EditDistance.nearest("tau", List.of()));
    }
}
