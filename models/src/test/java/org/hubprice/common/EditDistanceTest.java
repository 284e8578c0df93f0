package org.hubprice.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
