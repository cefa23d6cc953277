package org.ipop.enterprises.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ipop.enterprises.DemandInput;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.kernel.FieldError;
import org.ipop.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** Profiles and demands are checked field by field against the real reference tables. */
class EnterpriseRulesTest {

    private final EnterpriseRules rules = new EnterpriseRules(ReferenceData.get());

    static EnterpriseProfile valid() {
        return new EnterpriseProfile("91350100M000100Y43", "武汉氢能科技有限公司", "420100", List.of("3841", "C"),
                List.of("6.4"), "小型", List.of("专精特新", "HIGH_TECH"), "燃料电池电堆、储氢瓶",
                "从事氢燃料电池研发", List.of("燃料电池", "储氢"), List.of("h01m 8/04", "F17C"), "张经理",
                "027-8888 0000");
    }

    @Test
    void a_valid_profile_is_normalised_and_passes() {
        EnterpriseProfile profile = rules.normalise(valid());
        assertEquals(List.of(), rules.check(profile));
        assertEquals("SMALL", profile.size());
        assertEquals(List.of("SPECIALIZED_SME", "HIGH_TECH"), profile.recognitions());
        assertEquals(List.of("H01M8/04", "F17C"), profile.ipcCodes());
    }

    @Test
    void every_bad_field_is_reported_with_its_value() {
        EnterpriseProfile bad = rules.normalise(new EnterpriseProfile("91350100M000100Y44", "", "429999",
                List.of("9999"), List.of("6.9"), "巨型", List.of("五星企业"), "", "", List.of(), List.of("X99"), "",
                "abc"));
        List<FieldError> errors = rules.check(bad);
        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertEquals(List.of("creditCode", "name", "regionCode", "industryClasses", "branches", "size",
                "recognitions", "ipcCodes", "contactPhone"), fields);
        assertEquals("9999", errors.get(3).value());
        assertTrue(errors.get(3).reason().contains("GB/T 4754-2017"));
    }

    @Test
    void an_enterprise_needs_at_least_one_industry_class() {
        EnterpriseProfile none = rules.normalise(new EnterpriseProfile("91350100M000100Y43", "某公司", "420100",
                List.of(), List.of(), null, List.of(), null, null, List.of(), List.of(), null, null));
        assertEquals(List.of("industryClasses"), rules.check(none).stream().map(FieldError::field).toList());
    }

    @Test
    void demands_are_checked() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        assertEquals(List.of(), rules.check(new DemandInput("燃料电池膜电极国产化", "需要提高膜电极的寿命和一致性，降低铂载量",
                "6.4", 50, 200, List.of("LICENCE", "joint_development"), "2027-06-30"), today));
        List<String> fields = rules.check(new DemandInput("", "太短", "9.9", 300, 100, List.of("GIFT"),
                "2026-01-01"), today).stream().map(FieldError::field).toList();
        assertEquals(List.of("title", "problem", "segment", "budgetMax", "modes", "deadline"), fields);
    }
}
