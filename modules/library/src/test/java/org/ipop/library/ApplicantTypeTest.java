package org.ipop.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The labels of patent databases, and the names of institutions registered without a type. */
class ApplicantTypeTest {

    @ParameterizedTest
    @CsvSource({
        "大专院校, UNIVERSITY",
        "高校, UNIVERSITY",
        "科研单位, RESEARCH_INSTITUTE",
        "工矿企业, ENTERPRISE",
        "个人, INDIVIDUAL",
        "机关团体, OTHER",
        "华中科技大学, UNIVERSITY",
        "中国科学院大学, UNIVERSITY",
        "湖北工程学院, UNIVERSITY",
        "武汉职业技术学院, UNIVERSITY",
        "湖北中医药高等专科学校, UNIVERSITY",
        "中国科学院, RESEARCH_INSTITUTE",
        "湖北省农业科学院, RESEARCH_INSTITUTE",
        "中国科学院武汉岩土力学研究所, RESEARCH_INSTITUTE",
        "中科大数据研究院, RESEARCH_INSTITUTE",
        "武汉长江设计院有限公司, ENTERPRISE",
    })
    void reads_labels_and_names(String text, ApplicantType expected) {
        assertEquals(Optional.of(expected), ApplicantType.parse(text));
    }

    @Test
    void nothing_to_read_is_no_type() {
        assertTrue(ApplicantType.parse(" ").isEmpty());
        assertTrue(ApplicantType.parse(null).isEmpty());
    }
}
