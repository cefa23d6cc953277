package org.ipop.enterprises;

import java.util.Arrays;
import java.util.Optional;

/** 企业规模 as the statistical classification of enterprise sizes names it. */
public enum EnterpriseSize {
    LARGE("大型"), MEDIUM("中型"), SMALL("小型"), MICRO("微型");

    private final String chinese;

    EnterpriseSize(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Reads {@code SMALL}, {@code small}, {@code 小型} or {@code 小型企业}. */
    public static Optional<EnterpriseSize> parse(String text) {
        String value = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(size -> size.name().equalsIgnoreCase(value)
                || value.startsWith(size.chinese)).findFirst();
    }
}
