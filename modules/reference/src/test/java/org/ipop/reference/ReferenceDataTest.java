package org.ipop.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData reference = ReferenceData.get();

    @Test
    void knows_hubei_and_wuhan_by_their_six_digit_codes() {
        assertEquals("湖北省", reference.region("420000").orElseThrow().name());
        Region wuhan = reference.region("420100").orElseThrow();
        assertEquals("武汉市", wuhan.name());
        assertEquals("420000", wuhan.provinceCode());
        assertTrue(reference.region("429999").isEmpty());
    }

    @Test
    void knows_the_forty_sei_branches_with_their_industries() {
        assertEquals(40, reference.industryBranches().size());
        IndustryBranch branch = reference.industryBranch("6.1").orElseThrow();
        assertEquals("6", branch.industryCode());
        assertEquals("新能源产业", branch.industryName());
        assertTrue(reference.industryBranch("6.9").isEmpty());
    }
}
