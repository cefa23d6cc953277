package org.ipop.library;

import java.util.Optional;

/** Who holds the patent, as patent databases classify applicants (申请人类型). */
public enum ApplicantType {
    UNIVERSITY("大专院校"),
    RESEARCH_INSTITUTE("科研单位"),
    ENTERPRISE("企业"),
    INDIVIDUAL("个人"),
    OTHER("机关团体及其他");

    private final String chinese;

    ApplicantType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /**
     * Reads the labels Chinese databases export (大专院校, 高校, 科研单位, 科研机构, 工矿企业, 企业, 个人, 机关团体…), and
     * guesses from an institution's name when no label is given (湖北工程学院, 中国科学院武汉岩土力学研究所).
     */
    public static Optional<ApplicantType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.contains("院校") || value.contains("高校") || value.contains("大学") || value.equals("university")) {
            return Optional.of(UNIVERSITY);
        }
        // Academies (中国科学院, 湖北省农业科学院) are research institutes although their names contain 学院.
        if (value.contains("科学院")) {
            return Optional.of(RESEARCH_INSTITUTE);
        }
        if (value.contains("学院") || value.contains("学校")) { // 湖北工程学院, 武汉职业技术学院, 某某高等专科学校
            return Optional.of(UNIVERSITY);
        }
        if (value.contains("科研") || value.contains("研究") || value.startsWith("research")) {
            return Optional.of(RESEARCH_INSTITUTE);
        }
        if (value.contains("企业") || value.contains("公司") || value.equals("enterprise") || value.equals("company")) {
            return Optional.of(ENTERPRISE);
        }
        if (value.contains("个人") || value.equals("individual")) {
            return Optional.of(INDIVIDUAL);
        }
        return Optional.of(OTHER);
    }
}
