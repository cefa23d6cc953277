package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalStatusTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "有权-审定授权, IN_FORCE",
            "有权, IN_FORCE",
            "授权, IN_FORCE",
            "有权-部分无效, PARTIALLY_INVALIDATED",
            "审中-实审, PENDING",
            "审中-实质审查, PENDING",
            "审中-公开, PENDING",
            "无权-视为撤回, LAPSED",
            "无权-驳回, LAPSED",
            "无权-未缴年费, LAPSED",
            "无权-期限届满, LAPSED",
            "无权-全部无效, LAPSED",
            "失效, LAPSED",
            "'', UNKNOWN",
            "NULL, UNKNOWN",
            "PCT-有效期内, UNKNOWN"})
    void reads_the_legal_status_strings_of_chinese_exports(String exported, LegalStatus expected) {
        assertEquals(expected, LegalStatus.read(exported));
    }
}
