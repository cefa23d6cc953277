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

    @Test
    void knows_every_level_of_the_national_industry_classification() {
        var all = reference.industryClasses();
        assertEquals(20, all.stream().filter(c -> c.level() == 1).count());
        assertEquals(97, all.stream().filter(c -> c.level() == 2).count());
        assertEquals(473, all.stream().filter(c -> c.level() == 3).count());
        assertEquals(1381, all.stream().filter(c -> c.level() == 4).count());
        IndustryClass section = reference.industryClass("A").orElseThrow();
        assertEquals("农、林、牧、渔业", section.name(), "a quoted name with a comma-like character");
        IndustryClass battery = reference.industryClass("3841").orElseThrow();
        assertEquals("384", battery.parentCode());
        assertEquals("C", battery.section());
        assertEquals("38", battery.division());
        assertEquals("锂离子电池制造", battery.name());
        assertTrue(reference.industryClass("9999").isEmpty());
    }

    @Test
    void lists_the_divisions_within_a_province_or_a_city() {
        var wuhan = reference.regionsWithin("420100");
        assertEquals("420100", wuhan.getFirst().code());
        assertTrue(wuhan.stream().anyMatch(region -> region.name().equals("洪山区")));
        assertTrue(wuhan.stream().allMatch(region -> region.code().startsWith("4201")));
        assertTrue(reference.regionsWithin("420000").size() > wuhan.size());
    }

    @Test
    void reads_quoted_csv_fields() {
        assertEquals(java.util.List.of("1", "a, \"b\"", ""), ReferenceData.csvFields("1,\"a, \"\"b\"\"\","));
    }
}
