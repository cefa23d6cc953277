package org.ipop.library.valuation;

import java.util.Arrays;
import java.util.Optional;

/** The three first-level dimensions of GB/T 42748-2023 《专利评估指引》. {@link #code()} is the key in JSON. */
public enum ValueDimension {
    LEGAL("legal", "法律价值", "Legal value"),
    TECHNICAL("technical", "技术价值", "Technical value"),
    ECONOMIC("economic", "经济价值", "Economic value");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    ValueDimension(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<ValueDimension> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
